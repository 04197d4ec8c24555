import { describe, expect, test } from "vitest";
import { checkPasswordStrength } from "@/lib/auth/password-strength";

describe("checkPasswordStrength", () => {
  test("a short password is refused with the minimum length, in French", () => {
    const verdict = checkPasswordStrength("Ab1!");
    expect(verdict).toMatchObject({ ok: false, message: "Le mot de passe doit compter au moins 12 caractères." });
  });

  test("a common password or a French word with digits is refused with the estimator's reason in French", () => {
    for (const weak of ["motdepasse123", "azertyuiopqsdf", "ClaireMartin2026", "123456789012"]) {
      const verdict = checkPasswordStrength(weak);
      expect(verdict.ok, weak).toBe(false);
      if (!verdict.ok) expect(verdict.message).toMatch(/^Mot de passe trop faible : /);
    }
  });

  test("the person's own name and e-mail count as known words", () => {
    const verdict = checkPasswordStrength("Quelvennec2026!", ["Anne Lebrun-Quelvennec", "a.quelvennec@exemple.fr"]);
    expect(verdict).toMatchObject({ ok: false, message: expect.stringContaining("données personnelles") });
    expect(checkPasswordStrength("Quelvennec2026!").ok).toBe(true);
  });

  test("a long passphrase of uncommon words is accepted", () => {
    expect(checkPasswordStrength("girafe-pendule-orage-31")).toMatchObject({ ok: true });
  });
});
