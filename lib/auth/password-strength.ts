import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as french from "@zxcvbn-ts/language-fr";
import { MIN_PASSWORD_LENGTH, MIN_PASSWORD_SCORE } from "@/lib/auth/password-strength-rules";

// Password strength with a maintained estimator (zxcvbn-ts, its common and French dictionaries):
// it knows leaked passwords, French words and first names, dates, keyboard walks and l33t, and its
// advice comes translated. Score 0-4: we ask for 4 (≥ 10^10 guesses, which resists an offline
// attack on a leaked hash, not only our sign-in limits) and 12 characters (ANSSI's advice); at 3,
// « ClaireMartin2026 » passed. A few words joined by dashes get there easily.

let factory: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  // Built once, on first use (the dictionaries take a few tens of milliseconds to index).
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...french.dictionary },
    graphs: common.adjacencyGraphs,
    translations: french.translations,
  });
  return factory;
}

export type PasswordVerdict = { ok: true; score: number } | { ok: false; score: number; message: string };

/**
 * Whether a new password is strong enough. `personal`: what the password must not be built from
 * (the person's name and e-mail, the platform's name), which the estimator counts as known words.
 */
export function checkPasswordStrength(password: string, personal: string[] = []): PasswordVerdict {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return { ok: false, score: 0, message: `Le mot de passe doit compter au moins ${MIN_PASSWORD_LENGTH} caractères.` };
  }
  const inputs = ["maillage", ...personal.flatMap((p) => p.toLowerCase().split(/[\s@.\-_]+/)).filter((p) => p.length >= 3)];
  const result = estimator().check(password.slice(0, 100), inputs);
  if (result.score >= MIN_PASSWORD_SCORE) return { ok: true, score: result.score };
  const reason = result.feedback.warning ?? "Ce mot de passe serait trop facile à deviner.";
  const advice = result.feedback.suggestions[0] ?? "Ajoutez un ou deux mots peu courants, séparés par des tirets.";
  return { ok: false, score: result.score, message: `Mot de passe trop faible : ${lowerFirst(stripDot(reason))}. ${advice}` };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function stripDot(text: string): string {
  return text.replace(/\s*\.\s*$/, "");
}
