import { expect, test } from "vitest";
import { signInErrorMessage, ZSignIn } from "@/lib/auth/schemas";

test("the sign-in schema normalises the e-mail and explains each missing field in French", () => {
  expect(ZSignIn.parse({ email: "  Medecin@Demo.Maillage.FR ", password: "x" })).toEqual({ email: "medecin@demo.maillage.fr", password: "x" });
  const result = ZSignIn.safeParse({ email: "", password: "" });
  expect(result.success).toBe(false);
  expect(result.error?.flatten().fieldErrors).toEqual({ email: ["Saisissez votre adresse e-mail."], password: ["Saisissez votre mot de passe."] });
  expect(ZSignIn.safeParse({ email: "pas-un-email", password: "x" }).error?.flatten().fieldErrors.email).toEqual(["Adresse e-mail invalide."]);
});

test("sign-in outcomes read as French sentences, with the lock's remaining time", () => {
  expect(signInErrorMessage(null)).toBeNull();
  expect(signInErrorMessage("CredentialsSignin")).toBe("Adresse e-mail ou mot de passe incorrect.");
  expect(signInErrorMessage("LOCKED:1")).toContain("Réessayez dans 1 minute ");
  expect(signInErrorMessage("LOCKED:12")).toContain("Réessayez dans 12 minutes");
  expect(signInErrorMessage("LOCKED:abc")).toContain("quelques minutes");
  expect(signInErrorMessage("RATE_LIMITED:61")).toBe("Trop de tentatives de connexion depuis cette connexion internet. Réessayez dans 2 minutes.");
  expect(signInErrorMessage("RATE_LIMITED:x")).toContain("quelques minutes");
  expect(signInErrorMessage("Something")).toBe("La connexion a échoué. Réessayez.");
  expect(signInErrorMessage("PSC_NOT_INVITED")).toContain("demandez une invitation");
  expect(signInErrorMessage("PSC_ACR")).toContain("authentification forte");
  // Only our codes: a forged one is no key of the object's prototype.
  expect(signInErrorMessage("PSC_toString")).toBe("La connexion a échoué. Réessayez.");
  expect(signInErrorMessage("UNAVAILABLE")).toContain("momentanément indisponible");
});
