import { exportCsv } from "@/app/(app)/ars/dashboard-routes";

export const dynamic = "force-dynamic";

// CSV of one dashboard table, for the coordinator's own territories (see ars/dashboard-routes.ts).
export function GET(request: Request) {
  return exportCsv(request);
}
