import { describe, expect, test } from "vitest";
import { composeOrdinary, composeSecure, signInLink } from "@/lib/notifications/compose";
import { backoffMs } from "@/lib/notifications/deliver";
import { effectiveMode, isSecureAddress } from "@/lib/notifications/kinds";
import { smtpOptions } from "@/lib/notifications/mailer";

describe("composing", () => {
  const input = {
    kind: "REQUEST_CLOSED" as const,
    phrase: "la demande est clôturée",
    requestNumber: 123,
    link: "/demandes/abc",
    baseUrl: "https://maillage.example/",
  };

  test("an ordinary e-mail: « Du nouveau sur la demande DA-000123 », the step and a sign-in link back to the page", () => {
    const mail = composeOrdinary(input);
    expect(mail.subject).toBe("Du nouveau sur la demande DA-000123");
    expect(mail.title).toBe("DA-000123 : la demande est clôturée");
    expect(mail.body).toContain("Demande DA-000123 : la demande est clôturée.");
    expect(mail.body).toContain("https://maillage.example/connexion?callbackUrl=%2Fdemandes%2Fabc");
  });

  test("only the secure version carries the patient, the structure and the summary", () => {
    const detail = { patientName: "Jeanne DURAND", birthDate: new Date("1946-05-12T00:00:00Z"), structureName: "EMSP de Bar-le-Duc", summary: "Soulagée." };
    const secure = composeSecure({ ...input, detail });
    expect(secure.body).toContain("Patient : Jeanne DURAND (né·e le 12/05/1946)");
    expect(secure.body).toContain("Structure : EMSP de Bar-le-Duc");
    expect(secure.body).toContain("Synthèse de la coordination :\nSoulagée.");
    const ordinary = composeOrdinary(input);
    for (const word of ["DURAND", "1946", "EMSP", "Soulagée"]) expect(`${ordinary.subject}${ordinary.body}`).not.toContain(word);
  });

  test("a notice about no request (capacity) has no number", () => {
    expect(composeOrdinary({ ...input, requestNumber: null, phrase: "disponibilité à confirmer" }).subject).toBe("Maillage : disponibilité à confirmer");
    expect(signInLink("http://localhost:3000", "/annuaire/x#disponibilite")).toBe(
      "http://localhost:3000/connexion?callbackUrl=%2Fannuaire%2Fx%23disponibilite",
    );
  });
});

describe("rules", () => {
  test("preferences apply, except to crises and escalations, always immediate", () => {
    expect(effectiveMode("REQUEST_CLAIMED", "DIGEST", false)).toBe("DIGEST");
    expect(effectiveMode("REQUEST_CLAIMED", undefined, false)).toBe("IMMEDIATE");
    expect(effectiveMode("REQUEST_SUBMITTED", "APP_ONLY", true)).toBe("IMMEDIATE");
    expect(effectiveMode("OVERDUE", "APP_ONLY", false)).toBe("IMMEDIATE");
    expect(effectiveMode("OVERDUE_ESCALATED", "DIGEST", false)).toBe("IMMEDIATE");
  });

  test("a secure address is on a secure domain or one of its subdomains, never a look-alike", () => {
    expect(isSecureAddress("a@mssante.fr", ["mssante.fr"])).toBe(true);
    expect(isSecureAddress("a@ch-bar.MSSante.fr", ["mssante.fr"])).toBe(true);
    expect(isSecureAddress("a@fauxmssante.fr", ["mssante.fr"])).toBe(false);
    expect(isSecureAddress("a@mssante.fr.example.com", ["mssante.fr"])).toBe(false);
  });

  test("retries wait 30 s, then twice as long each time, at most an hour", () => {
    expect([1, 2, 3, 4, 10, 20].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 240_000, 3_600_000, 3_600_000]);
  });

  test("SMTP URLs: STARTTLS on 587 by default, TLS on 465 with smtps, credentials decoded", () => {
    expect(smtpOptions("smtp://relay.example")).toEqual({ host: "relay.example", port: 587, secure: false });
    expect(smtpOptions("smtps://u%40x:p%3Aw@relay.example")).toEqual({ host: "relay.example", port: 465, secure: true, auth: { user: "u@x", pass: "p:w" } });
  });
});
