// The synthesis sheet of an RCP soins de support (fiche de synthèse) as a PDF (@react-pdf/renderer,
// its standard Helvetica font, nothing fetched): the patient's identity, the question, the
// participants, the discussion, the decisions (who, by when) and the next review. Clinical
// content: served to those who may read the request only, never sent by ordinary e-mail.
import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import type { getRcpSheet } from "@/lib/rcp/queries";
import { requestNumberLabel } from "@/lib/labels";
import { formatCalendarDay, formatDate, formatDateTime } from "@/lib/time";
import { pdfText } from "@/components/dashboards/report-pdf";

const BRAND = "#0b544e";
const styles = StyleSheet.create({
  page: { paddingTop: 36, paddingBottom: 48, paddingHorizontal: 40, fontFamily: "Helvetica", fontSize: 10, color: "#0f172a" },
  brand: { fontSize: 10, color: BRAND, fontFamily: "Helvetica-Bold" },
  title: { fontSize: 16, fontFamily: "Helvetica-Bold", marginTop: 6 },
  subtitle: { fontSize: 10, marginTop: 3, color: "#334155" },
  section: { marginTop: 12 },
  heading: { fontSize: 11, fontFamily: "Helvetica-Bold", color: BRAND, marginBottom: 3 },
  line: { marginTop: 2 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#cbd5e1", paddingVertical: 3 },
  confidential: { marginTop: 10, padding: 6, backgroundColor: "#fef3c7", fontSize: 8.5 },
  footer: { position: "absolute", bottom: 20, left: 40, right: 40, fontSize: 8, color: "#475569" },
});

type Sheet = Awaited<ReturnType<typeof getRcpSheet>>;

function SynthesisPdf({ sheet, generatedAt }: { sheet: Sheet; generatedAt: Date }) {
  const m = sheet.meeting;
  const where = [m.place, m.videoUrl ? "visioconférence" : null].filter(Boolean).join(", ");
  return (
    <Document title={pdfText(`Fiche de synthèse RCP — ${requestNumberLabel(sheet.request.number)}`)} author="Maillage" language="fr-FR">
      <Page size="A4" style={styles.page}>
        <Text style={styles.brand}>Maillage — {pdfText(m.territory.name)}</Text>
        <Text style={styles.title}>Fiche de synthèse — RCP soins de support</Text>
        <Text style={styles.subtitle}>
          {pdfText(`Réunion du ${formatDateTime(m.scheduledAt)}${where ? ` (${where})` : ""} — demande ${requestNumberLabel(sheet.request.number)}`)}
        </Text>
        <Text style={styles.confidential}>
          Document médical confidentiel : à conserver dans le dossier du patient, à ne pas transmettre par messagerie non sécurisée.
        </Text>
        <View style={styles.section}>
          <Text style={styles.heading}>Patient</Text>
          {sheet.identity ? (
            <>
              <Text style={styles.line}>
                {pdfText(sheet.identity.name)}, né(e) le {formatDate(sheet.identity.birthDate)}
              </Text>
              <Text style={styles.line}>{pdfText(sheet.identity.ins ? `INS : ${sheet.identity.ins}` : `Identité : ${sheet.identity.status}`)}</Text>
            </>
          ) : (
            <Text style={styles.line}>Patient non identifié</Text>
          )}
        </View>
        <View style={styles.section}>
          <Text style={styles.heading}>Question posée</Text>
          <Text style={styles.line}>{pdfText(sheet.question)}</Text>
        </View>
        <View style={styles.section}>
          <Text style={styles.heading}>Participants</Text>
          <Text style={styles.line}>{pdfText(sheet.participants ?? "")}</Text>
        </View>
        <View style={styles.section}>
          <Text style={styles.heading}>Synthèse de la discussion</Text>
          <Text style={styles.line}>{pdfText(sheet.summary ?? "")}</Text>
        </View>
        <View style={styles.section}>
          <Text style={styles.heading}>Décisions</Text>
          {sheet.decisions.length === 0 ? <Text style={styles.line}>Aucune décision.</Text> : null}
          {sheet.decisions.map((d, i) => (
            <View key={i} style={styles.row}>
              <Text style={{ width: "60%" }}>{pdfText(d.action)}</Text>
              <Text style={{ width: "25%" }}>{pdfText(d.responsibleStructure?.name ?? "Coordination")}</Text>
              <Text style={{ width: "15%", textAlign: "right" }}>{formatCalendarDay(d.dueOn)}</Text>
            </View>
          ))}
        </View>
        <View style={styles.section}>
          <Text style={styles.heading}>Prochaine réévaluation</Text>
          <Text style={styles.line}>{sheet.nextReviewOn ? formatCalendarDay(sheet.nextReviewOn) : "Non fixée"}</Text>
        </View>
        <Text style={styles.footer} fixed>
          {pdfText(`Fiche générée le ${formatDateTime(generatedAt)} par Maillage. Contact de la coordination : ${m.territory.publicPhone}.`)}
        </Text>
      </Page>
    </Document>
  );
}

export function renderSynthesisPdf(sheet: Sheet, generatedAt = new Date()): Promise<Buffer> {
  return renderToBuffer(<SynthesisPdf sheet={sheet} generatedAt={generatedAt} />);
}
