// npm run bench -- --http <base> --load: N signed-in GPs filing requests at once through the real
// server (HTTP, their own sessions, the form's own server action as the browser sends it), for a
// bounded time; then N coordinators loading their queue page. Prints p50 / p95 / errors / requests
// per second. The accounts are the national seed's (scripts/seed-scale.ts); their password is set
// here, on that synthetic database only. Each user comes from an address of its own (the server
// must trust the bench as its proxy: TRUSTED_PROXIES=127.0.0.1), as 50 doctors would: the sign-in
// limit per address would otherwise stop the 36th.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";

type SignIn = (base: string, email: string, password: string, forwardedFor?: string) => Promise<string>;
export type LoadRow = {
  what: string;
  users: number;
  seconds: number;
  thinkMs: number;
  n: number;
  errors: number;
  p50: number;
  p95: number;
  rps: number;
  firstError: string | null;
};

const PASSWORD = "Maillage-scale-2026";
const address = (i: number) => `198.51.100.${1 + (i % 250)}`;

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]! : NaN;
}

// The id of a server action in the running build (.next must be the build the server runs).
async function actionId(file: string, exportedName: string): Promise<string> {
  const manifest = JSON.parse(await readFile(path.resolve(".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === exportedName);
  if (!found) throw new Error(`No server action ${exportedName} of ${file} in .next: build the app first.`);
  return found[0];
}

async function accounts(db: PrismaClient, role: "GP" | "COORDINATOR", count: number): Promise<string[]> {
  const users = await db.user.findMany({
    where: { role, active: true, email: { endsWith: "@scale.maillage.example" } },
    orderBy: { email: "asc" },
    take: count,
    select: { id: true, email: true },
  });
  const hash = await hashPassword(PASSWORD);
  await db.password.createMany({ data: users.map((u) => ({ userId: u.id, hash })), skipDuplicates: true });
  await db.password.updateMany({ where: { userId: { in: users.map((u) => u.id) } }, data: { hash } });
  return users.map((u) => u.email);
}

// Each user sends, waits for the answer, then "thinks" `thinkMs` before the next (0: as fast as the
// server answers — what it can take; with a pause: what a crowd of people asks of it).
async function drive(
  what: string,
  { users, seconds, thinkMs }: { users: number; seconds: number; thinkMs: number },
  once: (user: number, i: number) => Promise<string | null>,
): Promise<LoadRow> {
  const times: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const end = Date.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: users }, async (_, user) => {
      for (let i = 0; Date.now() < end; i++) {
        const t = performance.now();
        const error = await once(user, i).catch((e: unknown) => (e instanceof Error ? e.message : String(e)));
        times.push(performance.now() - t);
        if (error) {
          errors++;
          firstError ??= error;
        }
        // Spread the start of the users over their first pause (not 50 requests in the same ms).
        if (thinkMs) await new Promise((resolve) => setTimeout(resolve, i === 0 ? Math.random() * thinkMs : thinkMs));
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    what,
    users,
    seconds,
    thinkMs,
    n: times.length,
    errors,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    rps: times.length / elapsed,
    firstError,
  };
}

export async function runLoad({
  db,
  base,
  users,
  seconds,
  thinkMs,
  signIn,
}: {
  db: PrismaClient;
  base: string;
  users: number;
  seconds: number;
  thinkMs: number;
  signIn: SignIn;
}): Promise<LoadRow[]> {
  const plan = { users, seconds, thinkMs };
  const rows: LoadRow[] = [];
  // React's own encoder of server-action arguments, as the browser uses it (Next.js ships it).
  const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-webpack/client.edge.js") as {
    encodeReply: (value: unknown) => Promise<FormData | string>;
  };
  const fileAction = await actionId("lib/requests/gp-actions.ts", "fileGpRequestAction");
  const communes = (await db.$queryRaw<{ code: string }[]>`SELECT commune_code AS code FROM territory_commune ORDER BY commune_code LIMIT 500`).map(
    (c) => c.code,
  );

  const gps = await accounts(db, "GP", users);
  const gpCookies = await Promise.all(gps.map((email, i) => signIn(base, email, PASSWORD, address(i))));
  rows.push(
    await drive(`dépôt d'une demande (action du formulaire, ${users} médecins)`, plan, async (user, i) => {
      const form = new FormData();
      for (const [k, v] of Object.entries({
        birthName: `CHARGE-${user}-${i}`,
        firstNames: "Jeanne",
        birthDate: "14/03/1948",
        sex: "FEMALE",
        communeCode: communes[(user * 7 + i) % communes.length]!,
        placeOfCare: "HOME",
        urgency: i % 5 === 0 ? "CRISIS" : "PLANNED",
        consentCoordination: "on",
        details: "Banc de charge.",
      }))
        form.append(k, v);
      form.append("needs", "PAIN");
      form.append("needs", "PALLIATIVE_CARE");
      const body = await encodeReply([null, form]);
      const response = await fetch(`${base}/demandes/nouvelle`, {
        method: "POST",
        headers: { cookie: gpCookies[user]!, "next-action": fileAction, accept: "text/x-component", origin: base, "x-forwarded-for": address(user) },
        body,
        redirect: "manual",
      });
      const text = await response.text();
      const redirect = response.headers.get("x-action-redirect") ?? "";
      return /^\/demandes\/[^/?]+\?envoyee=1/.test(redirect) ? null : `HTTP ${response.status} ${text.slice(0, 160)}`;
    }),
  );

  const nurses = await accounts(db, "COORDINATOR", users);
  const nurseCookies = await Promise.all(nurses.map((email, i) => signIn(base, email, PASSWORD, address(100 + i))));
  rows.push(
    await drive(`page de la file (GET /coordination, ${users} coordinatrices)`, plan, async (user) => {
      const response = await fetch(`${base}/coordination`, {
        headers: { cookie: nurseCookies[user]!, "x-forwarded-for": address(100 + user) },
        redirect: "manual",
      });
      const text = await response.text();
      return response.status === 200 && text.includes("File des demandes") ? null : `HTTP ${response.status} ${text.slice(0, 160)}`;
    }),
  );
  return rows;
}
