import { requireApiPermission } from "@/lib/auth/require-permission";
import { getRcpSheet } from "@/lib/rcp/queries";
import { AppError } from "@/lib/errors";
import { renderSynthesisPdf } from "@/components/rcp/synthesis-pdf";

export const dynamic = "force-dynamic";

// The synthesis sheet of an RCP case as a PDF: for the GP who filed the request, its coordination
// and the teams it is shared with (lib/rcp/queries.ts checks the scope and records the reading).
export async function GET(request: Request, { params }: { params: Promise<{ caseId: string }> }) {
  const access = await requireApiPermission(request, "rcp.sheets");
  if (access.refused) return access.refused;
  const { caseId } = await params;
  try {
    const sheet = await getRcpSheet({ actor: access.actor, caseId });
    const pdf = await renderSynthesisPdf(sheet);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Cache-Control": "private, no-store",
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename="fiche-synthese-rcp-DA-${String(sheet.request.number).padStart(6, "0")}.pdf"`,
        "Content-Length": String(pdf.length),
      },
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND")
      return new Response("Fiche de synthèse introuvable.", {
        status: 404,
        headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
      });
    throw error;
  }
}
