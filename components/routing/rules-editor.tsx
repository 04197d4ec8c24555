"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { STRUCTURE_TYPE_LABELS } from "@/lib/directory/labels";
import { NEED_LABELS } from "@/lib/labels";
import { updateRoutingRulesAction } from "@/lib/routing/actions";
import { DEFAULT_ROUTING_RULES } from "@/lib/routing/default-rules";
import { ordinal } from "@/lib/routing/phrases";
import {
  addableTypes,
  addType,
  cloneRules,
  moveType,
  removeType,
  RULE_NEEDS,
  RULE_SETTINGS,
  type DraftRules,
  type RuleNeed,
  type RuleSetting,
} from "@/lib/routing/rules-draft";
import { diffRules } from "@/lib/routing/rules-schema";
import type { RoutingRules } from "@/lib/routing/types";
import { Button } from "@/components/ui/button";
import { FormBanner, useActionForm } from "@/components/forms/action-form";
import { cellAddId, cellItemId, RulesCell, type CellEdit } from "@/components/routing/rules-cell";
import { Card } from "@/components/ui/card";

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => b[i] === x);
const typeLabel = (type: string) => STRUCTURE_TYPE_LABELS[type] ?? type;
const count = (n: number) => (n === 1 ? "1 modification" : `${n} modifications`);

