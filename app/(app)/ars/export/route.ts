import { exportCsv } from "../dashboard-routes";

export const dynamic = "force-dynamic";

// CSV of one dashboard table (see dashboard-routes.ts).
export function GET(request: Request) {
  return exportCsv(request);
}
