// Between integration tests: empty every table, except the migration history and the reference
// geography (35,000 communes are loaded once per run, not once per test).
import pg from "pg";

const KEPT_TABLES = ["_prisma_migrations", "region", "department", "epci", "commune"];

/** Structural, so that any PrismaClient (or transaction client) fits. */
type RawClient = {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
};

const LIST_TABLES = `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
  WHERE schemaname = current_schema() AND tablename <> ALL($1::text[]) ORDER BY tablename`;

/**
 * TRUNCATE ... RESTART IDENTITY CASCADE on every other table of the current schema, in one
 * statement (a single lock round, and foreign keys between them do not matter). Uses `prisma` when
 * given, else a short-lived connection to DATABASE_URL.
 */
export async function truncateAll(prisma?: RawClient): Promise<void> {
  if (prisma) {
    const tables = await prisma.$queryRawUnsafe<{ name: string }[]>(LIST_TABLES, KEPT_TABLES);
    if (tables.length) await prisma.$executeRawUnsafe(truncate(tables.map((t) => t.name)));
    return;
  }
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(LIST_TABLES, [KEPT_TABLES]);
    if (rows.length) await client.query(truncate(rows.map((r) => r.name)));
  } finally {
    await client.end();
  }
}

function truncate(tables: string[]): string {
  return `TRUNCATE TABLE ${tables.join(", ")} RESTART IDENTITY CASCADE`;
}
