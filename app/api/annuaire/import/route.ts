import { requireApiPermission } from "@/lib/auth/require-permission";
import { importStructuresCsv, type ImportMessage } from "@/lib/directory/import-structures-csv";

export const dynamic = "force-dynamic";
// A 20,000-line import takes a while: the answer is streamed, and the platform must not cut it.
export const maxDuration = 600;

const MAX_BYTES = 20 * 1024 * 1024;

// POST /api/annuaire/import (multipart, field "fichier") → NDJSON: progress lines while the file is
// checked and written by chunks, then the report line by line. Streaming keeps the connection alive
// however long the import is, and lets the page show where it is.
export async function POST(request: Request) {
  const { actor, refused } = await requireApiPermission(request, "directory.import");
  if (refused) return refused;
  const form = await request.formData().catch(() => null);
  const file = form?.get("fichier");
  if (!file || typeof file === "string") return Response.json({ error: "Choisissez un fichier CSV." }, { status: 400 });
  if (file.size === 0) return Response.json({ error: "Le fichier est vide." }, { status: 400 });
  if (file.size > MAX_BYTES) return Response.json({ error: "Fichier trop lourd (20 Mo au plus) : découpez-le." }, { status: 413 });
  const bytes = new Uint8Array(await file.arrayBuffer());

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (message: ImportMessage) => controller.enqueue(encoder.encode(`${JSON.stringify(message)}\n`));
      try {
        const report = await importStructuresCsv({ actor, csv: bytes, onProgress: (p) => send({ type: "progress", ...p }) });
        send({ type: "report", report });
      } catch (error) {
        console.error("directory import failed", { name: (error as Error)?.name });
        send({
          type: "error",
          message: "L'import s'est interrompu. Les lignes déjà enregistrées le restent ; réimportez le fichier pour terminer (elles seront « inchangées »).",
        });
      } finally {
        controller.close();
      }
    },
  });
  // no-transform: a compressing proxy must not hold the progress lines back.
  return new Response(stream, {
    headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store, no-transform", "X-Accel-Buffering": "no" },
  });
}
