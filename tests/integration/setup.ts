// Runs in each test worker before the test file: point the app's code at the test database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
// lib/env.ts validates these on first use; tests need values, not secrets.
process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-not-used-anywhere-else";
process.env.NEXTAUTH_URL ??= "http://localhost:3000";
