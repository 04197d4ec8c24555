"use client";

import { useState } from "react";
import type { AreaOption } from "@/lib/territories/editor-queries";
import { changeTerritoryCommunesAction } from "@/lib/territories/actions";
import { FormBanner, useActionForm, useFocusFirstError } from "@/components/forms/action-form";
import { ChoiceGroup } from "@/components/forms/choice-group";
import { CommuneField } from "@/components/forms/commune-field";
import { Section } from "@/components/ui/form-section";
import { SelectField } from "@/components/ui/select-field";
import { Button } from "@/components/ui/button";

const integer = new Intl.NumberFormat("fr-FR");
type Pick = "department" | "epci" | "commune";

// « 55 — Meuse : 499 communes, 184 083 habitants (12 ici, 30 dans un autre territoire) »: what
// the choice brings, before choosing it.
function areaLabel(area: AreaOption, prefix: string): string {
  const parts = [
    area.here > 0 ? `${integer.format(area.here)} déjà ici` : null,
    area.elsewhere > 0 ? `${integer.format(area.elsewhere)} dans un autre territoire` : null,
  ].filter(Boolean);
  return `${prefix} : ${integer.format(area.communes)} communes, ${integer.format(area.population)} habitants${parts.length ? ` (${parts.join(", ")})` : ""}`;
}

/**
 * The communes a territory covers: how many and how many inhabitants, the list, and one form to
 * add or remove a whole département, an intercommunalité (EPCI) or one commune. A commune already
 * in another territory moves only when « Déplacer » is ticked — the refusal says from where.
 */
export function CommunesPanel({
  territoryId,
  communes,
  departments,
  epcis,
}: {
  territoryId: string;
  communes: { code: string; name: string; postalCode: string | null; population: number }[];
  departments: AreaOption[];
  epcis: AreaOption[];
}) {
  // A change done: the choice starts afresh (the commune field keeps its own state, which a form
  // reset does not clear), the kind of pick kept.
  const [round, setRound] = useState(0);
  const {
    formElement,
    onSubmit,
    pending,
    state,
    fieldErrors: errors,
  } = useActionForm<undefined>(async (previous, form) => {
    const result = await changeTerritoryCommunesAction(previous, form);
    if (result.ok) setRound((r) => r + 1);
    return result;
  });
  useFocusFirstError(state, formElement);
  const [pick, setPick] = useState<Pick>(epcis.length > 0 ? "epci" : "department");

  const population = communes.reduce((n, c) => n + c.population, 0);
  return (
    <section aria-labelledby="communes" className="flex max-w-3xl flex-col gap-4">
      <h2 id="communes" className="text-xl font-semibold">
        Communes couvertes
      </h2>
      <p>
        {communes.length === 0
          ? "Aucune commune pour l'instant : les demandes de ce territoire n'y arrivent qu'une fois ses communes ajoutées."
          : `${integer.format(communes.length)} communes, ${integer.format(population)} habitants.`}
      </p>
      {communes.length > 0 ? (
        <details className="rounded-md border border-slate-300 bg-white p-3">
          <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand-700">Voir les {integer.format(communes.length)} communes</summary>
          <ul className="mt-2 columns-1 text-sm sm:columns-2">
            {communes.map((c) => (
              <li key={c.code}>
                {c.name} ({c.postalCode ?? c.code}) — {integer.format(c.population)} hab.
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      <form ref={formElement} onSubmit={onSubmit} noValidate aria-label="Ajouter ou retirer des communes" className="flex flex-col gap-4">
        <input type="hidden" name="territoryId" value={territoryId} />
        <FormBanner state={state} />
        <Section key={round} legend="Ajouter ou retirer des communes">
          <ChoiceGroup
            name="operation"
            legend="Opération"
            type="radio"
            inline
            defaultValue="add"
            options={[
              { value: "add", label: "Ajouter" },
              { value: "remove", label: "Retirer" },
            ]}
            errors={errors.operation}
          />
          <div
            onChange={(event) => {
              const input = event.target as HTMLInputElement;
              if (input.name === "pick") setPick(input.value as Pick);
            }}
          >
            <ChoiceGroup
              name="pick"
              legend="Quoi"
              type="radio"
              defaultValue={pick}
              options={[
                { value: "department", label: "Un département entier" },
                { value: "epci", label: "Une intercommunalité (EPCI)", hint: "Communauté de communes, d'agglomération, métropole." },
                { value: "commune", label: "Une commune" },
              ]}
              errors={errors.pick}
            />
          </div>
          {pick === "department" ? (
            <SelectField
              name="pickDepartment"
              label="Département"
              placeholder="Choisissez…"
              options={departments.map((d) => ({ value: d.code, label: areaLabel(d, `${d.code} — ${d.name}`) }))}
              errors={errors.pickDepartment}
              className="min-w-0"
              style={{ width: "100%" }}
            />
          ) : pick === "epci" && epcis.length === 0 ? (
            <p className="text-slate-700">
              Les intercommunalités ne sont pas encore chargées dans cette base : l&apos;exploitant lance une fois <code>npm run db:load-geography</code>.
              Choisissez en attendant un département ou une commune.
            </p>
          ) : pick === "epci" ? (
            <SelectField
              name="pickEpci"
              label="Intercommunalité"
              hint="Celles des départements du territoire."
              placeholder="Choisissez…"
              options={epcis.map((e) => ({ value: e.code, label: areaLabel(e, e.name) }))}
              errors={errors.pickEpci}
              className="min-w-0"
              style={{ width: "100%" }}
            />
          ) : (
            <CommuneField name="pickCommune" label="Commune" hint="Son nom, son code postal ou son code INSEE." errors={errors.pickCommune} />
          )}
          <div className="flex flex-col gap-1">
            <label className="flex min-h-11 items-center gap-3">
              <input
                type="checkbox"
                name="move"
                id="field-move"
                aria-describedby={errors.move?.length ? "field-move-error" : "field-move-hint"}
                aria-invalid={errors.move?.length ? true : undefined}
                className="size-5 accent-brand-700"
              />
              <span>Déplacer ici les communes qui appartiennent à un autre territoire</span>
            </label>
            <p id="field-move-hint" className="text-sm text-slate-600">
              Une commune appartient à un seul territoire. Sans cette case, celles d&apos;un autre territoire ne sont pas touchées et on vous dit lesquelles.
            </p>
            {errors.move?.length ? (
              <p id="field-move-error" className="text-sm font-medium text-red-700">
                {errors.move.join(" ")}
              </p>
            ) : null}
          </div>
        </Section>
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? "Enregistrement…" : "Appliquer"}
          </Button>
        </div>
      </form>
    </section>
  );
}
