"use client";

import { setCoverageNormsAction } from "@/lib/territories/actions";
import { FormBanner, useActionForm, useFocusFirstError } from "@/components/forms/action-form";
import { Section } from "@/components/ui/form-section";
import { TextField } from "@/components/ui/text-field";
import { Button } from "@/components/ui/button";

const decimal = (n: number) => String(n).replace(".", ",");

/** The coverage norms the dashboards check (seed 004), for administrators; « 1,5 » accepted. */
export function NormsForm({ norms }: { norms: { mobileTeamsPer200k: number; palliativeBedsPer100k: number } }) {
  const { formElement, onSubmit, pending, state, fieldErrors: errors } = useActionForm(setCoverageNormsAction, { resetOnSuccess: false });
  useFocusFirstError(state, formElement);
  return (
    <form ref={formElement} onSubmit={onSubmit} noValidate aria-label="Normes de couverture" className="flex max-w-3xl flex-col gap-4">
      <FormBanner state={state} />
      <Section
        legend="Normes de couverture"
        hint="Le plancher national : 1 équipe mobile de soins palliatifs pour 200 000 habitants, 5 lits identifiés pour 100 000 habitants. Un plan régional peut viser plus."
      >
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="mobileTeamsPer200k"
            label="Équipes mobiles pour 200 000 habitants"
            inputMode="decimal"
            autoComplete="off"
            defaultValue={decimal(norms.mobileTeamsPer200k)}
            errors={errors.mobileTeamsPer200k}
          />
          <TextField
            name="palliativeBedsPer100k"
            label="Lits identifiés pour 100 000 habitants"
            inputMode="decimal"
            autoComplete="off"
            defaultValue={decimal(norms.palliativeBedsPer100k)}
            errors={errors.palliativeBedsPer100k}
          />
        </div>
      </Section>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer les normes"}
        </Button>
      </div>
    </form>
  );
}
