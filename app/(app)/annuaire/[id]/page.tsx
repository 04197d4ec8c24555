import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/require-permission";
import { forPage } from "@/lib/authz/page-access";
import { canEditStructure, canManageStructure } from "@/lib/directory/access";
import { AGE_GROUP_LABELS, STRUCTURE_TYPE_LABELS } from "@/lib/directory/labels";
import { getStructureDetails } from "@/lib/directory/queries";
import { formatDate } from "@/lib/time";
import { formatOpeningHours } from "@/lib/territories/opening-hours";
import { Alert } from "@/components/ui/alert";
import { ActiveToggle } from "@/components/directory/active-toggle";
import { CapacityBadge } from "@/components/directory/capacity-badge";
import { CapacityForm, ConfirmCapacityButton } from "@/components/directory/capacity-form";
import { OffersTable } from "@/components/directory/offers-table";
import { PhoneIcon, PhoneLink, telHref } from "@/components/directory/phone-link";
import { BackLink } from "@/components/ui/back-link";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Structure" };

const ZParams = z.object({ id: z.string().min(1).max(64) });

const SAVED: Record<string, string> = {
  creee: "Structure ajoutée à l'annuaire.",
  modifiee: "Modifications enregistrées.",
  inchangee: "Aucune modification : la fiche était déjà à jour.",
};

async function load(id: string) {
  return forPage(getStructureDetails({ id }));
}

const COMMUNES_SHOWN = 30;

