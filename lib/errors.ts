// One error type for the whole app. `code` says what kind of failure it is (and maps to an HTTP
// status); `message` is French and safe to show to the user; `fieldErrors` point at form fields.
export const ERROR_CODES = {
  UNAUTHENTICATED: 401, // no valid session
  FORBIDDEN: 403, // role or row scope does not allow it
  NOT_FOUND: 404, // absent, or outside the actor's scope (we do not tell which)
  INVALID_INPUT: 422, // failed a zod schema; see fieldErrors
  INVALID_TRANSITION: 409, // the object is not in a state that allows this action
  CONFLICT: 409, // someone else changed it first (stale version) or a unique value is taken
  RATE_LIMITED: 429, // too many attempts
  UNAVAILABLE: 503, // a dependency (database) is down
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: Record<string, string[]>;

  constructor(code: ErrorCode, message: string, fieldErrors?: Record<string, string[]>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
  }

  get status(): number {
    return ERROR_CODES[this.code];
  }
}

// The database cannot be reached (stopped, restarting, network, pool exhausted): the person is told
// to try again, nothing about hosts or drivers. The driver adapter's kinds, and Prisma's P1xxx.
const UNREACHABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "DatabaseDoesNotExist"]);
const UNREACHABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
export const UNAVAILABLE_MESSAGE =
  "Le service est momentanément indisponible (la base de données ne répond pas). Réessayez dans un instant : ce que vous avez saisi n'a pas été enregistré, et reste dans le formulaire.";

// Prisma's known error codes, mapped here only. Structural check: no import of the generated client.
export function fromPrismaError(error: unknown): AppError | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  const code = (error as { code: unknown }).code;
  const kind = (error as { meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } }).meta?.driverAdapterError?.cause?.kind;
  if (UNREACHABLE_CODES.has(String(code)) || (typeof kind === "string" && UNREACHABLE_KINDS.has(kind))) return new AppError("UNAVAILABLE", UNAVAILABLE_MESSAGE);
  switch (code) {
    case "P2002":
      return new AppError("CONFLICT", "Cette valeur est déjà utilisée.");
    case "P2025":
      return new AppError("NOT_FOUND", "Élément introuvable.");
    case "P2034":
      return new AppError("CONFLICT", "Modification concurrente : rechargez la page et recommencez.");
    default:
      // PostgreSQL's 22021 (a NUL in text) and 22P05 (a character it cannot store), which the
      // driver adapter passes on as "Database error. Code: `22021`": the text schemas remove such
      // characters (lib/text-schemas.ts); should one get past them, the person can still correct.
      if (/Code: `(?:22021|22P05)`/.test(String((error as { message?: unknown }).message ?? ""))) {
        return new AppError(
          "INVALID_INPUT",
          "Le texte contient un caractère invisible non autorisé (souvent collé depuis un autre logiciel) : retapez le passage collé, puis renvoyez.",
        );
      }
      return undefined;
  }
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return fromPrismaError(error) ?? new AppError("UNAVAILABLE", "Une erreur inattendue est survenue. Réessayez dans un instant.");
}
