// The text every form sends, cleaned the same way everywhere (client-safe). Control characters are
// invisible, cannot be typed, and arrive by pasting from another program or from a forged request:
// PostgreSQL refuses NUL in text (the person then lost the form to « erreur inattendue »), and the
// others break displays and CSV exports. They are removed rather than refused: the person cannot
// see them, so a refusal would only send them round in circles. A field left empty by the removal
// gets its usual message (« Indiquez … ») at the field.
import { z } from "zod";
import { parseDay } from "@/lib/time";

// C0 controls except tab, line feed and carriage return; DEL; C1 controls.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// Vertical tab and form feed are the line and page breaks of word processors and PDF viewers.
const BREAKS = /[\u000B\u000C]/g;

export function hasControlChars(value: string): boolean {
  CONTROL.lastIndex = 0;
  return CONTROL.test(value);
}

/** Multi-line text keeps its line breaks (and tabs); one-line text gets spaces instead. */
export function cleanText(value: string, { multiline = false }: { multiline?: boolean } = {}): string {
  const broken = value.replace(BREAKS, multiline ? "\n" : " ").replace(CONTROL, "");
  return multiline ? broken : broken.replace(/[\t\r\n]+/g, " ");
}

/** Free text of at most `max` characters, cleaned and trimmed; may be empty. */
export function ZText({ max, label, multiline = false }: { max: number; label: string; multiline?: boolean }) {
  return z
    .string()
    .overwrite((v) => cleanText(v, { multiline }))
    .trim()
    .max(max, `${label} : ${max} caractères au maximum.`);
}

/** Free text that must not be empty once cleaned (`required`: what to say when it is). */
export function ZRequiredText({ max, label, required, multiline = false }: { max: number; label: string; required: string; multiline?: boolean }) {
  return ZText({ max, label, multiline }).min(1, required);
}

/** Empty text (or only spaces, or only control characters) means "not given": null. */
export function ZOptionalText({ max, label, multiline = false }: { max: number; label: string; multiline?: boolean }) {
  return z.preprocess(
    (v) => {
      if (v === undefined || v === null) return null;
      if (typeof v !== "string") return v;
      const clean = cleanText(v, { multiline }).trim();
      return clean === "" ? null : clean;
    },
    z.string().max(max, `${label} : ${max} caractères au maximum.`).nullable(),
  );
}

/**
 * An identifier the page put in a hidden field or a link (a request, a structure, a territory):
 * never typed by a person, so a control character in it is refused, not cleaned.
 */
// A form checkbox: "on" when ticked, absent otherwise (true / "true" from code and tests).
export const ZCheckbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export function ZIdentifier({ missing = "Identifiant manquant." }: { missing?: string } = {}) {
  return z
    .string({ error: missing })
    .min(1, missing)
    .max(64, "Identifiant invalide.")
    .refine((v) => !hasControlChars(v), "Identifiant invalide.");
}

// "03 29 45 12 34", "0329451234", "+33 3 29 45 12 34" → stored as "03 29 45 12 34" / "+33 3 29 45 12 34".
export function normalizePhone(raw: string): string | null {
  const digits = raw.replace(/[\s.\-()]/g, "");
  if (/^0\d{9}$/.test(digits)) return digits.replace(/(\d{2})(?=\d)/g, "$1 ");
  if (/^\+33\d{9}$/.test(digits)) return `+33 ${digits[3]} ${digits.slice(4).replace(/(\d{2})(?=\d)/g, "$1 ")}`;
  return null;
}

export const optionalPhone = (label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : (v ?? null)),
    z
      .string()
      .transform((value, ctx) => {
        const phone = normalizePhone(value);
        if (!phone) {
          ctx.addIssue({ code: "custom", message: `${label} : numéro invalide (10 chiffres, ex. 03 29 45 12 34).` });
          return z.NEVER;
        }
        return phone;
      })
      .nullable(),
  );

/** A calendar day as a date input sends it or as typed (jj/mm/aaaa) → « 2026-12-24 »; the label leads each message. */
export const ZCalendarDay = (label: string) =>
  z.string({ error: `${label} : indiquez la date.` }).transform((value, ctx) => {
    const date = value.trim() === "" ? null : parseDay(value.trim());
    if (!date) {
      ctx.addIssue({ code: "custom", message: value.trim() === "" ? `${label} : indiquez la date.` : `${label} : date invalide (jj/mm/aaaa).` });
      return z.NEVER;
    }
    return date.toISOString().slice(0, 10);
  });
