"use client";

import { useState } from "react";
import type { RuleNeed as Need, RuleSetting as PlaceOfCare, RuleType as StructureType } from "@/lib/routing/rules-draft";
import { STRUCTURE_TYPE_LABELS } from "@/lib/directory/labels";
import { PLACE_OF_CARE_LABELS } from "@/lib/labels";
import { ordinal } from "@/lib/routing/phrases";

export type CellEdit = { kind: "move"; index: number; delta: -1 | 1 } | { kind: "remove"; index: number } | { kind: "add"; type: StructureType };

const typeLabel = (type: string) => STRUCTURE_TYPE_LABELS[type] ?? type;

/** Stable ids, so that focus can follow an item after it moved. */
export function cellItemId(need: Need, setting: PlaceOfCare, type: string, action: "monter" | "descendre" | "retirer"): string {
  return `regle-${need}-${setting}-${type}-${action}`;
}

export function cellAddId(need: Need, setting: PlaceOfCare): string {
  return `regle-${need}-${setting}-ajout`;
}

const iconButton =
  "inline-flex min-h-11 min-w-11 items-center justify-center rounded-md border border-slate-400 bg-white text-lg text-slate-900 hover:bg-slate-100 disabled:cursor-not-allowed disabled:border-slate-200 disabled:text-slate-300";

// One need in one place of care: the ordered structure types, each movable and removable, and the
// types that may be added (last, least preferred). Native buttons and a select: keyboard as is.
export function RulesCell({
  need,
  needLabel,
  setting,
  types,
  addable,
  changed,
  onEdit,
}: {
  need: Need;
  needLabel: string;
  setting: PlaceOfCare;
  types: readonly StructureType[];
  addable: readonly StructureType[];
  changed: boolean;
  onEdit: (edit: CellEdit) => void;
}) {
  const [choice, setChoice] = useState("");
  const where = `${needLabel}, ${PLACE_OF_CARE_LABELS[setting].toLowerCase()}`;
  const addId = cellAddId(need, setting);
  return (
    <fieldset className={`min-w-0 rounded-md border p-3 ${changed ? "border-brand-700 bg-brand-50" : "border-slate-300 bg-white"}`}>
      <legend className="px-1 font-semibold text-slate-900">
        {PLACE_OF_CARE_LABELS[setting]}
        {changed ? <span className="ml-2 text-sm font-medium text-brand-800">modifié, non enregistré</span> : null}
      </legend>
      {types.length === 0 ? (
        <p className="mb-2 text-sm font-medium text-amber-900">Aucun type de structure : ce besoin sera signalé comme non couvert.</p>
      ) : (
        <ol className="mb-3 flex flex-col gap-2">
          {types.map((type, index) => {
            const label = typeLabel(type);
            return (
              <li key={type} className="flex flex-wrap items-center gap-2">
                <span className="min-w-0 flex-1 basis-40">
                  <span className="text-sm text-slate-600">{ordinal(index + 1)} choix · </span>
                  <span className="text-slate-900">{label}</span>
                </span>
                <span className="flex gap-1">
                  <button
                    type="button"
                    id={cellItemId(need, setting, type, "monter")}
                    className={iconButton}
                    disabled={index === 0}
                    aria-label={`Monter « ${label} » (${where})`}
                    onClick={() => onEdit({ kind: "move", index, delta: -1 })}
                  >
                    <span aria-hidden="true">↑</span>
                  </button>
                  <button
                    type="button"
                    id={cellItemId(need, setting, type, "descendre")}
                    className={iconButton}
                    disabled={index === types.length - 1}
                    aria-label={`Descendre « ${label} » (${where})`}
                    onClick={() => onEdit({ kind: "move", index, delta: 1 })}
                  >
                    <span aria-hidden="true">↓</span>
                  </button>
                  <button
                    type="button"
                    id={cellItemId(need, setting, type, "retirer")}
                    className={iconButton}
                    aria-label={`Retirer « ${label} » (${where})`}
                    onClick={() => onEdit({ kind: "remove", index })}
                  >
                    <span aria-hidden="true">✕</span>
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {addable.length > 0 ? (
        <div className="flex flex-wrap items-end gap-2">
          <div className="flex min-w-0 flex-1 basis-48 flex-col gap-1">
            <label htmlFor={addId} className="text-sm font-medium text-slate-900">
              Ajouter un type <span className="sr-only">({where})</span>
            </label>
            <select
              id={addId}
              value={choice}
              onChange={(e) => setChoice(e.target.value)}
              className="min-h-11 w-full rounded-md border border-slate-500 bg-white px-2 text-base text-slate-900"
            >
              <option value="">Choisir…</option>
              {addable.map((type) => (
                <option key={type} value={type}>
                  {typeLabel(type)}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="min-h-11 rounded-md border border-slate-400 bg-white px-4 font-medium text-slate-900 hover:bg-slate-100"
            aria-label={`Ajouter le type choisi (${where})`}
            onClick={() => {
              if (!choice) return;
              onEdit({ kind: "add", type: choice as StructureType });
              setChoice("");
            }}
          >
            Ajouter
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}
