"use server";

// The public account pages (no session): the invitation link, « Mot de passe oublié » and the reset
// link (lib/action.ts).
import { headers } from "next/headers";
import { formAction } from "@/lib/action";
import { clientAddress } from "@/lib/client-address";
import { requestPasswordReset } from "@/lib/auth/request-password-reset";
import { setPasswordFromLink } from "@/lib/auth/set-password-from-link";
import { ZAcceptInvitation, ZForgotPassword } from "@/lib/auth/schemas";

const signInAfter = (email: string, from: "invitation" | "reinitialisation") => `/connexion?${from}=ok&email=${encodeURIComponent(email)}`;

export const acceptInvitationAction = formAction({
  permission: "public",
  schema: ZAcceptInvitation,
  page: undefined,
  run: ({ input }) => setPasswordFromLink({ purpose: "INVITATION", input }),
  redirectTo: ({ email }) => signInAfter(email, "invitation"),
});

export const resetPasswordAction = formAction({
  permission: "public",
  schema: ZAcceptInvitation,
  page: undefined,
  run: ({ input }) => setPasswordFromLink({ purpose: "PASSWORD_RESET", input }),
  redirectTo: ({ email }) => signInAfter(email, "reinitialisation"),
});

export const requestPasswordResetAction = formAction({
  permission: "public",
  schema: ZForgotPassword,
  page: undefined,
  run: async ({ input }) => requestPasswordReset({ input, address: clientAddress(await headers()) }),
  message: ({ message }) => message,
});
