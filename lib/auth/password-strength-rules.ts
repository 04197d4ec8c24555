// The password rules the forms state (client-safe: the estimator and its dictionaries stay on the
// server, lib/auth/password-strength.ts).
export const MIN_PASSWORD_LENGTH = 12;
// zxcvbn's score 0-4: 4 is ≥ 10^10 guesses, which resists an offline attack on a leaked hash.
export const MIN_PASSWORD_SCORE = 4;
