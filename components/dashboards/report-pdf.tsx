// The yearly activity report as a PDF (@react-pdf/renderer: pure JavaScript, no browser, its
// standard Helvetica font, nothing fetched). The same tables as the page and the CSV, built from
// the aggregate Dashboard: no identity, no free text, "< 5" for masked counts.
import { Document, Font, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import type { Dashboard } from "@/lib/dashboards/types";
import { formatCount, maskingNote } from "@/lib/dashboards/format";
import type { TableSpec } from "@/lib/dashboards/tables";

const BRAND = "#0b544e";

// No hyphenation: the library's default rules are English ("cal-endaires").
Font.registerHyphenationCallback((word) => [word]);

const styles = StyleSheet.create({
  page: { paddingTop: 36, paddingBottom: 48, paddingHorizontal: 36, fontFamily: "Helvetica", fontSize: 9, color: "#0f172a" },
  brand: { fontSize: 10, color: BRAND, fontFamily: "Helvetica-Bold" },
  title: { fontSize: 18, fontFamily: "Helvetica-Bold", marginTop: 6 },
  subtitle: { fontSize: 11, marginTop: 4, color: "#334155" },
  notice: { marginTop: 10, padding: 6, backgroundColor: "#eef6f5", borderLeftWidth: 3, borderLeftColor: BRAND, fontSize: 8.5 },
  figures: { flexDirection: "row", marginTop: 12, gap: 6 },
  figure: { flexGrow: 1, flexBasis: 0, borderWidth: 1, borderColor: "#cbd5e1", borderRadius: 3, padding: 6 },
  figureLabel: { fontSize: 8, color: "#334155" },
  figureValue: { fontSize: 16, fontFamily: "Helvetica-Bold", marginTop: 2 },
  section: { marginTop: 14 },
  tableTitle: { fontSize: 11, fontFamily: "Helvetica-Bold", marginBottom: 4, color: BRAND },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#cbd5e1" },
  head: { flexDirection: "row", borderBottomWidth: 1, borderBottomColor: "#475569", backgroundColor: "#f1f5f9" },
  cell: { paddingVertical: 3, paddingHorizontal: 4 },
  headText: { fontFamily: "Helvetica-Bold", fontSize: 8 },
  note: { fontSize: 8, color: "#334155", marginTop: 3 },
  footer: { position: "absolute", bottom: 20, left: 36, right: 36, flexDirection: "row", justifyContent: "space-between", fontSize: 8, color: "#475569" },
});

// The PDF's standard fonts cover Latin-1 (WinAnsi) only: replace what they cannot draw.
export function pdfText(value: string): string {
  return value
    .replace(/[\u202f\u00a0]/g, " ")
    .replace(/→/g, "->")
    .replace(/≥/g, ">=")
    .replace(/≤/g, "<=");
}

function PdfTable({ table }: { table: TableSpec }) {
  const columns = table.headers.length;
  // The first column (labels) gets more room; the figures share the rest.
  const first = columns <= 2 ? 70 : columns <= 4 ? 40 : 22;
  const other = (100 - first) / Math.max(1, columns - 1);
  const width = (i: number) => `${i === 0 ? first : other}%`;
  const small = columns > 6;
  return (
    <View style={styles.section}>
      <Text style={styles.tableTitle} minPresenceAhead={40}>
        {pdfText(table.title)}
      </Text>
      <View style={styles.head} fixed={false}>
        {table.headers.map((h, i) => (
          <View key={h} style={[styles.cell, { width: width(i) }]}>
            <Text style={[styles.headText, { textAlign: i > 0 && table.rows[0]?.[i]?.numeric ? "right" : "left", fontSize: small ? 7 : 8 }]}>{pdfText(h)}</Text>
          </View>
        ))}
      </View>
      {table.rows.length === 0 ? (
        <View style={styles.row}>
          <Text style={styles.cell}>Aucune donnée sur la période.</Text>
        </View>
      ) : (
        table.rows.map((row, r) => (
          <View key={r} style={styles.row} wrap={false}>
            {row.map((cell, c) => (
              <View key={c} style={[styles.cell, { width: width(c) }]}>
                <Text
                  style={{
                    textAlign: c > 0 && cell.numeric ? "right" : "left",
                    fontSize: small ? 7.5 : 9,
                    fontFamily: cell.masked ? "Helvetica-Oblique" : "Helvetica",
                  }}
                >
                  {pdfText(cell.text)}
                </Text>
              </View>
            ))}
          </View>
        ))
      )}
      {table.note ? <Text style={styles.note}>{pdfText(table.note)}</Text> : null}
    </View>
  );
}

export type ReportPdfInput = {
  dashboard: Dashboard;
  tables: TableSpec[];
  title: string; // "Rapport d'activité 2025"
  periodLabel: string; // "du 01/01/2025 au 31/12/2025"
  generatedAt: string; // "23/11/2026"
};

export function ReportPdf({ dashboard: d, tables, title, periodLabel, generatedAt }: ReportPdfInput) {
  const figures = [
    ["Demandes reçues", d.totals.requests],
    ["File active", d.totals.activeFile],
    ["Nouveaux patients", d.totals.newPatients],
    ["Besoins non couverts", d.totals.unmetRequests],
  ] as const;
  return (
    <Document title={pdfText(`${title} — ${d.area.name}`)} author="Maillage" subject="Rapport annuel d'activité (données agrégées)" language="fr-FR">
      <Page size="A4" style={styles.page}>
        <Text style={styles.brand}>Maillage — coordination des soins de support et palliatifs</Text>
        <Text style={styles.title}>{pdfText(title)}</Text>
        <Text style={styles.subtitle}>{pdfText(`Territoire : ${d.area.name} — période ${periodLabel}`)}</Text>
        <Text style={styles.notice}>{pdfText(maskingNote(d.smallCountsMasked))}</Text>
        <View style={styles.figures}>
          {figures.map(([label, count]) => (
            <View key={label} style={styles.figure}>
              <Text style={styles.figureLabel}>{label}</Text>
              <Text style={styles.figureValue}>{pdfText(formatCount(count))}</Text>
            </View>
          ))}
        </View>
        {tables
          .filter((t) => t.id !== "synthese")
          .map((t) => (
            <PdfTable key={t.id} table={t} />
          ))}
        <View style={styles.footer} fixed>
          <Text>{pdfText(`${title} — ${d.area.name} — édité le ${generatedAt}`)}</Text>
          <Text render={({ pageNumber, totalPages }) => `page ${pageNumber} / ${totalPages}`} />
        </View>
      </Page>
    </Document>
  );
}

export function renderReportPdf(input: ReportPdfInput): Promise<Buffer> {
  return renderToBuffer(<ReportPdf {...input} />);
}
