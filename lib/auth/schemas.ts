import { z } from "zod";

export const ZSignIn = z.object({
  email: z.string().trim().toLowerCase().min(1, "Saisissez votre adresse e-mail.").pipe(z.email("Adresse e-mail invalide.")),
  password: z.string().min(1, "Saisissez votre mot de passe.").max(200, "Mot de passe trop long."),
});
export type TSignIn = z.infer<typeof ZSignIn>;

// What the sign-in form shows for each outcome code next-auth sends back.
export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  if (code.startsWith("LOCKED")) {
    const minutes = Number(code.split(":")[1]);
    const wait = Number.isFinite(minutes) && minutes > 0 ? `${minutes} minute${minutes > 1 ? "s" : ""}` : "quelques minutes";
    return `Trop de mots de passe erronés : par sécurité, ce compte est bloqué. Réessayez dans ${wait} ou contactez l'administrateur du dispositif.`;
  }
  if (code.startsWith("RATE_LIMITED")) {
    const seconds = Number(code.split(":")[1]);
    const minutes = Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : null;
    const wait = minutes ? `${minutes} minute${minutes > 1 ? "s" : ""}` : "quelques minutes";
    return `Trop de tentatives de connexion depuis cette connexion internet. Réessayez dans ${wait}.`;
  }
  if (code === "CredentialsSignin") return "Adresse e-mail ou mot de passe incorrect.";
  if (code === "SessionRequired") return "Connectez-vous pour accéder à cette page.";
  return "La connexion a échoué. Réessayez.";
}
