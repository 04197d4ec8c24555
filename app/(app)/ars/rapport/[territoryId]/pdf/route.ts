import { reportPdf } from "@/components/dashboards/downloads";

export const dynamic = "force-dynamic";

// The yearly activity report of a territory as a PDF (see components/dashboards/downloads.ts).
export async function GET(request: Request, { params }: { params: Promise<{ territoryId: string }> }) {
  return reportPdf(request, (await params).territoryId);
}
