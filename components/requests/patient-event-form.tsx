"use client";

import { reportPatientEventAction } from "@/lib/requests/patient-event-actions";
import { PATIENT_EVENT_LABELS } from "@/lib/labels";
import { FormBanner, useActionForm, useFocusFirstError } from "@/components/forms/action-form";
import { ChoiceGroup } from "@/components/forms/choice-group";
import { TitledCard } from "@/components/ui/card";
import { TextField } from "@/components/ui/text-field";
import { Button } from "@/components/ui/button";

/**
 * « Signaler un événement du parcours »: hospitalised (where, since), back home, moved to a nursing
 * home, deceased — without closing anything. For a coordinator on the request (`requestId`) or a
 * team on its referral (`referralId`). The GP, the coordination and the other teams are told.
 */
export function PatientEventForm({ requestId, referralId, today }: { requestId?: string; referralId?: string; today: string }) {
  const { formElement, onSubmit, pending, state, fieldErrors: errors } = useActionForm(reportPatientEventAction);
  useFocusFirstError(state, formElement);
  return (
    <TitledCard level={3} title="Signaler un événement du parcours" id="evenement-parcours">
      <form ref={formElement} onSubmit={onSubmit} noValidate aria-label="Signaler un événement du parcours" className="flex flex-col gap-3">
        {requestId ? <input type="hidden" name="requestId" value={requestId} /> : null}
        {referralId ? <input type="hidden" name="referralId" value={referralId} /> : null}
        <FormBanner state={state} />
        <p className="text-sm text-slate-700">
          Sans rien clôturer : le médecin traitant, la coordination et les autres équipes en charge sont prévenus tout de suite.
        </p>
        <ChoiceGroup
          name="kind"
          legend="Ce qui s'est passé"
          type="radio"
          columns={2}
          options={Object.entries(PATIENT_EVENT_LABELS).map(([value, label]) => ({ value, label }))}
          errors={errors.kind}
        />
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField name="day" type="date" label="Depuis le (ou date du décès)" max={today} defaultValue={today} errors={errors.day} />
          <TextField
            name="place"
            label="Établissement (hospitalisation, EHPAD)"
            hint="Ex. CH de Verdun, cardiologie."
            autoComplete="off"
            errors={errors.place}
          />
        </div>
        <div>
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? "Envoi…" : "Signaler"}
          </Button>
        </div>
      </form>
    </TitledCard>
  );
}
