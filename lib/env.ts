import { z } from "zod";

// The only reader of process.env for the app. Read lazily: `next build` must not need a database
// or a secret. The run command (scripts/dev.ts) and the server's start (instrumentation.ts) check
// the whole configuration before anything else, so that a bad value stops the start with a French
// message naming the variable instead of failing on the first page.

const integer = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} doit être un nombre entier.` })
    .int(`${name} doit être un nombre entier.`)
    .min(min, `${name} doit valoir au moins ${min}.`)
    .max(max, `${name} doit valoir au plus ${max}.`);

const flag = (name: string, values: [string, ...string[]]) =>
  z.enum(values, { error: `${name} accepte seulement : ${values.join(", ")}.` });

const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string({ error: "DATABASE_URL est obligatoire (postgresql://utilisateur:motdepasse@hôte:5432/base)." })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL doit commencer par postgresql://"),
  NEXTAUTH_SECRET: z
    .string({ error: "NEXTAUTH_SECRET est obligatoire (au moins 32 caractères aléatoires)." })
    .min(32, "NEXTAUTH_SECRET doit faire au moins 32 caractères."),
  NEXTAUTH_URL: z.url("NEXTAUTH_URL doit être une URL (ex. http://localhost:3000).").default("http://localhost:3000"),
  // How long a session lasts without activity before the user must sign in again.
  SESSION_MAX_AGE_HOURS: integer("SESSION_MAX_AGE_HOURS", 1, 24 * 30).default(12),
  // Wrong passwords in a row before the account is locked, and for how long.
  LOGIN_MAX_FAILURES: integer("LOGIN_MAX_FAILURES", 1, 100).default(5),
  LOGIN_LOCK_MINUTES: integer("LOGIN_LOCK_MINUTES", 1, 24 * 60).default(15),
  // The run command's own settings, checked with the rest.
  PORT: integer("PORT", 1, 65_535).default(3000),
  EMBEDDED_POSTGRES_PORT: integer("EMBEDDED_POSTGRES_PORT", 1, 65_535).default(54329),
  SEED_DEMO: flag("SEED_DEMO", ["true", "false"]).default("true"),
  ALLOW_REMOTE_TEST_DB: flag("ALLOW_REMOTE_TEST_DB", ["0", "1"]).optional(),
});

export type Env = z.infer<typeof ZEnv>;

/** The configuration in `source`, or an Error whose message lists, in French, each bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable is an unset one (`PORT= npm start`).
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = ZEnv.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")} : ${i.message}`);
    throw new Error(`Configuration invalide :\n${lines.join("\n")}`);
  }
  return parsed.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
