import { z } from "zod";

// The only reader of process.env for the app. Read lazily: `next build` must not need a database
// or a secret, and each server process validates its configuration on first use.
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
  SESSION_MAX_AGE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  // Wrong passwords in a row before the account is locked, and for how long.
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
});

export type Env = z.infer<typeof ZEnv>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Configuration invalide :\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}
