"use client";

import { useState } from "react";
import { FormBanner, useActionForm } from "@/components/forms/action-form";
import { ChoiceGroup } from "@/components/forms/choice-group";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/authz/permissions";
import { createUserAction, updateUserAction } from "@/lib/users/actions";
import { ROLES_WITH_RPPS, ROLES_WITH_STRUCTURES, ROLES_WITH_TERRITORIES } from "@/lib/users/schemas";
import type { MembershipOptions } from "@/lib/users/queries";

type Account = {
  id: string;
  name: string;
  email: string;
  role: Role;
  rpps: string | null;
  phone: string | null;
  territoryIds: string[];
  structureIds: string[];
};

// Creating (and inviting) or editing an account. The memberships asked follow the role chosen:
// territories for a coordinator or the ARS, structures for a team member. `roles`: what this
// actor may create (a coordinator: team members only).
export function AccountForm({ account, options, roles = ROLES }: { account?: Account; options: MembershipOptions; roles?: readonly Role[] }) {
  const { formElement, onSubmit, pending, state, fieldErrors } = useActionForm(account ? updateUserAction : createUserAction, { resetOnSuccess: false });
  const [role, setRole] = useState<Role | "">(account?.role ?? (roles.length === 1 ? roles[0]! : ""));
  return (
    <form ref={formElement} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormBanner state={state} />
      {account ? <input type="hidden" name="userId" value={account.id} /> : null}
      <TextField name="name" label="Prénom et nom" autoComplete="off" defaultValue={account?.name} errors={fieldErrors.name} required />
      {account ? (
        <p>
          <span className="font-medium">Adresse e-mail (identifiant)</span> : {account.email}
        </p>
      ) : (
        <TextField
          name="email"
          type="email"
          label="Adresse e-mail"
          hint="L'invitation y est envoyée ; c'est l'identifiant de connexion."
          autoComplete="off"
          errors={fieldErrors.email}
          required
        />
      )}
      <SelectField
        name="role"
        label="Rôle"
        value={role}
        onChange={(e) => setRole(e.target.value as Role)}
        placeholder={roles.length > 1 ? "Choisir…" : undefined}
        options={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        errors={fieldErrors.role}
        required
      />
      {role && ROLES_WITH_RPPS.includes(role) ? (
        <TextField
          name="rpps"
          label="Numéro RPPS (facultatif)"
          hint="11 chiffres, sur la carte CPS ou dans l'annuaire santé : la connexion par Pro Santé Connect retrouve le compte par ce numéro."
          inputMode="numeric"
          autoComplete="off"
          defaultValue={account?.rpps ?? ""}
          errors={fieldErrors.rpps}
        />
      ) : null}
      <TextField name="phone" type="tel" label="Téléphone (facultatif)" autoComplete="off" defaultValue={account?.phone ?? ""} errors={fieldErrors.phone} />
      {role && ROLES_WITH_TERRITORIES.includes(role) ? (
        <ChoiceGroup
          name="territoryIds"
          legend="Territoires"
          type="checkbox"
          columns={2}
          required
          options={options.territories.map((t) => ({ value: t.id, label: t.name }))}
          defaultValue={account?.territoryIds}
          errors={fieldErrors.territoryIds}
        />
      ) : null}
      {role && ROLES_WITH_STRUCTURES.includes(role) ? (
        <ChoiceGroup
          name="structureIds"
          legend="Structures"
          type="checkbox"
          columns={2}
          required
          options={options.structures.map((s) => ({ value: s.id, label: s.name, hint: s.territoryName }))}
          defaultValue={account?.structureIds}
          errors={fieldErrors.structureIds}
        />
      ) : null}
      <p>
        <Button type="submit" disabled={pending}>
          {account ? "Enregistrer" : "Créer le compte et envoyer l'invitation"}
        </Button>
      </p>
    </form>
  );
}
