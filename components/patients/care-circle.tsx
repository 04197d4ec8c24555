"use client";

import { addCareContactAction, removeCareContactAction } from "@/lib/requests/care-circle-actions";
import type { CareContactRow } from "@/lib/requests/care-circle-queries";
import { CARE_CONTACT_ROLE_LABELS } from "@/lib/labels";
import { FormBanner, useActionForm, useFocusFirstError } from "@/components/forms/action-form";
import { telHref } from "@/components/requests/territory-delays";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { TitledCard } from "@/components/ui/card";
import { Button } from "@/components/ui/button";

/**
 * « Entourage du patient »: the carer, the trusted person and the patient's own professionals with
 * their phones — for the coordination and the teams in charge. `contacts` null: the patient is not
 * identified yet.
 */
export function CareCircle({ requestId, referralId, contacts }: { requestId: string; referralId?: string; contacts: CareContactRow[] | null }) {
  return (
    <TitledCard level={3} title="Entourage du patient" id="entourage-patient">
      {contacts === null ? (
        <p className="text-slate-700">Identifiez d&apos;abord le patient : son entourage suit son dossier, d&apos;une demande à l&apos;autre.</p>
      ) : (
        <div className="flex flex-col gap-3">
          {contacts.length === 0 ? (
            <p className="text-slate-700">Personne d&apos;enregistré pour l&apos;instant.</p>
          ) : (
            <ul className="flex flex-col gap-2" aria-label="Entourage">
              {contacts.map((c) => (
                <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-300 p-2">
                  <span>
                    <span className="font-medium text-slate-900">{c.name}</span> <span className="text-slate-700">— {CARE_CONTACT_ROLE_LABELS[c.role]}</span>
                    {c.phone ? (
                      <>
                        {" · "}
                        <a href={telHref(c.phone)} className="text-brand-700 underline">
                          {c.phone}
                        </a>
                      </>
                    ) : null}
                    {c.note ? <span className="block text-sm text-slate-700">{c.note}</span> : null}
                  </span>
                  <RemoveContact requestId={requestId} referralId={referralId} contact={c} />
                </li>
              ))}
            </ul>
          )}
          <AddContact requestId={requestId} referralId={referralId} />
        </div>
      )}
    </TitledCard>
  );
}

function RemoveContact({ requestId, referralId, contact }: { requestId: string; referralId?: string; contact: CareContactRow }) {
  const { formElement, onSubmit, pending, state } = useActionForm(removeCareContactAction);
  return (
    <form ref={formElement} onSubmit={onSubmit}>
      {state && !state.ok ? <FormBanner state={state} /> : null}
      <input type="hidden" name="requestId" value={requestId} />
      {referralId ? <input type="hidden" name="referralId" value={referralId} /> : null}
      <input type="hidden" name="contactId" value={contact.id} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={`Retirer ${contact.name} de l'entourage`}>
        Retirer
      </Button>
    </form>
  );
}

function AddContact({ requestId, referralId }: { requestId: string; referralId?: string }) {
  const { formElement, onSubmit, pending, state, fieldErrors: errors } = useActionForm(addCareContactAction);
  useFocusFirstError(state, formElement);
  return (
    <form ref={formElement} onSubmit={onSubmit} noValidate aria-label="Ajouter à l'entourage" className="flex flex-col gap-3">
      <FormBanner state={state} />
      <input type="hidden" name="requestId" value={requestId} />
      {referralId ? <input type="hidden" name="referralId" value={referralId} /> : null}
      <SelectField
        id="contact-role"
        name="role"
        label="Qui est-ce pour le patient ?"
        placeholder="Choisir…"
        options={Object.entries(CARE_CONTACT_ROLE_LABELS).map(([value, label]) => ({ value, label }))}
        errors={errors.role}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField id="contact-name" name="name" label="Nom" autoComplete="off" maxLength={150} errors={errors.name} />
        <TextField id="contact-phone" name="phone" label="Téléphone (facultatif)" type="tel" autoComplete="off" errors={errors.phone} />
      </div>
      <TextField id="contact-note" name="note" label="Précisions (facultatif)" hint="Ex. joignable après 18 h." maxLength={200} errors={errors.note} />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Ajout…" : "Ajouter"}
        </Button>
      </div>
    </form>
  );
}
