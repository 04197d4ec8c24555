"use server";

// The server action of the conversation's form (lib/action.ts); the use case checks who may write
// and to whom.
import { formAction } from "@/lib/action";
import { postMessage } from "@/lib/messages/post-message";
import { ZPostMessage } from "@/lib/messages/schemas";

export const postMessageAction = formAction({
  permission: "requests.messages",
  schema: ZPostMessage,
  page: (raw) => (typeof raw.requestId === "string" ? `/demandes/${encodeURIComponent(raw.requestId)}` : "/"),
  run: ({ actor, input }) => postMessage({ actor, input }),
  // The three pages that show a request's conversation (a team's by its referral's id).
  revalidate: ({ requestId }) => [
    `/demandes/${encodeURIComponent(requestId)}`,
    `/coordination/demandes/${encodeURIComponent(requestId)}`,
    ["/equipe/orientations/[id]", "page"],
  ],
  message: "Message envoyé.",
});
