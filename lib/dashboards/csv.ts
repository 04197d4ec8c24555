// CSV for the dashboards' exports, as French spreadsheets open it: UTF-8 with a byte-order mark,
// ";" between fields, decimal comma, CRLF line ends, quotes where needed. A masked count is written
// as the page shows it ("< 5", or "s" for a count masked to protect another); a cell that would
// start a spreadsheet formula (=, +, -, @) is neutralised with a leading apostrophe.
import type { Count } from "@/lib/dashboards/types";

export type CsvValue = string | number | Count | null | undefined;

export const MASKED_SMALL = "< 5";
export const MASKED_SECONDARY = "s";

function isCount(value: CsvValue): value is Count {
  return typeof value === "object" && value !== null && "masked" in value;
}

export function csvField(value: CsvValue): string {
  let text: string;
  if (value === null || value === undefined) text = "";
  else if (isCount(value)) text = value.masked || value.value === null ? (value.reason === "secondary" ? MASKED_SECONDARY : MASKED_SMALL) : String(value.value);
  else if (typeof value === "number") text = Number.isFinite(value) ? String(value).replace(".", ",") : "";
  else text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function exportTableCsv({ headers, rows }: { headers: string[]; rows: CsvValue[][] }): string {
  const lines = [headers, ...rows].map((row) => row.map(csvField).join(";"));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
