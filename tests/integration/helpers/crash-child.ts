// A child process the crash tests kill with SIGKILL in the middle of its work (tests/integration/
// crash.test.ts): a CSV import of many structures, or a burst of filings. It reads what to do from
// its environment and writes nothing but to the database.
import { readFile } from "node:fs/promises";
import { createPrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { importStructuresCsv } from "@/lib/directory/import-structures-csv";
import { fileRequest } from "@/lib/requests/file-request";
import { PATIENT } from "@/tests/factories/world";

const db = createPrismaClient(process.env.DATABASE_URL!);
const actor = JSON.parse(process.env.CRASH_ACTOR!) as Actor;

if (process.env.CRASH_WORK === "import") {
  await importStructuresCsv({ db, actor, csv: await readFile(process.env.CRASH_CSV_FILE!, "utf8") });
} else {
  // Ten at a time, for ever: the parent kills us.
  for (let i = 0; ; i++) {
    await Promise.all(
      Array.from({ length: 10 }, (_, j) =>
        fileRequest({ db, channel: "WEB", actor, input: { ...PATIENT, birthName: `CRASH-${i}-${j}`, details: "Rafale de demandes." } }),
      ),
    );
  }
}
await db.$disconnect();
