"use client";

import { scheduleRcpAction } from "@/lib/rcp/actions";
import { FormBanner, useActionForm, useFocusFirstError } from "@/components/forms/action-form";
import { ChoiceGroup } from "@/components/forms/choice-group";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { Button } from "@/components/ui/button";

/** Schedules an RCP soins de support: territory, day and time, place or video link, who is invited. */
export function ScheduleRcpForm({
  territories,
  structures,
  today,
}: {
  territories: { id: string; name: string }[];
  structures: { id: string; name: string }[];
  today: string;
}) {
  const { formElement, onSubmit, pending, state, fieldErrors: errors } = useActionForm(scheduleRcpAction);
  useFocusFirstError(state, formElement);
  return (
    <form ref={formElement} onSubmit={onSubmit} noValidate aria-label="Programmer une RCP" className="flex flex-col gap-3">
      <FormBanner state={state} />
      <SelectField
        id="rcp-territory"
        name="territoryId"
        label="Territoire"
        placeholder={territories.length === 1 ? undefined : "Choisir…"}
        options={territories.map((t) => ({ value: t.id, label: t.name }))}
        errors={errors.territoryId}
        required
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField id="rcp-day" name="day" type="date" label="Date" min={today} errors={errors.day} required />
        <TextField id="rcp-time" name="time" type="time" label="Heure" defaultValue="14:00" errors={errors.time} required />
      </div>
      <TextField id="rcp-place" name="place" label="Lieu" hint="Ex. salle de réunion du CH de Bar-le-Duc." autoComplete="off" errors={errors.place} />
      <TextField
        id="rcp-video"
        name="videoUrl"
        type="url"
        label="Lien de visioconférence (facultatif)"
        hint="https://…"
        autoComplete="off"
        errors={errors.videoUrl}
      />
      {structures.length > 0 ? (
        <ChoiceGroup
          name="structureIds"
          legend="Structures invitées"
          type="checkbox"
          columns={2}
          options={structures.map((s) => ({ value: s.id, label: s.name }))}
          errors={errors.structureIds}
        />
      ) : null}
      <TextAreaField
        id="rcp-others"
        name="invitedOthers"
        label="Autres professionnels invités (facultatif)"
        hint="Ex. Dr Martin (médecin traitant), Mme Leroy (infirmière libérale)."
        rows={2}
        maxLength={1000}
        errors={errors.invitedOthers}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Enregistrement…" : "Programmer la RCP"}
        </Button>
      </div>
    </form>
  );
}
