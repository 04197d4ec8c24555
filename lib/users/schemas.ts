import { z } from "zod";
import { ROLES, type Role } from "@/lib/authz/permissions";
import { ZIdentifier, ZRequiredText } from "@/lib/text-schemas";
import { optionalPhone } from "@/lib/text-schemas";
import { ZNewPassword } from "@/lib/auth/schemas";
import { isValidRpps } from "@/lib/auth/rpps";

// The account forms (client-safe). Memberships follow the role: territories for coordinators and
// the ARS, structures for team members, none for GPs and administrators.

export const ROLES_WITH_TERRITORIES: readonly Role[] = ["COORDINATOR", "ARS"];
export const ROLES_WITH_STRUCTURES: readonly Role[] = ["TEAM_MEMBER"];
// Health professionals: their RPPS identifies them (Pro Santé Connect finds them by it).
export const ROLES_WITH_RPPS: readonly Role[] = ["GP", "COORDINATOR", "TEAM_MEMBER"];

const ids = z.array(ZIdentifier()).max(200, "Trop de rattachements.").default([]);

const ZRpps = z.preprocess(
  (v) => (typeof v === "string" ? v.replace(/\s+/g, "") || null : (v ?? null)),
  z
    .string()
    .regex(/^\d{11}$/, "Le numéro RPPS compte 11 chiffres.")
    .refine(isValidRpps, "Ce numéro RPPS n'est pas valide (sa clé de contrôle ne correspond pas) : vérifiez-le sur la carte CPS ou l'annuaire santé.")
    .nullable(),
);

const ZAccountFields = z.object({
  name: ZRequiredText({ max: 120, label: "Nom", required: "Indiquez le prénom et le nom." }),
  email: z.string().trim().toLowerCase().min(1, "Indiquez l'adresse e-mail.").max(200, "Adresse e-mail trop longue.").pipe(z.email("Adresse e-mail invalide.")),
  role: z.enum(ROLES, { error: "Choisissez un rôle." }),
  rpps: ZRpps.optional(),
  phone: optionalPhone("Téléphone").optional(),
  territoryIds: ids,
  structureIds: ids,
});

type Memberships = { role: Role; rpps?: string | null; phone?: string | null; territoryIds: string[]; structureIds: string[] };

function checkMemberships(value: Memberships, ctx: z.RefinementCtx) {
  if (ROLES_WITH_TERRITORIES.includes(value.role) && value.territoryIds.length === 0) {
    ctx.addIssue({ code: "custom", path: ["territoryIds"], message: "Choisissez au moins un territoire pour ce rôle." });
  }
  if (ROLES_WITH_STRUCTURES.includes(value.role) && value.structureIds.length === 0) {
    ctx.addIssue({ code: "custom", path: ["structureIds"], message: "Choisissez au moins une structure pour ce rôle." });
  }
}

// What is kept follows the role: a GP's form may still carry ticked territories from a previous choice.
function keepForRole<T extends Memberships>(value: T): T & { rpps: string | null; phone: string | null } {
  return {
    ...value,
    rpps: ROLES_WITH_RPPS.includes(value.role) ? (value.rpps ?? null) : null,
    phone: value.phone ?? null,
    territoryIds: ROLES_WITH_TERRITORIES.includes(value.role) ? [...new Set(value.territoryIds)] : [],
    structureIds: ROLES_WITH_STRUCTURES.includes(value.role) ? [...new Set(value.structureIds)] : [],
  };
}

export const ZCreateUser = ZAccountFields.superRefine(checkMemberships).transform(keepForRole);
export type TCreateUser = z.input<typeof ZCreateUser>;

export const ZUpdateUser = ZAccountFields.omit({ email: true }).extend({ userId: ZIdentifier() }).superRefine(checkMemberships).transform(keepForRole);
export type TUpdateUser = z.input<typeof ZUpdateUser>;

export const ZUserId = z.object({ userId: ZIdentifier() });
export const ZSetUserActive = z.object({
  userId: ZIdentifier(),
  active: z.enum(["true", "false"], { error: "Choix invalide : rechargez la page." }).transform((v) => v === "true"),
});

export const ZProfile = z.object({
  name: ZRequiredText({ max: 120, label: "Nom", required: "Indiquez votre prénom et votre nom." }),
  phone: optionalPhone("Téléphone"),
});

export const ZChangePassword = ZNewPassword.and(z.object({ currentPassword: z.string().min(1, "Saisissez votre mot de passe actuel.").max(200) }));
