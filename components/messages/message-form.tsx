"use client";

import { postMessageAction } from "@/lib/messages/actions";
import { MESSAGE_MAX } from "@/lib/messages/schemas";
import { FormBanner, useActionForm, useFocusFirstError } from "@/components/forms/action-form";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { Button } from "@/components/ui/button";

// Its own ids: the request page has other forms with a `body` field (the coordination's note).
/** Write in a request's conversation: to everyone, or to one team (the GP and the coordination read it too). */
export function MessageForm({ requestId, recipients }: { requestId: string; recipients: { value: string; label: string }[] }) {
  const { formElement, onSubmit, pending, state, fieldErrors: errors } = useActionForm(postMessageAction);
  useFocusFirstError(state, formElement);
  return (
    <form ref={formElement} onSubmit={onSubmit} noValidate aria-label="Écrire un message" className="flex flex-col gap-3">
      <input type="hidden" name="requestId" value={requestId} />
      <FormBanner state={state} />
      {recipients.length > 1 ? (
        <SelectField
          name="to"
          id="field-message-to"
          label="À"
          options={recipients}
          defaultValue=""
          errors={errors.to}
          className="min-w-0"
          style={{ width: "100%" }}
        />
      ) : (
        <input type="hidden" name="to" value="" />
      )}
      <TextAreaField name="body" id="field-message-body" label="Message" rows={4} maxLength={MESSAGE_MAX} errors={errors.body} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Envoi…" : "Envoyer le message"}
        </Button>
      </div>
    </form>
  );
}
