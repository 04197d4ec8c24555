import { NEED_LABELS } from "@/lib/labels";

type Offer = { need: string; setting: string };

const SETTINGS = [
  { key: "HOME", label: "Domicile" },
  { key: "NURSING_HOME", label: "EHPAD" },
  { key: "HOSPITAL", label: "Hôpital" },
  { key: "OTHER", label: "Autre lieu" },
] as const;

/** Needs (rows) × care settings (columns): a readable grid, with words for screen readers. */
export function OffersTable({ offers }: { offers: Offer[] }) {
  if (offers.length === 0) return <p className="text-slate-700">Aucune offre renseignée.</p>;
  const has = new Set(offers.map((o) => `${o.need}:${o.setting}`));
  const needs = Object.keys(NEED_LABELS).filter((need) => SETTINGS.some((s) => has.has(`${need}:${s.key}`)));
  const settings = SETTINGS.filter((s) => offers.some((o) => o.setting === s.key));
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">Besoins pris en charge selon le lieu de prise en charge</caption>
        <thead>
          <tr className="border-b border-slate-400 text-left">
            <th scope="col" className="py-2 pr-2 font-semibold">
              Besoin
            </th>
            {settings.map((s) => (
              <th key={s.key} scope="col" className="px-2 py-2 text-center font-semibold">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {needs.map((need) => (
            <tr key={need} className="border-b border-slate-200">
              <th scope="row" className="py-2 pr-2 text-left font-normal">
                {NEED_LABELS[need as keyof typeof NEED_LABELS]}
              </th>
              {settings.map((s) =>
                has.has(`${need}:${s.key}`) ? (
                  <td key={s.key} className="px-2 py-2 text-center font-semibold text-green-900">
                    <span aria-hidden="true">✓</span>
                    <span className="sr-only">oui</span>
                  </td>
                ) : (
                  <td key={s.key} className="px-2 py-2 text-center text-slate-600">
                    <span aria-hidden="true">—</span>
                    <span className="sr-only">non</span>
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
