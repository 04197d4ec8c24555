import type { TerritorySummary } from "@/lib/territories/queries";
import { telHref } from "@/components/requests/territory-delays";
import { Card } from "@/components/ui/card";

// A compact reminder of the territories the nurse covers and their public numbers.
export function MyTerritories({ territories }: { territories: TerritorySummary[] }) {
  return (
    <Card aria-labelledby="mes-territoires">
      <h2 id="mes-territoires" className="text-lg font-semibold">
        Mes territoires
      </h2>
      {territories.length === 0 ? (
        <p className="mt-1 text-slate-700">Vous n&apos;êtes rattaché·e à aucun territoire : contactez l&apos;administrateur.</p>
      ) : (
        <ul className="mt-2 flex flex-col gap-1 text-sm sm:flex-row sm:flex-wrap sm:gap-x-6">
          {territories.map((t) => (
            <li key={t.id}>
              <span className="font-medium">{t.name}</span> ·{" "}
              <a href={telHref(t.publicPhone)} className="text-brand-700 underline">
                {t.publicPhone}
              </a>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
