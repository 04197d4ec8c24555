// The birth date field of the request forms is typed, not picked (a calendar that starts in this
// year is slow to take back to 1946 on a phone): digits only, on the numeric keypad, and the
// slashes come by themselves — "12051946" shows as "12/05/1946", which ZBirthDate accepts.
// A date already written in ISO (yyyy-mm-dd, e.g. pasted) is left as it is.
export function formatBirthDateInput(value: string): string {
  if (/^\d{4}-\d{0,2}(-\d{0,2})?$/.test(value.trim())) return value.trim();
  const digits = value.replace(/\D/g, "").slice(0, 8);
  if (digits.length <= 2) return digits;
  if (digits.length <= 4) return `${digits.slice(0, 2)}/${digits.slice(2)}`;
  return `${digits.slice(0, 2)}/${digits.slice(2, 4)}/${digits.slice(4)}`;
}
