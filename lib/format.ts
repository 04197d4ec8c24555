// Dates as the field reads them: dd/mm/yyyy, Europe/Paris, whatever the server's time zone.
const dateTime = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit" });
const date = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", day: "2-digit", month: "2-digit", year: "numeric" });

export function formatDateTime(value: Date): string {
  return dateTime.format(value).replace(" ", " à ");
}

export function formatDate(value: Date): string {
  return date.format(value);
}
