// Once per `vitest --project integration` run: a fresh database `maillage_test_<random>` on the
// server findPostgresServer() picks (DATABASE_URL's, else 127.0.0.1:5432, else an embedded one),
// migrated like production, then dropped. Tests never touch a developer's own database.
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../scripts/db/migrations";
import { createDatabase, databaseUrl, dropDatabase, dropLeftoverDatabases, findPostgresServer, redactUrl } from "../../scripts/db/server";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated test database, also set as process.env.DATABASE_URL in every test file. */
    databaseUrl: string;
    /** Its server's maintenance database, for tests that need databases of their own. */
    postgresServerUrl: string;
  }
}

/** Loopback, or a Unix socket (no host in the URL). */
function isLocal(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "" || host === "localhost" || host === "[::1]" || /^127\./.test(host);
}

export default async function setup(project: TestProject) {
  // Checked before connecting: the tests create and drop databases on that server.
  const requested = process.env.DATABASE_URL;
  if (requested && !isLocal(requested) && process.env.ALLOW_REMOTE_TEST_DB !== "1") {
    throw new Error(
      `Refusing to run integration tests against ${redactUrl(requested)}: not a local server, and the tests ` +
        `create and drop databases on it. Unset DATABASE_URL, or set ALLOW_REMOTE_TEST_DB=1 if you really mean it.`,
    );
  }
  const server = await findPostgresServer();

  // Named after this process: a later run drops what a killed run left (its process is gone).
  const PREFIX = "maillage_test_";
  await dropLeftoverDatabases(server.url, PREFIX);
  const name = `${PREFIX}${process.pid}_${randomBytes(4).toString("hex")}`;
  const url = databaseUrl(server.url, name);
  const teardown = async () => {
    await dropDatabase(server.url, name);
    await server.stop();
  };
  try {
    await createDatabase(server.url, name);
    await applyMigrations({ connectionString: url });
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide("databaseUrl", url);
  project.provide("postgresServerUrl", server.url);
  return teardown;
}