export default async function StructurePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const parsed = ZParams.safeParse(await params);
  if (!parsed.success) notFound();
  const { id } = parsed.data;
  const actor = await requirePermission("directory.read", `/annuaire/${encodeURIComponent(id)}`);
  const s = await load(id);
  const saved = SAVED[String((await searchParams).enregistree ?? "")];
  const canEdit = canEditStructure(actor, s);
  const canManage = canManageStructure(actor, s);
  const now = new Date();
  const hours = s.openingHours ? formatOpeningHours(s.openingHours) : null;
  const communes = s.coverage.communes;

  return (
    <>
      <BackLink href="/annuaire">Annuaire</BackLink>
      <div className="mb-6">
        <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">{s.name}</h1>
        <p className="mt-1 text-slate-700">
          {STRUCTURE_TYPE_LABELS[s.type] ?? s.type}
          {s.addressCommune ? ` · ${s.addressCommune.name}` : ""}
          {s.isDemo ? " · données de démonstration" : ""}
        </p>
        {!s.active ? (
          <p className="mt-2 rounded-md border-l-4 border-amber-700 bg-amber-50 p-3 text-amber-950">
            Structure désactivée : elle n&apos;apparaît plus dans les recherches ni dans les suggestions.
          </p>
        ) : null}
      </div>
      {saved ? (
        <div className="mb-4">
          <Alert tone="success">{saved}</Alert>
        </div>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2 lg:items-start">
        <Card aria-labelledby="joindre">
          <h2 id="joindre" className="mb-3 text-xl font-semibold">
            Joindre l&apos;équipe
          </h2>
          {s.phone ? (
            <a
              href={telHref(s.phone)}
              className="mb-3 inline-flex min-h-12 items-center gap-2 rounded-md bg-brand-700 px-4 py-2 text-lg font-semibold text-white hover:bg-brand-800"
              aria-label={`Appeler ${s.name} en ligne directe : ${s.phone}`}
            >
              <PhoneIcon /> {s.phone}
            </a>
          ) : (
            <p className="mb-3 text-slate-700">Pas de ligne directe renseignée.</p>
          )}
          <dl className="grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
            <dt className="font-medium text-slate-700">Référent</dt>
            <dd>
              {s.referentName ?? "Non renseigné"}
              {s.referentPhone ? (
                <>
                  {" "}
                  — <PhoneLink phone={s.referentPhone} label={`Appeler le référent${s.referentName ? `, ${s.referentName}` : ""} : ${s.referentPhone}`} />
                </>
              ) : null}
            </dd>
            <dt className="font-medium text-slate-700">Suppléant</dt>
            <dd>
              {s.backupName ?? "Non renseigné"}
              {s.backupPhone ? (
                <>
                  {" "}
                  — <PhoneLink phone={s.backupPhone} label={`Appeler le suppléant${s.backupName ? `, ${s.backupName}` : ""} : ${s.backupPhone}`} />
                </>
              ) : null}
            </dd>
            <dt className="font-medium text-slate-700">Messagerie sécurisée</dt>
            <dd className="break-all">
              {s.secureEmail ? (
                <a href={`mailto:${s.secureEmail}`} className="text-brand-700 underline">
                  {s.secureEmail}
                </a>
              ) : (
                "Non renseignée"
              )}
            </dd>
            <dt className="font-medium text-slate-700">Horaires</dt>
            <dd>
              {hours ?? "Non renseignés"}
              {s.onCall24h ? <span className="block font-medium">Astreinte 24 h/24</span> : null}
              {s.hoursNote ? <span className="block text-slate-700">{s.hoursNote}</span> : null}
            </dd>
          </dl>
          {canEdit ? (
            <p className="mt-4">
              <Link href={`/annuaire/${s.id}/modifier`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
                {canManage ? "Modifier la fiche" : "Modifier les coordonnées"}
              </Link>
            </p>
          ) : null}
        </Card>

        <Card aria-labelledby="disponibilite">
          <h2 id="disponibilite" className="mb-3 text-xl font-semibold">
            Disponibilité
          </h2>
          <CapacityBadge status={s.capacityStatus} since={s.capacitySince} confirmedAt={s.capacityConfirmedAt} now={now} />
          {canEdit ? (
            <div className="mt-4 flex flex-col gap-4 border-t border-slate-200 pt-4">
              <ConfirmCapacityButton structureId={s.id} version={s.version} status={s.capacityStatus} />
              <details>
                <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand-700 underline">La disponibilité a changé</summary>
                <div className="mt-2">
                  <CapacityForm structureId={s.id} version={s.version} status={s.capacityStatus} />
                </div>
              </details>
            </div>
          ) : null}
        </Card>

        <Card aria-labelledby="offre">
          <h2 id="offre" className="mb-3 text-xl font-semibold">
            Offre selon le lieu de prise en charge
          </h2>
          <OffersTable offers={s.offers} />
          <p className="mt-3 text-sm text-slate-700">Public : {s.ageGroups.map((g) => AGE_GROUP_LABELS[g].toLowerCase()).join(" et ")}.</p>
        </Card>

        <Card aria-labelledby="zone">
          <h2 id="zone" className="mb-3 text-xl font-semibold">
            Zone d&apos;intervention
          </h2>
          <ul className="flex flex-col gap-2">
            {s.coverage.departments.length ? <li>Départements : {s.coverage.departments.map((d) => `${d.name} (${d.code})`).join(", ")}</li> : null}
            {s.coverage.territories.length ? <li>Territoires : {s.coverage.territories.map((t) => t.name).join(", ")}</li> : null}
            {communes.length ? (
              <li>
                {communes.length} commune{communes.length > 1 ? "s" : ""} :{" "}
                {communes
                  .slice(0, COMMUNES_SHOWN)
                  .map((c) => c.name)
                  .join(", ")}
                {communes.length > COMMUNES_SHOWN ? (
                  <details className="mt-1">
                    <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand-700 underline">
                      Voir les {communes.length - COMMUNES_SHOWN} autres
                    </summary>
                    <p>
                      {communes
                        .slice(COMMUNES_SHOWN)
                        .map((c) => c.name)
                        .join(", ")}
                    </p>
                  </details>
                ) : null}
              </li>
            ) : null}
            {communes.length + s.coverage.departments.length + s.coverage.territories.length === 0 ? <li>Non renseignée.</li> : null}
          </ul>
        </Card>

        <Card aria-labelledby="identification" className="lg:col-span-2">
          <h2 id="identification" className="mb-3 text-xl font-semibold">
            Identification
          </h2>
          <dl className="grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
            <dt className="font-medium text-slate-700">Adresse</dt>
            <dd>
              {[s.address, s.addressCommune ? `${s.addressCommune.postalCode ?? ""} ${s.addressCommune.name}`.trim() : null].filter(Boolean).join(", ") ||
                "Non renseignée"}
            </dd>
            <dt className="font-medium text-slate-700">FINESS</dt>
            <dd>{s.finess ?? "Non renseigné"}</dd>
            {s.beds !== null ? (
              <>
                <dt className="font-medium text-slate-700">Lits</dt>
                <dd>{s.beds}</dd>
              </>
            ) : null}
            <dt className="font-medium text-slate-700">Territoire gestionnaire</dt>
            <dd>{s.territory?.name ?? "Aucun"}</dd>
            {s.description ? (
              <>
                <dt className="font-medium text-slate-700">Présentation</dt>
                <dd className="whitespace-pre-line">{s.description}</dd>
              </>
            ) : null}
            <dt className="font-medium text-slate-700">Fiche mise à jour le</dt>
            <dd>{formatDate(s.updatedAt)}</dd>
          </dl>
          {canManage ? (
            <div className="mt-4 border-t border-slate-200 pt-4">
              <ActiveToggle structureId={s.id} version={s.version} active={s.active} />
            </div>
          ) : null}
        </Card>
      </div>
    </>
  );
}
