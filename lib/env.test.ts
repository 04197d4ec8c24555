import { describe, expect, test } from "vitest";
import { parseEnv, parseRunSettings } from "@/lib/env";

const valid = { DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/db", NEXTAUTH_SECRET: "s".repeat(32) };

describe("parseEnv", () => {
  test("a valid configuration gets its defaults", () => {
    expect(parseEnv(valid)).toMatchObject({ PORT: 3000, SESSION_MAX_AGE_HOURS: 12, SEED_DEMO: "true", EMBEDDED_POSTGRES_PORT: 54329 });
  });

  test("an empty variable counts as unset", () => {
    expect(parseEnv({ ...valid, PORT: "", SESSION_MAX_AGE_HOURS: "" })).toMatchObject({ PORT: 3000, SESSION_MAX_AGE_HOURS: 12 });
  });

  test.each([
    ["SESSION_MAX_AGE_HOURS", "abc", "SESSION_MAX_AGE_HOURS : SESSION_MAX_AGE_HOURS doit être un nombre entier."],
    ["SESSION_MAX_AGE_HOURS", "0", "SESSION_MAX_AGE_HOURS doit valoir au moins 1."],
    ["PORT", "http", "PORT : PORT doit être un nombre entier."],
    ["PORT", "70000", "PORT doit valoir au plus 65535."],
    ["SEED_DEMO", "non", "SEED_DEMO : SEED_DEMO accepte seulement : true, false."],
    ["ALLOW_REMOTE_TEST_DB", "yes", "ALLOW_REMOTE_TEST_DB accepte seulement : 0, 1."],
    ["NEXTAUTH_URL", "localhost", "NEXTAUTH_URL doit être une URL"],
  ])("%s=%s is refused with a French message naming it", (name, value, message) => {
    expect(() => parseEnv({ ...valid, [name]: value })).toThrow(message);
  });

  test("every bad variable is named at once", () => {
    expect(() => parseEnv({ ...valid, PORT: "x", LOGIN_MAX_FAILURES: "y" })).toThrow(/PORT[\s\S]*LOGIN_MAX_FAILURES|LOGIN_MAX_FAILURES[\s\S]*PORT/);
  });

  test("in production the public URL must be HTTPS (the session cookie is then Secure), except on this machine", () => {
    expect(() => parseEnv({ ...valid, NODE_ENV: "production", NEXTAUTH_URL: "http://maillage.example" })).toThrow(
      /NEXTAUTH_URL doit être en https:\/\/ en production/,
    );
    expect(parseEnv({ ...valid, NODE_ENV: "production", NEXTAUTH_URL: "https://maillage.example" }).NEXTAUTH_URL).toBe("https://maillage.example");
    expect(parseEnv({ ...valid, NODE_ENV: "production", NEXTAUTH_URL: "http://localhost:3000" }).NEXTAUTH_URL).toBe("http://localhost:3000");
    expect(parseEnv({ ...valid, NODE_ENV: "development", NEXTAUTH_URL: "http://maillage.lan:3000" }).NEXTAUTH_URL).toBe("http://maillage.lan:3000");
  });

  test("TRUSTED_PROXIES: none by default, else a list of IP addresses, refused in French when one is not", () => {
    expect(parseEnv(valid).TRUSTED_PROXIES).toEqual([]);
    expect(parseEnv({ ...valid, TRUSTED_PROXIES: " 10.0.0.2, ::1 ," }).TRUSTED_PROXIES).toEqual(["10.0.0.2", "::1"]);
    expect(() => parseEnv({ ...valid, TRUSTED_PROXIES: "10.0.0.2,proxy.lan" })).toThrow(/TRUSTED_PROXIES : « proxy.lan » n'est pas une adresse IP/);
  });

  test("a session's absolute lifetime: 12 hours unless set; HOST: an address to listen on", () => {
    expect(parseEnv(valid).SESSION_ABSOLUTE_MAX_HOURS).toBe(12);
    expect(parseEnv({ ...valid, SESSION_ABSOLUTE_MAX_HOURS: "8" }).SESSION_ABSOLUTE_MAX_HOURS).toBe(8);
    expect(parseEnv(valid).HOST).toBeUndefined();
    expect(parseEnv({ ...valid, HOST: "0.0.0.0" }).HOST).toBe("0.0.0.0");
    expect(() => parseEnv({ ...valid, HOST: "tout le monde" })).toThrow(/HOST doit être une adresse d'écoute/);
  });
});

describe("e-mail and MSSanté settings", () => {
  test("no SMTP by default (messages kept in the app), a sender, mssante.fr as the secure domain, the delivery and reminder defaults", () => {
    expect(parseEnv(valid).SMTP_URL).toBeUndefined();
    expect(parseEnv(valid)).toMatchObject({
      MAIL_FROM: "Maillage <ne-pas-repondre@maillage.localhost>",
      MSSANTE_DOMAINS: ["mssante.fr"],
      NOTIFY_MAX_ATTEMPTS: 5,
      ESCALATION_LEAD_HOURS: 4,
      CAPACITY_REMINDER_DAYS: 14,
      DIGEST_HOUR: 7,
      NOTIFICATIONS_WORKER: "in-process",
    });
  });

  test("valid values are taken: an SMTP URL, a sender with a name, a list of secure domains", () => {
    const config = parseEnv({
      ...valid,
      SMTP_URL: "smtp://u:p@127.0.0.1:2525",
      MAIL_FROM: "ne-pas-repondre@dac55.fr",
      MSSANTE_DOMAINS: " MSSante.fr, ch-verdun.mssante.fr ",
    });
    expect(config).toMatchObject({
      SMTP_URL: "smtp://u:p@127.0.0.1:2525",
      MAIL_FROM: "ne-pas-repondre@dac55.fr",
      MSSANTE_DOMAINS: ["mssante.fr", "ch-verdun.mssante.fr"],
    });
  });

  test.each([
    ["SMTP_URL", "http://smtp.exemple.fr", "SMTP_URL doit être une URL smtp:// ou smtps://"],
    ["MAIL_FROM", "Maillage", "MAIL_FROM doit être une adresse e-mail"],
    ["MSSANTE_DOMAINS", "mssante.fr,pas un domaine", "MSSANTE_DOMAINS : « pas un domaine » n'est pas un nom de domaine."],
    ["NOTIFY_MAX_ATTEMPTS", "0", "NOTIFY_MAX_ATTEMPTS doit valoir au moins 1."],
    ["DIGEST_HOUR", "24", "DIGEST_HOUR doit valoir au plus 23."],
    ["NOTIFICATIONS_WORKER", "non", "NOTIFICATIONS_WORKER accepte seulement : in-process, off."],
  ])("%s=%s is refused with a French message", (name, value, message) => {
    expect(() => parseEnv({ ...valid, [name]: value })).toThrow(message);
  });

  test("the MSSanté certificate and key go together, and need an SMTP server to send through", () => {
    expect(() => parseEnv({ ...valid, SMTP_URL: "smtp://127.0.0.1:25", MSSANTE_CERT_PATH: "/etc/mss/cert.pem" })).toThrow(
      /MSSANTE_KEY_PATH : MSSANTE_CERT_PATH et MSSANTE_KEY_PATH vont ensemble/,
    );
    expect(() => parseEnv({ ...valid, MSSANTE_CERT_PATH: "/etc/mss/cert.pem", MSSANTE_KEY_PATH: "/etc/mss/key.pem" })).toThrow(
      /MSSANTE_SMTP_URL \(ou SMTP_URL\) est nécessaire/,
    );
    expect(
      parseEnv({ ...valid, MSSANTE_SMTP_URL: "smtps://mss.exemple.fr:465", MSSANTE_CERT_PATH: "/c.pem", MSSANTE_KEY_PATH: "/k.pem" }).MSSANTE_CERT_PATH,
    ).toBe("/c.pem");
  });
});

describe("parseRunSettings", () => {
  test("the run commands need no database URL nor secret: they fill them in", () => {
    expect(parseRunSettings({})).toMatchObject({ PORT: 3000, EMBEDDED_POSTGRES_PORT: 54329 });
  });

  test("a given value is checked all the same", () => {
    expect(() => parseRunSettings({ EMBEDDED_POSTGRES_PORT: "cinq" })).toThrow("EMBEDDED_POSTGRES_PORT doit être un nombre entier.");
    expect(() => parseRunSettings({ DATABASE_URL: "mysql://x" })).toThrow("DATABASE_URL doit commencer par postgresql://");
    expect(() => parseRunSettings({ DATABASE_REPLICA_URL: "réplique" })).toThrow("DATABASE_REPLICA_URL doit commencer par postgresql://");
    expect(parseRunSettings({}).DATABASE_REPLICA_URL).toBeUndefined();
  });
});
