"use client";

import Form from "next/form";
import type { CommuneOption } from "@/lib/requests/commune-options";
import { CommuneField } from "@/components/forms/commune-field";
import { SelectField } from "@/components/ui/select-field";
import { Button } from "@/components/ui/button";

type Option = { value: string; label: string };

const FULL_WIDTH = { width: "100%" };

/**
 * The directory search: a GET form (the address can be bookmarked and shared), commune by
 * autocomplete, need, type and care setting as the phone's own pickers.
 */
export function DirectorySearchForm({
  commune,
  need,
  type,
  setting,
  includeInactive,
  needs,
  types,
  settings,
  canSeeInactive,
}: {
  commune: CommuneOption | null;
  need: string;
  type: string;
  setting: string;
  includeInactive: boolean;
  needs: Option[];
  types: Option[];
  settings: Option[];
  canSeeInactive: boolean;
}) {
  return (
    <Form
      action="/annuaire"
      role="search"
      aria-label="Rechercher dans l'annuaire"
      className="mb-6 flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-4"
    >
      {/* minmax(0, 1fr) and min-w-0: a select as wide as its longest option must not widen the page. */}
      <div className="grid grid-cols-[minmax(0,1fr)] gap-4 md:grid-cols-[repeat(2,minmax(0,1fr))]">
        <div className="min-w-0">
          <CommuneField name="commune" label="Commune du patient" hint="Nom ou code postal, puis choisissez dans la liste." defaultValue={commune} />
        </div>
        <SelectField name="besoin" label="Besoin" options={needs} placeholder="Tous les besoins" defaultValue={need} className="min-w-0" style={FULL_WIDTH} />
        <SelectField
          name="type"
          label="Type de structure"
          options={types}
          placeholder="Tous les types"
          defaultValue={type}
          className="min-w-0"
          style={FULL_WIDTH}
        />
        <SelectField
          name="lieu"
          label="Lieu de prise en charge"
          options={settings}
          placeholder="Tous les lieux"
          defaultValue={setting}
          className="min-w-0"
          style={FULL_WIDTH}
        />
      </div>
      {canSeeInactive ? (
        <label className="flex min-h-11 items-center gap-3">
          <input type="checkbox" name="inactives" value="1" defaultChecked={includeInactive} className="size-5 accent-brand-700" />
          <span>Inclure les structures désactivées</span>
        </label>
      ) : null}
      <Button type="submit" className="w-full sm:w-auto sm:self-start">
        Rechercher
      </Button>
    </Form>
  );
}
