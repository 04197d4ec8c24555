"use client";

import { useRef, useState, type FormEvent } from "react";
import type { ImportLine, ImportMessage, ImportProgress, ImportReport } from "@/lib/directory/import-structures-csv";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

const PHASES: Record<ImportProgress["phase"], string> = {
  lecture: "Lecture du fichier",
  verification: "Vérification des lignes",
  enregistrement: "Enregistrement",
};

const OUTCOMES: Record<ImportLine["outcome"], string> = { created: "Créée", updated: "Mise à jour", unchanged: "Inchangée", refused: "Refusée" };

const integer = new Intl.NumberFormat("fr-FR");
const SHOWN_LINES = 1000;

/**
 * Send a CSV file and follow the import: the server streams its progress (lines checked, then
 * written by chunks) and finally the report, line by line, which can be downloaded.
 */
export function ImportPanel() {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("fichier");
    setReport(null);
    setError(null);
    setProgress(null);
    if (!(file instanceof File) || file.size === 0) {
      setError("Choisissez un fichier CSV.");
      return;
    }
    setRunning(true);
    try {
      const response = await fetch("/api/annuaire/import", { method: "POST", body: form });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => ({}))) as { error?: string };
        setError(body.error ?? "L'import n'a pas pu commencer. Réessayez dans un instant.");
        return;
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let newline = buffer.indexOf("\n");
        while (newline >= 0) {
          const message = JSON.parse(buffer.slice(0, newline)) as ImportMessage;
          buffer = buffer.slice(newline + 1);
          if (message.type === "progress") setProgress(message);
          else if (message.type === "report") setReport(message.report);
          else setError(message.message);
          newline = buffer.indexOf("\n");
        }
      }
    } catch {
      setError("La connexion a été interrompue pendant l'import. Les lignes déjà enregistrées le restent : réimportez le fichier pour terminer.");
    } finally {
      setRunning(false);
      setTimeout(() => resultRef.current?.focus(), 0);
    }
  }

  return (
    <div className="flex flex-col gap-6">
      <Card as="form" onSubmit={onSubmit} aria-label="Importer un fichier CSV" className="flex flex-col gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="field-fichier" className="font-medium text-slate-900">
            Fichier CSV
          </label>
          <p id="field-fichier-hint" className="text-sm text-slate-600">
            Séparateur point-virgule, une structure par ligne, les noms de colonnes en première ligne (20 Mo au plus).
          </p>
          <input id="field-fichier" name="fichier" type="file" accept=".csv,text/csv" aria-describedby="field-fichier-hint" className="min-h-11 text-base" />
        </div>
        <Button type="submit" disabled={running} className="w-full sm:w-auto sm:self-start">
          {running ? "Import en cours…" : "Importer"}
        </Button>
        <div role="status" aria-live="polite" className="min-h-6">
          {running && progress ? (
            <div className="flex flex-col gap-1">
              <span>
                {PHASES[progress.phase]} : {integer.format(progress.done)} / {integer.format(progress.total)}
              </span>
              <progress max={Math.max(progress.total, 1)} value={progress.done} className="h-3 w-full" aria-label={PHASES[progress.phase]} />
            </div>
          ) : running ? (
            "Envoi du fichier…"
          ) : null}
        </div>
      </Card>
      <div ref={resultRef} tabIndex={-1} className="flex flex-col gap-4 outline-none">
        {error ? <Alert tone="error">{error}</Alert> : null}
        {report ? <ImportReportView report={report} /> : null}
      </div>
    </div>
  );
}

function ImportReportView({ report }: { report: ImportReport }) {
  if (report.fileErrors.length) {
    return (
      <Alert tone="error">
        <p className="font-semibold">Le fichier n&apos;a pas été importé :</p>
        <ul className="list-disc pl-5">
          {report.fileErrors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      </Alert>
    );
  }
  const refused = report.lines.filter((l) => l.outcome === "refused");
  const c = report.counts;
  return (
    <section aria-labelledby="rapport" className="flex flex-col gap-4">
      <h2 id="rapport" className="text-xl font-semibold text-slate-900">
        Rapport d&apos;import
      </h2>
      <Alert tone={refused.length ? "error" : "success"}>
        {integer.format(report.lines.length)} ligne{report.lines.length > 1 ? "s" : ""} : {integer.format(c.created)} créée{c.created > 1 ? "s" : ""},{" "}
        {integer.format(c.updated)} mise{c.updated > 1 ? "s" : ""} à jour, {integer.format(c.unchanged)} inchangée{c.unchanged > 1 ? "s" : ""},{" "}
        {integer.format(c.refused)} refusée{c.refused > 1 ? "s" : ""} ({(report.durationMs / 1000).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} s).
        {refused.length ? " Les lignes refusées n'ont rien modifié ; corrigez-les et réimportez le fichier : les autres seront « inchangées »." : ""}
      </Alert>
      {report.warnings.map((w) => (
        <Alert key={w}>{w}</Alert>
      ))}
      <p>
        <button type="button" onClick={() => downloadReport(report)} className="min-h-11 font-medium text-brand-700 underline">
          Télécharger le rapport complet (CSV)
        </button>
      </p>
      {refused.length ? <LinesTable caption="Lignes refusées" lines={refused} /> : null}
      <details>
        <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand-700 underline">Toutes les lignes</summary>
        <LinesTable caption="Toutes les lignes du fichier" lines={report.lines.slice(0, SHOWN_LINES)} />
        {report.lines.length > SHOWN_LINES ? (
          <p className="mt-2">Les {integer.format(SHOWN_LINES)} premières lignes sont affichées ; le rapport téléchargé les contient toutes.</p>
        ) : null}
      </details>
    </section>
  );
}

function LinesTable({ caption, lines }: { caption: string; lines: ImportLine[] }) {
  // Scrolls sideways on a phone: focusable, so that the keyboard can scroll it too.
  return (
    <div role="region" aria-label={`Tableau : ${caption}`} tabIndex={0} className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="mb-2 text-left font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-400 text-left">
            <th scope="col" className="py-2 pr-2">
              Ligne
            </th>
            <th scope="col" className="py-2 pr-2">
              Résultat
            </th>
            <th scope="col" className="py-2 pr-2">
              Structure
            </th>
            <th scope="col" className="py-2">
              Détail
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, index) => (
            <tr key={`${l.line}-${index}`} className="border-b border-slate-200 align-top">
              <td className="py-2 pr-2 tabular-nums">{l.line}</td>
              <td className={`py-2 pr-2 font-medium ${l.outcome === "refused" ? "text-red-800" : "text-slate-900"}`}>{OUTCOMES[l.outcome]}</td>
              <td className="py-2 pr-2">
                {l.name || "—"}
                {l.key ? <span className="block text-slate-600">{l.key}</span> : null}
              </td>
              <td className="py-2">
                {l.reasons.length ? (
                  <ul className="list-disc pl-4">
                    {l.reasons.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                ) : l.fields.length ? (
                  `Champs modifiés : ${l.fields.join(", ")}`
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function downloadReport(report: ImportReport) {
  const cell = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const rows = [
    ["ligne", "resultat", "identifiant", "nom", "detail"],
    ...report.lines.map((l) => [String(l.line), OUTCOMES[l.outcome], l.key, l.name, l.reasons.length ? l.reasons.join(" | ") : l.fields.join(", ")]),
  ];
  const blob = new Blob([`\uFEFF${rows.map((r) => r.map(cell).join(";")).join("\r\n")}`], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = "rapport-import-annuaire.csv";
  a.click();
  URL.revokeObjectURL(url);
}
