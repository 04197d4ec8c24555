"use server";

// Server actions of the accounts pages (/comptes) and of the profile (/profil) (lib/action.ts).
import { formAction } from "@/lib/action";
import { formatDateTime } from "@/lib/time";
import { changePassword } from "@/lib/users/change-password";
import { createUser } from "@/lib/users/create-user";
import { inviteUser } from "@/lib/users/invite-user";
import { setUserActive } from "@/lib/users/set-user-active";
import { unlockUser } from "@/lib/users/unlock-user";
import { updateProfile } from "@/lib/users/update-profile";
import { updateUser } from "@/lib/users/update-user";
import { ZChangePassword, ZCreateUser, ZProfile, ZSetUserActive, ZUpdateUser, ZUserId } from "@/lib/users/schemas";

const accountPath = (raw: Record<string, unknown>) => (typeof raw.userId === "string" ? `/comptes/${encodeURIComponent(raw.userId)}` : "/comptes");

export const createUserAction = formAction({
  permission: "users.invite",
  schema: ZCreateUser,
  arrays: ["territoryIds", "structureIds"],
  page: () => "/comptes/nouveau",
  run: ({ actor, input }) => createUser({ actor, input }),
  revalidate: () => ["/comptes", "/admin"],
  redirectTo: (created) => `/comptes/${created.id}?invite=1`,
});

export const updateUserAction = formAction({
  permission: "users.manage",
  schema: ZUpdateUser,
  arrays: ["territoryIds", "structureIds"],
  page: accountPath,
  run: ({ actor, input }) => updateUser({ actor, input }),
  revalidate: (input) => ["/comptes", "/admin", `/comptes/${input.userId}`],
  message: ({ changed }) => (changed.length ? "Compte enregistré : le changement vaut dès sa prochaine page." : "Rien n'a changé."),
});

export const inviteUserAction = formAction({
  permission: "users.invite",
  schema: ZUserId,
  page: accountPath,
  run: ({ actor, input }) => inviteUser({ actor, input }),
  revalidate: (input) => [`/comptes/${input.userId}`],
  message: ({ expiresAt }) => `Invitation envoyée : le lien vaut jusqu'au ${formatDateTime(expiresAt)} ; le précédent ne fonctionne plus.`,
});

export const setUserActiveAction = formAction({
  permission: "users.invite",
  schema: ZSetUserActive,
  page: accountPath,
  run: ({ actor, input }) => setUserActive({ actor, input }),
  revalidate: (input) => ["/comptes", "/admin", `/comptes/${input.userId}`],
  message: ({ revokedSessions }, { active }) =>
    active
      ? "Compte réactivé."
      : `Compte désactivé${revokedSessions ? ` : ${revokedSessions} session${revokedSessions > 1 ? "s" : ""} ouverte${revokedSessions > 1 ? "s" : ""} fermée${revokedSessions > 1 ? "s" : ""}` : ""}.`,
});

export const unlockUserAction = formAction({
  permission: "users.manage",
  schema: ZUserId,
  page: accountPath,
  run: ({ actor, input }) => unlockUser({ actor, input }),
  revalidate: (input) => ["/comptes", "/admin", `/comptes/${input.userId}`],
  message: ({ wasLocked }) => (wasLocked ? "Compte débloqué : la personne peut se connecter de nouveau." : "Ce compte n'était pas bloqué."),
});

export const updateProfileAction = formAction({
  permission: "profile.edit",
  schema: ZProfile,
  page: () => "/profil",
  run: ({ actor, input }) => updateProfile({ actor, input }),
  revalidate: () => ["/profil"],
  message: ({ changed }) => (changed.length ? "Profil enregistré." : "Rien n'a changé."),
});

export const changePasswordAction = formAction({
  permission: "profile.edit",
  schema: ZChangePassword,
  page: () => "/profil",
  run: ({ actor, input }) => changePassword({ actor, input }),
  message: ({ revokedSessions }) =>
    `Mot de passe changé.${revokedSessions ? ` ${revokedSessions} autre${revokedSessions > 1 ? "s" : ""} session${revokedSessions > 1 ? "s" : ""} fermée${revokedSessions > 1 ? "s" : ""}.` : ""}`,
});