// The rules of one territory as a draft: edited freely, compared with what is saved (the change
// list is the preview), saved in one go on the version loaded (a conflict says to reload).
export function RulesEditor({ territory, rules, version }: { territory: { id: string; slug: string; name: string }; rules: RoutingRules; version: number }) {
  const { formElement, onSubmit, pending, state } = useActionForm(updateRoutingRulesAction, { resetOnSuccess: false });
  const [base, setBase] = useState({ rules, version });
  const [draft, setDraft] = useState<DraftRules>(() => cloneRules(rules));
  const [reviewing, setReviewing] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  // Where focus goes after the edit re-renders the list (the moved item, the next one…).
  const focusTarget = useRef<string | null>(null);
  const reviewHeading = useRef<HTMLHeadingElement>(null);

  // After a save (or a reload after a conflict) the page brings the stored table: start from it.
  if (version !== base.version) {
    setBase({ rules, version });
    setDraft(cloneRules(rules));
    setReviewing(false);
  }

  const changes = useMemo(() => diffRules(base.rules, draft), [base.rules, draft]);
  const isDefault = useMemo(() => diffRules(DEFAULT_ROUTING_RULES, draft).length === 0, [draft]);

  useEffect(() => {
    if (!focusTarget.current) return;
    document.getElementById(focusTarget.current)?.focus();
    focusTarget.current = null;
  });
  useEffect(() => {
    if (reviewing) reviewHeading.current?.focus();
  }, [reviewing]);

  const edit = (need: RuleNeed, setting: RuleSetting, change: CellEdit) => {
    const types = draft[need][setting];
    if (change.kind === "move") {
      const type = types[change.index];
      const target = change.index + change.delta;
      if (!type || target < 0 || target >= types.length) return;
      setDraft(moveType(draft, need, setting, change.index, change.delta));
      // Focus stays on the moved item; at an end its button gets disabled, so take the other one.
      const atEnd = target === 0 || target === types.length - 1;
      const same = change.delta === -1 ? "monter" : "descendre";
      const other = change.delta === -1 ? "descendre" : "monter";
      focusTarget.current = cellItemId(need, setting, type, atEnd ? other : same);
      setAnnouncement(`« ${typeLabel(type)} » : ${ordinal(target + 1)} choix.`);
    } else if (change.kind === "remove") {
      const type = types[change.index];
      if (!type) return;
      setDraft(removeType(draft, need, setting, change.index));
      const next = types[change.index + 1] ?? types[change.index - 1];
      focusTarget.current = next ? cellItemId(need, setting, next, "retirer") : cellAddId(need, setting);
      setAnnouncement(`« ${typeLabel(type)} » retiré.`);
    } else {
      setDraft(addType(draft, need, setting, change.type));
      setAnnouncement(`« ${typeLabel(change.type)} » ajouté en ${ordinal(types.length + 1)} choix.`);
    }
    setReviewing(false);
  };

  const resetTo = (table: RoutingRules, message: string) => {
    setDraft(cloneRules(table));
    setReviewing(false);
    setAnnouncement(message);
  };

  return (
    <div className="flex flex-col gap-4">
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <FormBanner state={state} />

      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          className="disabled:cursor-not-allowed disabled:text-slate-500"
          disabled={isDefault}
          onClick={() => resetTo(DEFAULT_ROUTING_RULES, "Règles par défaut rétablies dans le brouillon : vérifiez puis enregistrez.")}
        >
          Rétablir les règles par défaut
        </Button>
        <Button
          type="button"
          variant="secondary"
          className="disabled:cursor-not-allowed disabled:text-slate-500"
          disabled={changes.length === 0}
          onClick={() => resetTo(base.rules, "Modifications annulées.")}
        >
          Annuler mes modifications
        </Button>
      </div>

      {reviewing ? (
        <section aria-labelledby="revue-titre" className="rounded-lg border-2 border-brand-700 bg-white p-4">
          <h2 id="revue-titre" ref={reviewHeading} tabIndex={-1} className="mb-2 text-xl font-semibold">
            Modifications à enregistrer ({changes.length})
          </h2>
          {changes.length === 0 ? (
            <p>Aucune modification : les règles enregistrées restent en vigueur.</p>
          ) : (
            <ol className="mb-3 list-decimal pl-6">
              {changes.map((change) => (
                <li key={`${change.need}-${change.setting}`} className="mb-1">
                  {change.description}
                </li>
              ))}
            </ol>
          )}
          <form ref={formElement} onSubmit={onSubmit} className="flex flex-wrap gap-2" aria-label="Enregistrer les règles">
            <input type="hidden" name="territoryId" value={territory.id} />
            <input type="hidden" name="slug" value={territory.slug} />
            <input type="hidden" name="version" value={base.version} />
            <input type="hidden" name="rules" value={JSON.stringify(draft)} />
            <Button type="submit" disabled={pending || changes.length === 0}>
              {pending ? "Enregistrement…" : "Enregistrer les règles"}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setReviewing(false)}>
              Continuer les modifications
            </Button>
          </form>
          <p className="mt-2 text-sm text-slate-700">
            Les suggestions de toutes les demandes ouvertes du territoire suivront les nouvelles règles dès l&apos;enregistrement.
          </p>
        </section>
      ) : null}

      {RULE_NEEDS.map((need, index) => {
        const changed = RULE_SETTINGS.filter((setting) => !sameList(draft[need][setting], base.rules[need][setting])).length;
        return (
          <Card as="details" padding="none" key={need} open={index === 0 || undefined}>
            <summary className="min-h-11 cursor-pointer px-4 py-3">
              <h2 className="inline text-lg font-semibold">{NEED_LABELS[need]}</h2>
              {changed > 0 ? (
                <span className="ml-2 text-sm font-medium text-brand-800">{changed === 1 ? "1 lieu modifié" : `${changed} lieux modifiés`}</span>
              ) : null}
            </summary>
            <div className="grid gap-3 px-3 pb-4 sm:px-4 md:grid-cols-2">
              {RULE_SETTINGS.map((setting) => (
                <RulesCell
                  key={setting}
                  need={need}
                  needLabel={NEED_LABELS[need]}
                  setting={setting}
                  types={draft[need][setting]}
                  addable={addableTypes(draft, need, setting)}
                  changed={!sameList(draft[need][setting], base.rules[need][setting])}
                  onEdit={(change) => edit(need, setting, change)}
                />
              ))}
            </div>
          </Card>
        );
      })}

      {/* Always in reach, at the bottom of the screen: how much is pending, and the preview. */}
      <div className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center gap-3 border-t border-slate-300 bg-white px-4 py-3 shadow-[0_-2px_6px_rgba(0,0,0,0.08)]">
        <p className="flex-1 font-medium text-slate-900">
          {changes.length === 0 ? "Aucune modification en cours." : `${count(changes.length)} non enregistrée${changes.length === 1 ? "" : "s"}.`}
        </p>
        <Button type="button" disabled={changes.length === 0} onClick={() => setReviewing(true)}>
          Vérifier et enregistrer
        </Button>
      </div>
    </div>
  );
}
