import { checkDatabase } from "@/lib/health";

export const dynamic = "force-dynamic";

// For load balancers and monitoring: 200 when the app and its database answer, 503 otherwise.
export async function GET() {
  const database = await checkDatabase();
  return Response.json({ status: database === "ok" ? "ok" : "degraded", database }, { status: database === "ok" ? 200 : 503 });
}
