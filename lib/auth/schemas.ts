import { z } from "zod";

export const ZSignIn = z.object({
  email: z.string().trim().toLowerCase().min(1, "Saisissez votre adresse e-mail.").pipe(z.email("Adresse e-mail invalide.")),
  password: z.string().min(1, "Saisissez votre mot de passe.").max(200, "Mot de passe trop long."),
});
export type TSignIn = z.infer<typeof ZSignIn>;

// A new password, typed twice. Its strength is checked by the use case (it needs the person's name).
export const ZNewPassword = z
  .object({
    password: z.string().min(1, "Choisissez un mot de passe.").max(200, "Mot de passe trop long (200 caractères au plus)."),
    confirmation: z.string().min(1, "Retapez le mot de passe."),
  })
  .refine((v) => v.password === v.confirmation, { path: ["confirmation"], message: "Les deux mots de passe ne sont pas identiques." });

// The link's token, as the page put it in the form (base64url): anything else is no token of ours.
export const ZAcceptInvitation = ZNewPassword.and(
  z.object({
    token: z
      .string()
      .max(100, "Lien invalide.")
      .regex(/^[\w-]+$/, "Lien invalide : ouvrez de nouveau le lien reçu par e-mail."),
  }),
);

export const ZForgotPassword = z.object({
  email: z.string().trim().toLowerCase().min(1, "Indiquez votre adresse e-mail.").max(200).pipe(z.email("Adresse e-mail invalide.")),
});

// Why Pro Santé Connect identified someone we do not let in (lib/auth/sign-in-with-psc.ts).
export type PscRefusal = "ACR" | "NO_RPPS" | "NOT_INVITED" | "INACTIVE";
export const PSC_REFUSALS: Record<PscRefusal, string> = {
  ACR: "Pro Santé Connect n'a pas confirmé une authentification forte (carte CPS ou e-CPS) : reconnectez-vous avec votre carte CPS ou l'application e-CPS.",
  NO_RPPS: "Pro Santé Connect n'a pas transmis de numéro RPPS valide : la connexion est réservée aux professionnels inscrits au RPPS.",
  NOT_INVITED:
    "Votre connexion Pro Santé Connect a réussi, mais aucun compte Maillage ne correspond à votre numéro RPPS. Seuls les médecins ont un compte créé automatiquement : demandez une invitation à la coordination de votre territoire.",
  INACTIVE: "Votre compte Maillage est désactivé. Contactez l'administrateur du dispositif.",
};

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
  if (code === "UNAVAILABLE") return "Le service est momentanément indisponible. Réessayez dans un instant.";
  if (code.startsWith("PSC_") && Object.hasOwn(PSC_REFUSALS, code.slice(4))) return PSC_REFUSALS[code.slice(4) as PscRefusal];
  // Pro Santé Connect did not answer as expected (cancelled, timed out, misconfigured).
  if (code === "OAuthCallback" || code === "OAuthSignin" || code === "Callback")
    return "La connexion par Pro Santé Connect n'a pas abouti. Réessayez, ou connectez-vous avec votre adresse e-mail.";
  if (code === "SessionRequired") return "Connectez-vous pour accéder à cette page.";
  return "La connexion a échoué. Réessayez.";
}
