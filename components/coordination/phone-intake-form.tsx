"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { phoneIntakeAction, type IntakeConfirmation } from "@/lib/requests/coordination-actions";
import { NEED_LABELS, PLACE_OF_CARE_LABELS, REQUESTER_KIND_LABELS, SEX_LABELS, URGENCY_LABELS } from "@/lib/labels";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { BirthDateField } from "@/components/forms/birth-date-field";
import { ChoiceGroup } from "@/components/forms/choice-group";
import { CommuneField } from "@/components/forms/commune-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { telHref } from "@/components/requests/territory-delays";
import { FormBanner, useActionForm } from "@/components/forms/action-form";
import { Card } from "@/components/ui/card";

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const CHANNELS = [
  { value: "PHONE", label: "Téléphone" },
  { value: "MAIL", label: "Messagerie sécurisée" },
];

function Section({ title, id, children }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <Card aria-labelledby={id} className="flex flex-col gap-4">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </Card>
  );
}

// A request received by phone (or secure mail), keyed in by the nurse during the call. Nothing
// typed is lost when a field is refused; once filed, the confirmation replaces the form.
function IntakeForm({ onFiled }: { onFiled: (c: IntakeConfirmation) => void }) {
  const { formElement, onSubmit, pending, state, fieldErrors } = useActionForm(phoneIntakeAction, { resetOnSuccess: false });
  const bannerRef = useRef<HTMLDivElement>(null);
  const fe = fieldErrors;
  useEffect(() => {
    if (state?.ok && state.data) onFiled(state.data);
    else if (state && !state.ok) bannerRef.current?.focus();
  }, [state, onFiled]);
  return (
    <form ref={formElement} onSubmit={onSubmit} noValidate className="flex flex-col gap-5" aria-label="Demande reçue par téléphone">
      <div ref={bannerRef} tabIndex={-1} className="outline-none">
        {state && !state.ok ? <FormBanner state={state} /> : null}
      </div>
      <Section title="L'appel" id="intake-appel">
        <ChoiceGroup name="channel" legend="Canal" type="radio" options={CHANNELS} defaultValue="PHONE" columns={2} errors={fe.channel} required />
        <ChoiceGroup
          name="requesterKind"
          legend="Qui appelle ?"
          type="radio"
          options={options(REQUESTER_KIND_LABELS)}
          columns={2}
          errors={fe.requesterKind}
          required
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="requesterName" label="Nom de l'appelant" autoComplete="off" required errors={fe.requesterName} />
          <TextField
            name="requesterPhone"
            label="Téléphone de l'appelant"
            type="tel"
            inputMode="tel"
            autoComplete="off"
            required
            errors={fe.requesterPhone}
            hint="Pour le rappeler, ex. 06 12 34 56 78"
          />
        </div>
        <TextField
          name="requesterRelation"
          label="Lien avec le patient (facultatif)"
          hint="Ex. fille, infirmière libérale, médecin traitant"
          autoComplete="off"
          errors={fe.requesterRelation}
        />
      </Section>
      <Section title="Le patient" id="intake-patient">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="birthName" label="Nom de naissance" autoComplete="off" autoCapitalize="characters" required errors={fe.birthName} />
          <TextField name="firstNames" label="Prénoms" autoComplete="off" required errors={fe.firstNames} />
        </div>
        <BirthDateField name="birthDate" label="Date de naissance" errors={fe.birthDate} />
        <ChoiceGroup name="sex" legend="Sexe" type="radio" options={options(SEX_LABELS)} columns={3} errors={fe.sex} required />
        <CommuneField name="communeCode" label="Commune de résidence" hint="Nom, code postal ou code INSEE" errors={fe.communeCode} />
        <ChoiceGroup
          name="placeOfCare"
          legend="Lieu de prise en charge"
          type="radio"
          options={options(PLACE_OF_CARE_LABELS)}
          defaultValue="HOME"
          columns={2}
          errors={fe.placeOfCare}
          required
        />
      </Section>
      <Section title="La demande" id="intake-demande">
        <ChoiceGroup
          name="needs"
          legend="Besoins"
          hint="Cochez tout ce qui s'applique."
          type="checkbox"
          options={options(NEED_LABELS)}
          columns={2}
          errors={fe.needs}
          required
        />
        <ChoiceGroup name="urgency" legend="Urgence" type="radio" options={options(URGENCY_LABELS)} errors={fe.urgency} required />
        <TextAreaField
          name="details"
          label="Précisions (facultatif)"
          hint="Situation, traitements, ce que l'appelant attend."
          rows={5}
          maxLength={4000}
          errors={fe.details}
        />
        <ChoiceGroup
          name="consentCoordination"
          legend="Consentement"
          type="checkbox"
          options={[{ value: "on", label: "Le patient (ou son représentant) accepte que la coordination partage sa situation avec les équipes sollicitées" }]}
          errors={fe.consentCoordination}
          required
        />
      </Section>
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? "Enregistrement…" : "Enregistrer la demande"}
      </Button>
    </form>
  );
}

function Confirmation({ filed, onAnother }: { filed: IntakeConfirmation; onAnother: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section aria-labelledby="intake-confirmation" className="flex flex-col gap-4">
      <Alert tone="success">
        <h2 id="intake-confirmation" ref={headingRef} tabIndex={-1} className="text-xl font-semibold outline-none">
          Demande {filed.number} enregistrée
        </h2>
        {filed.territory ? (
          <>
            <p className="mt-2">
              Territoire : <strong>{filed.territory.name}</strong> — guichet unique{" "}
              <a href={telHref(filed.territory.publicPhone)} className="font-semibold underline">
                {filed.territory.publicPhone}
              </a>
            </p>
            {filed.triageDue ? <p className="mt-1">{filed.triageDue}.</p> : null}
            {filed.contactDue ? <p className="mt-1">{filed.contactDue}.</p> : null}
            {filed.ownTerritory ? null : (
              <p className="mt-2 font-medium">
                Cette commune relève d&apos;un territoire que vous ne coordonnez pas : la demande a été transmise à sa coordination.
              </p>
            )}
          </>
        ) : (
          <p className="mt-2 font-medium">
            Aucun territoire ne couvre cette commune : la demande est enregistrée hors territoire (besoin non couvert) ; rattachez-la depuis la file à un
            territoire. Dites à l&apos;appelant qu&apos;aucun délai n&apos;est garanti.
          </p>
        )}
      </Alert>
      <div className="flex flex-wrap gap-3">
        {filed.ownTerritory ? (
          <Link
            href={`/coordination/demandes/${filed.requestId}`}
            className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
          >
            Ouvrir la demande {filed.number}
          </Link>
        ) : null}
        <Button type="button" variant="secondary" onClick={onAnother}>
          Enregistrer un autre appel
        </Button>
        <Link href="/coordination" className="inline-flex min-h-11 items-center px-2 font-medium text-brand-700 underline">
          Retour à la file
        </Link>
      </div>
    </section>
  );
}

export function PhoneIntake() {
  const [filed, setFiled] = useState<IntakeConfirmation | null>(null);
  const [round, setRound] = useState(0);
  if (filed) {
    return (
      <Confirmation
        filed={filed}
        onAnother={() => {
          setFiled(null);
          setRound((r) => r + 1);
        }}
      />
    );
  }
  return <IntakeForm key={round} onFiled={setFiled} />;
}
