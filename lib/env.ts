import { isIP } from "node:net";
import { z } from "zod";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

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

const flag = (name: string, values: [string, ...string[]]) => z.enum(values, { error: `${name} accepte seulement : ${values.join(", ")}.` });

const ZEnv = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string({ error: "DATABASE_URL est obligatoire (postgresql://utilisateur:motdepasse@hôte:5432/base)." })
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL doit commencer par postgresql://"),
    // A read replica of DATABASE_URL for the dashboards and the large reads (writes never go there).
    // Unset: everything reads the primary.
    DATABASE_REPLICA_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_REPLICA_URL doit commencer par postgresql:// (une réplique en lecture de DATABASE_URL).")
      .optional(),
    NEXTAUTH_SECRET: z
      .string({ error: "NEXTAUTH_SECRET est obligatoire (au moins 32 caractères aléatoires)." })
      .min(32, "NEXTAUTH_SECRET doit faire au moins 32 caractères."),
    NEXTAUTH_URL: z.url("NEXTAUTH_URL doit être une URL (ex. http://localhost:3000).").default("http://localhost:3000"),
    // How long a session lasts without activity before the user must sign in again.
    SESSION_MAX_AGE_HOURS: integer("SESSION_MAX_AGE_HOURS", 1, 24 * 30).default(12),
    // The most a session can last from its sign-in, however active: activity no longer extends it.
    SESSION_ABSOLUTE_MAX_HOURS: integer("SESSION_ABSOLUTE_MAX_HOURS", 1, 24 * 30).default(12),
    // Reverse proxies in front of the app (comma-separated IP addresses) whose X-Forwarded-For entry
    // is believed. None by default: a client-written X-Forwarded-For then counts for nothing.
    TRUSTED_PROXIES: z
      .string()
      .default("")
      .transform((value) =>
        value
          .split(",")
          .map((part) => part.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().refine((ip) => isIP(ip) !== 0, { error: (issue) => `TRUSTED_PROXIES : « ${String(issue.input)} » n'est pas une adresse IP.` }))),
    // Wrong passwords in a row before the account is locked, and for how long.
    LOGIN_MAX_FAILURES: integer("LOGIN_MAX_FAILURES", 1, 100).default(5),
    LOGIN_LOCK_MINUTES: integer("LOGIN_LOCK_MINUTES", 1, 24 * 60).default(15),
    // The run command's own settings, checked with the rest.
    PORT: integer("PORT", 1, 65_535).default(3000),
    // The address the server listens on (scripts/serve.ts): 127.0.0.1 unless set (0.0.0.0: every interface).
    HOST: z
      .string()
      .regex(/^[A-Za-z0-9.:-]+$/, "HOST doit être une adresse d'écoute (ex. 127.0.0.1 ou 0.0.0.0).")
      .optional(),
    EMBEDDED_POSTGRES_PORT: integer("EMBEDDED_POSTGRES_PORT", 1, 65_535).default(54329),
    SEED_DEMO: flag("SEED_DEMO", ["true", "false"]).default("true"),
    ALLOW_REMOTE_TEST_DB: flag("ALLOW_REMOTE_TEST_DB", ["0", "1"]).optional(),
    // E-mail (lib/notifications/). No SMTP_URL: messages are kept, readable in /admin/envois.
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, "SMTP_URL doit être une URL smtp:// ou smtps:// (ex. smtp://utilisateur:motdepasse@smtp.exemple.fr:587).")
      .optional(),
    MAIL_FROM: z
      .string()
      .regex(/^([^<>]+<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/, "MAIL_FROM doit être une adresse e-mail (ex. Maillage <ne-pas-repondre@maillage.fr>).")
      .default("Maillage <ne-pas-repondre@maillage.localhost>"),
    // MSSanté (secure health messaging): the operator's SMTP over TLS with the IGC-Santé client
    // certificate and key (PEM files); only addresses of MSSANTE_DOMAINS may receive health data.
    MSSANTE_SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, "MSSANTE_SMTP_URL doit être une URL smtp:// ou smtps://.")
      .optional(),
    MSSANTE_CERT_PATH: z.string().optional(),
    MSSANTE_KEY_PATH: z.string().optional(),
    // The certification authorities of the operator's server (IGC-Santé is in no public trust store).
    MSSANTE_CA_PATH: z.string().optional(),
    MSSANTE_DOMAINS: z
      .string()
      .default("mssante.fr")
      .transform((value) =>
        value
          .split(",")
          .map((part) => part.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, { error: (issue) => `MSSANTE_DOMAINS : « ${String(issue.input)} » n'est pas un nom de domaine.` }),
        ),
      ),
    // Delivery: failures before a message is dead-lettered (FAILED).
    NOTIFY_MAX_ATTEMPTS: integer("NOTIFY_MAX_ATTEMPTS", 1, 50).default(5),
    // Escalation: hours after the first notice of a late triage or first contact before the
    // territory's lead and the administrators are told.
    ESCALATION_LEAD_HOURS: integer("ESCALATION_LEAD_HOURS", 1, 24 * 14).default(4),
    // Days without a capacity confirmation before a team is reminded.
    CAPACITY_REMINDER_DAYS: integer("CAPACITY_REMINDER_DAYS", 1, 365).default(14),
    // Paris hour at which the daily digest goes out.
    DIGEST_HOUR: integer("DIGEST_HOUR", 0, 23).default(7),
    // in-process: the app's server runs the delivery worker; off: `npm run worker` runs it elsewhere.
    NOTIFICATIONS_WORKER: flag("NOTIFICATIONS_WORKER", ["in-process", "off"]).default("in-process"),
    // Pro Santé Connect (lib/auth/pro-sante-connect.ts): the button shows only when the three are set.
    // PSC_ISSUER: https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet (production), or the
    // sandbox's under bas.psc.esante.gouv.fr; its discovery document is at the non-standard
    // /.well-known/wallet-openid-configuration.
    PSC_ISSUER: z.url("PSC_ISSUER doit être une URL (l'émetteur de Pro Santé Connect).").optional(),
    PSC_CLIENT_ID: z.string().min(1).optional(),
    PSC_CLIENT_SECRET: z.string().min(1).optional(),
    // The ID token's algorithm: RS256 (the provider's keys) by default, HS256 (the client secret) if
    // the client was registered so; the userinfo's, when it comes back as a signed JWT.
    PSC_ID_TOKEN_ALG: flag("PSC_ID_TOKEN_ALG", ["RS256", "ES256", "HS256"]).default("RS256"),
    PSC_USERINFO_ALG: flag("PSC_USERINFO_ALG", ["RS256", "ES256", "HS256"]).optional(),
  })
  .superRefine((config, ctx) => {
    const psc = [config.PSC_ISSUER, config.PSC_CLIENT_ID, config.PSC_CLIENT_SECRET].filter(Boolean).length;
    if (psc > 0 && psc < 3) {
      ctx.addIssue({ code: "custom", path: ["PSC_ISSUER"], message: "PSC_ISSUER, PSC_CLIENT_ID et PSC_CLIENT_SECRET vont ensemble (Pro Santé Connect)." });
    }
    if (Boolean(config.MSSANTE_CERT_PATH) !== Boolean(config.MSSANTE_KEY_PATH)) {
      ctx.addIssue({
        code: "custom",
        path: [config.MSSANTE_CERT_PATH ? "MSSANTE_KEY_PATH" : "MSSANTE_CERT_PATH"],
        message: "MSSANTE_CERT_PATH et MSSANTE_KEY_PATH vont ensemble : le certificat IGC-Santé et sa clé privée (fichiers PEM).",
      });
    }
    if (config.MSSANTE_CERT_PATH && !config.MSSANTE_SMTP_URL && !config.SMTP_URL) {
      ctx.addIssue({ code: "custom", path: ["MSSANTE_SMTP_URL"], message: "MSSANTE_SMTP_URL (ou SMTP_URL) est nécessaire pour envoyer par MSSanté." });
    }
    // Over plain HTTP the session cookie travels in clear: only acceptable on this machine.
    const url = URL.parse(config.NEXTAUTH_URL);
    if (url && config.NODE_ENV === "production" && url.protocol !== "https:" && !LOOPBACK_HOSTS.has(url.hostname)) {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_URL"],
        message: `NEXTAUTH_URL doit être en https:// en production (reçu ${url.origin}) : le cookie de session ne doit jamais circuler en clair.`,
      });
    }
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

/**
 * The configuration as the run commands see it before they have a database or a secret: those two
 * are filled in by them when unset (embedded PostgreSQL, a generated secret), so only a given value
 * is checked.
 */
export function parseRunSettings(source: Record<string, string | undefined>): Env {
  return parseEnv({ ...source, DATABASE_URL: source.DATABASE_URL || "postgresql://base-integree", NEXTAUTH_SECRET: source.NEXTAUTH_SECRET || "x".repeat(32) });
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
