import type { Area } from "@/lib/dashboards/types";
import { formatPeriod } from "@/lib/dashboards/format";
import { LEVEL_PARAM, yearOptions, type PeriodChoice } from "@/lib/dashboards/params";
import { Card } from "@/components/ui/card";

// Two plain GET forms (work without JavaScript, keep the area): a calendar year, or chosen days.
export function PeriodSelector({
  basePath,
  area,
  choice,
  problem,
}: {
  basePath: string;
  area: Pick<Area, "level" | "code"> | null;
  choice: PeriodChoice;
  problem: string | null;
}) {
  const hidden = area ? (
    <>
      <input type="hidden" name="niveau" value={LEVEL_PARAM[area.level]} />
      <input type="hidden" name="code" value={area.code} />
    </>
  ) : null;
  const field = "min-h-11 rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900";
  const button =
    "inline-flex min-h-11 items-center justify-center rounded-md border border-brand-700 bg-white px-4 py-2 font-medium text-brand-700 hover:bg-brand-50";
  return (
    <Card aria-labelledby="periode-titre" className="print:hidden">
      <h2 id="periode-titre" className="text-lg font-semibold">
        Période : {formatPeriod(choice)}
      </h2>
      {problem ? (
        <p role="alert" className="mt-2 rounded-md border-l-4 border-red-700 bg-red-50 p-2 text-red-900">
          {problem} La période affichée est l&apos;{formatPeriod(choice)}.
        </p>
      ) : null}
      <div className="mt-3 flex flex-col gap-4 md:flex-row md:items-end md:gap-8">
        <form method="get" action={basePath} className="flex flex-wrap items-end gap-3">
          {hidden}
          <div className="flex flex-col gap-1">
            <label htmlFor="periode-annee" className="font-medium">
              Année civile
            </label>
            <select id="periode-annee" name="annee" defaultValue={choice.kind === "year" ? String(choice.year) : ""} className={field}>
              {yearOptions().map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={button}>
            Afficher l&apos;année
          </button>
        </form>
        <form method="get" action={basePath} className="flex flex-wrap items-end gap-3">
          {hidden}
          <div className="flex flex-col gap-1">
            <label htmlFor="periode-du" className="font-medium">
              Du
            </label>
            <input id="periode-du" type="date" name="du" required defaultValue={choice.kind === "custom" ? choice.from : ""} className={field} />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="periode-au" className="font-medium">
              Au (inclus)
            </label>
            <input id="periode-au" type="date" name="au" required defaultValue={choice.kind === "custom" ? choice.to : ""} className={field} />
          </div>
          <button type="submit" className={button}>
            Afficher la période
          </button>
        </form>
      </div>
    </Card>
  );
}
