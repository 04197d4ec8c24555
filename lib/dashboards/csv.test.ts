import { describe, expect, test } from "vitest";
import { exportTableCsv } from "@/lib/dashboards/csv";

describe("exportTableCsv", () => {
  test("writes a French spreadsheet's CSV: BOM, semicolons, decimal comma, CRLF, masked counts as shown", () => {
    const csv = exportTableCsv({
      headers: ["Zone", "Demandes", "Délai médian (h)"],
      rows: [
        ["Meuse", { value: 18, masked: false }, 2.5],
        ["Vosges", { value: null, masked: true, reason: "small" }, null],
        ["Moselle", { value: null, masked: true, reason: "secondary" }, 12],
      ],
    });
    expect(csv).toBe("\uFEFFZone;Demandes;Délai médian (h)\r\nMeuse;18;2,5\r\nVosges;< 5;\r\nMoselle;s;12\r\n");
  });

  test("quotes what needs quoting and neutralises spreadsheet formulas", () => {
    const csv = exportTableCsv({ headers: ["a"], rows: [['Saint-Dié; "des" Vosges'], ["=HYPERLINK(1)"], ["-2"]] });
    expect(csv.split("\r\n").slice(1, 4)).toEqual(['"Saint-Dié; ""des"" Vosges"', "'=HYPERLINK(1)", "'-2"]);
  });
});
