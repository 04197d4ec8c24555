import type { Conversation as TConversation } from "@/lib/messages/queries";
import { formatDateTime } from "@/lib/time";
import { Card } from "@/components/ui/card";
import { MessageForm } from "@/components/messages/message-form";

/**
 * A request's conversation: its messages, oldest first, each with its author, to whom, when and
 * « lu par … », then the form. Words are shown as typed (text, never HTML: React escapes them; line
 * breaks kept), long ones wrap.
 */
export function Conversation({ requestId, conversation }: { requestId: string; conversation: TConversation }) {
  return (
    <Card as="section" aria-labelledby="conversation" className="flex flex-col gap-4">
      <h2 id="conversation" className="text-lg font-semibold">
        Conversation
      </h2>
      {conversation.messages.length === 0 ? (
        <p className="text-slate-700">Aucun message. Posez une question ici plutôt qu&apos;au téléphone : chacun la retrouve et y répond.</p>
      ) : (
        <ol className="flex flex-col gap-3" aria-label="Messages">
          {conversation.messages.map((m) => (
            <li key={m.id} className={`rounded-md border p-3 ${m.mine ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-white"}`}>
              <article aria-label={`Message de ${m.author}`}>
                <p className="text-sm text-slate-700">
                  <span className="font-medium text-slate-900">{m.author}</span> → {m.to} · {formatDateTime(m.at)}
                </p>
                <p className="mt-1 break-words whitespace-pre-wrap text-slate-900">{m.body}</p>
                <p className="mt-1 text-sm text-slate-600">{m.readBy.length ? `Lu par ${m.readBy.join(", ")}` : "Pas encore lu"}</p>
              </article>
            </li>
          ))}
        </ol>
      )}
      <MessageForm requestId={requestId} recipients={conversation.recipients} />
    </Card>
  );
}
