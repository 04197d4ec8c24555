import { exportCsv } from "@/components/dashboards/downloads";

export const dynamic = "force-dynamic";

// CSV of one dashboard table (see components/dashboards/downloads.ts).
export function GET(request: Request) {
  return exportCsv(request);
}
