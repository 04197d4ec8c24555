import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed";
import type { Role } from "@/lib/authz/permissions";
import type { UserInput } from "@/tests/factories/users";

export { DEMO_PASSWORD };

export function demoAccount(role: (typeof DEMO_ACCOUNTS)[number]["role"]) {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!account) throw new Error(`No demo account for ${role}`);
  return account;
}

// A signed-in person of the request specs: who, with which role, and how to sign in.
export type Login = { email: string; name: string; role: Role; password: string };

function demoLogin(email: string): Login {
  const account = DEMO_ACCOUNTS.find((a) => a.email === email);
  if (!account) throw new Error(`No demo account ${email}`);
  return { email: account.email, name: account.name, role: account.role, password: DEMO_PASSWORD };
}

export const DEMO_GP = demoLogin("medecin@demo.maillage.fr");
export const IDEC_MEUSE = demoLogin("idec.meuse@demo.maillage.fr");
export const IDEC_PACA = demoLogin("idec.paca@demo.maillage.fr");
export const EMSP_MEMBER = demoLogin("emsp@demo.maillage.fr");
export const HAD_MEMBER = demoLogin("had@demo.maillage.fr");
export const ARS_USER = demoLogin("ars@demo.maillage.fr");
export const ADMIN_USER = demoLogin("admin@demo.maillage.fr");

// Accounts only the browser tests use (so that locking one does not disturb the others, and so
// that each spec's GP has a request list of its own).
const E2E_PASSWORD = "Parcours-e2e-2026";
export const LOCKOUT_ACCOUNT: UserInput = { email: "verrou@e2e.maillage.fr", name: "Compte Verrou", role: "GP", password: "Bon-mot-de-passe-42" };
export const JOURNEY_GP: UserInput = { email: "medecin.parcours@e2e.maillage.fr", name: "Dr Paul Parcours", role: "GP", password: E2E_PASSWORD };
export const OWNER_GP: UserInput = { email: "medecin.titulaire@e2e.maillage.fr", name: "Dr Odile Titulaire", role: "GP", password: E2E_PASSWORD };
export const OTHER_GP: UserInput = { email: "medecin.voisin@e2e.maillage.fr", name: "Dr Victor Voisin", role: "GP", password: E2E_PASSWORD };
export const MOBILE_GP: UserInput = { email: "medecin.mobile@e2e.maillage.fr", name: "Dr Maud Mobile", role: "GP", password: E2E_PASSWORD };
// Locked on purpose by sign-in-hardening.spec.ts (a known account answers like an unknown e-mail).
export const ENUMERATION_ACCOUNT: UserInput = { email: "enumeration@e2e.maillage.fr", name: "Compte Énumération", role: "GP", password: "Bon-mot-de-passe-43" };
// Signs in and out in sign-in-hardening.spec.ts, with its cookie copied before the sign-out.
export const SIGN_OUT_GP: UserInput = { email: "medecin.deconnexion@e2e.maillage.fr", name: "Dr Denise Déconnexion", role: "GP", password: E2E_PASSWORD };
// The GP of notifications.spec.ts: a bell of its own.
export const BELL_GP: UserInput = { email: "medecin.cloche@e2e.maillage.fr", name: "Dr Berthe Cloche", role: "GP", password: E2E_PASSWORD };
// A second coordinator of Meuse Sud: claims the same request as IDEC_MEUSE at the same moment,
// through the other app instance (two-instances.spec.ts).
export const SECOND_IDEC: E2EAccount = {
  email: "idec.seconde@e2e.maillage.fr",
  name: "Nadia Seconde",
  role: "COORDINATOR",
  password: E2E_PASSWORD,
  territorySlugs: ["meuse-sud"],
};
// The e2e server resolves the slugs to the seeded territories' ids.
export type E2EAccount = Omit<UserInput, "territoryIds"> & { territorySlugs?: string[] };
export const E2E_ACCOUNTS: E2EAccount[] = [BELL_GP, LOCKOUT_ACCOUNT, JOURNEY_GP, OWNER_GP, OTHER_GP, MOBILE_GP, ENUMERATION_ACCOUNT, SIGN_OUT_GP, SECOND_IDEC];
