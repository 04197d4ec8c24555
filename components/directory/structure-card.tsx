import Link from "next/link";
import type { StructureSearchResult } from "@/lib/directory/search-structures";
import { STRUCTURE_TYPE_LABELS } from "@/lib/directory/labels";
import { PLACE_OF_CARE_LABELS } from "@/lib/labels";
import { CapacityBadge } from "@/components/directory/capacity-badge";
import { PhoneIcon, PhoneLink, telHref } from "@/components/directory/phone-link";
import { Card } from "@/components/ui/card";

const SETTING_WORDS: Record<string, string> = { HOME: "à domicile", NURSING_HOME: "en EHPAD", HOSPITAL: "à l'hôpital", OTHER: "autre lieu de vie" };

/**
 * One result, made for a phone in the middle of a consultation: who, whether they can take the
 * patient (and since when it is known), where they go, and the direct line as one big tap target.
 */
export function StructureCard({ structure, needLabel, now }: { structure: StructureSearchResult; needLabel: string | null; now: Date }) {
  const s = structure;
  const titleId = `structure-${s.id}`;
  return (
    <Card as="article" aria-labelledby={titleId} className="flex flex-col gap-2 shadow-sm">
      <div>
        <h2 id={titleId} className="text-lg leading-snug font-semibold text-slate-900">
          <Link href={`/annuaire/${s.id}`} className="text-brand-700 underline">
            {s.name}
          </Link>
        </h2>
        <p className="text-sm text-slate-700">
          {STRUCTURE_TYPE_LABELS[s.type] ?? s.type}
          {s.addressCommuneName ? ` · ${s.addressCommuneName}` : ""}
          {s.active ? "" : " · désactivée"}
        </p>
      </div>
      <CapacityBadge status={s.capacityStatus} since={s.capacitySince} confirmedAt={s.capacityConfirmedAt} now={now} />
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="font-medium text-slate-700">Intervient</dt>
        <dd className="text-slate-900">{s.coverageSummary}</dd>
        {s.settings.length > 0 ? (
          <>
            <dt className="font-medium text-slate-700">{needLabel ? needLabel : "Lieux"}</dt>
            <dd className="text-slate-900">{s.settings.map((x) => SETTING_WORDS[x] ?? PLACE_OF_CARE_LABELS[x]).join(", ")}</dd>
          </>
        ) : null}
        {s.referentName || s.referentPhone ? (
          <>
            <dt className="font-medium text-slate-700">Référent</dt>
            <dd className="text-slate-900">
              {s.referentName ?? ""}
              {s.referentName && s.referentPhone ? " — " : ""}
              {s.referentPhone ? (
                <PhoneLink phone={s.referentPhone} label={`Appeler le référent${s.referentName ? `, ${s.referentName}` : ""} : ${s.referentPhone}`} />
              ) : null}
            </dd>
          </>
        ) : null}
        {s.onCall24h ? (
          <>
            <dt className="font-medium text-slate-700">Astreinte</dt>
            <dd className="text-slate-900">24 h/24</dd>
          </>
        ) : null}
      </dl>
      {s.phone ? (
        <a
          href={telHref(s.phone)}
          className="mt-1 inline-flex min-h-12 items-center justify-center gap-2 rounded-md bg-brand-700 px-4 py-2 text-lg font-semibold text-white hover:bg-brand-800 sm:self-start"
          aria-label={`Appeler ${s.name} en ligne directe : ${s.phone}`}
        >
          <PhoneIcon /> {s.phone}
        </a>
      ) : (
        <p className="text-sm text-slate-700">Pas de ligne directe renseignée : passez par le numéro du territoire.</p>
      )}
    </Card>
  );
}
