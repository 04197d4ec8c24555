import { reportPdf } from "@/app/(app)/ars/dashboard-routes";

export const dynamic = "force-dynamic";

// The yearly activity report of a territory as a PDF (see dashboard-routes.ts).
export async function GET(request: Request, { params }: { params: Promise<{ territoryId: string }> }) {
  return reportPdf(request, (await params).territoryId);
}
