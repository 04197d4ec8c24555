"use client";

import { recordScreeningAction } from "@/lib/requests/screening-actions";
import { DISTRESS_PROBLEMS, DN4_ITEMS, GRID_INFO, PALLIA10_QUESTIONS, PERFORMANCE_GRADES, type ScreeningGridId } from "@/lib/screening/grids";
import { FormBanner, useActionForm, useFocusFirstError } from "@/components/forms/action-form";
import { ChoiceGroup } from "@/components/forms/choice-group";
import { Button } from "@/components/ui/button";

const YES_NO = [
  { value: "yes", label: "Oui" },
  { value: "no", label: "Non" },
];
const SCALE = Array.from({ length: 11 }, (_, i) => ({ value: String(i), label: String(i) }));

/** The ten PALLIA-10 questions as yes / no radios (q1…q10): the coordinator's form and the GP's filing. */
export function Pallia10Questions({
  errors,
  values = {},
  required = true,
}: {
  errors: Record<string, string[] | undefined>;
  values?: Record<string, unknown>;
  required?: boolean;
}) {
  return (
    <ol className="flex flex-col gap-3">
      {PALLIA10_QUESTIONS.map((question, i) => {
        const value = values[`q${i + 1}`];
        return (
          <li key={question}>
            <ChoiceGroup
              name={`q${i + 1}`}
              legend={`${i + 1}. ${question}`}
              type="radio"
              inline
              options={YES_NO}
              defaultValue={typeof value === "string" ? value : undefined}
              errors={errors[`q${i + 1}`]}
              required={required}
            />
          </li>
        );
      })}
    </ol>
  );
}

/** One grid's form for the coordinator: the answers, sent with the request and the grid's id. */
export function ScreeningForm({ requestId, grid }: { requestId: string; grid: ScreeningGridId }) {
  const { formElement, onSubmit, pending, state, fieldErrors: errors } = useActionForm(recordScreeningAction);
  useFocusFirstError(state, formElement);
  return (
    <form ref={formElement} onSubmit={onSubmit} noValidate aria-label={`Remplir la grille ${GRID_INFO[grid].short}`} className="flex flex-col gap-3">
      <FormBanner state={state} />
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="grid" value={grid} />
      {grid === "PALLIA10" ? <Pallia10Questions errors={errors} /> : null}
      {grid === "PERFORMANCE_STATUS" ? (
        <>
          <ChoiceGroup
            name="grade"
            legend="Indice de performance OMS / ECOG"
            type="radio"
            options={PERFORMANCE_GRADES.map((g) => ({ value: String(g.grade), label: `${g.grade} — ${g.label}`, hint: `Karnofsky ${g.karnofsky}` }))}
            errors={errors.grade}
            required
          />
          <ChoiceGroup
            name="crisis"
            legend="Situation"
            type="checkbox"
            options={[{ value: "on", label: "Situation de crise (aggravation rapide, épuisement de l'entourage)" }]}
            errors={errors.crisis}
          />
        </>
      ) : null}
      {grid === "DISTRESS" ? (
        <>
          <ChoiceGroup
            name="thermometer"
            legend="Détresse ressentie au cours de la semaine passée (0 = aucune, 10 = extrême)"
            type="radio"
            inline
            options={SCALE}
            errors={errors.thermometer}
            required
          />
          <ChoiceGroup
            name="problems"
            legend="Problèmes signalés"
            type="checkbox"
            columns={2}
            options={Object.entries(DISTRESS_PROBLEMS).map(([value, label]) => ({ value, label }))}
            errors={errors.problems}
          />
        </>
      ) : null}
      {grid === "PAIN" ? (
        <>
          <ChoiceGroup
            name="intensity"
            legend="Intensité de la douleur (0 = pas de douleur, 10 = maximale imaginable)"
            type="radio"
            inline
            options={SCALE}
            errors={errors.intensity}
            required
          />
          <ChoiceGroup
            name="dn4Done"
            legend="DN4 (douleur neuropathique)"
            type="checkbox"
            options={[{ value: "on", label: "DN4 évalué (les items non cochés comptent « non »)" }]}
            errors={errors.dn4Done}
          />
          <ChoiceGroup
            name="dn4"
            legend="Items DN4 présents"
            type="checkbox"
            columns={2}
            options={DN4_ITEMS.map((label, i) => ({ value: String(i), label }))}
            errors={errors.dn4}
          />
        </>
      ) : null}
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer la grille"}
        </Button>
      </div>
    </form>
  );
}
