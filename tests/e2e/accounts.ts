import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed";
import type { UserInput } from "@/tests/factories/users";

export { DEMO_PASSWORD };

export function demoAccount(role: (typeof DEMO_ACCOUNTS)[number]["role"]) {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!account) throw new Error(`No demo account for ${role}`);
  return account;
}

// Accounts only the browser tests use (so that locking one does not disturb the others).
export const LOCKOUT_ACCOUNT: UserInput = { email: "verrou@e2e.maillage.fr", name: "Compte Verrou", role: "GP", password: "Bon-mot-de-passe-42" };
export const E2E_ACCOUNTS: UserInput[] = [LOCKOUT_ACCOUNT];
