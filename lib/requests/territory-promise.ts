// A territory's promise to a request, read in the request's transaction: its hours, service
// levels and closures as promisedDueDates takes them. Used when a request is filed and when one
// hors territoire is given to a territory (its delays then count from the filing).
import type { Tx } from "@/lib/db";
import { promisedDueDates, type PromisedDueDates } from "@/lib/requests/due-dates";
import type { OpeningHours } from "@/lib/territories/opening-hours";

export async function loadPromisingTerritory(tx: Tx, territoryId: string, from: Date) {
  return tx.territory.findUnique({
    where: { id: territoryId },
    select: {
      id: true,
      name: true,
      publicPhone: true,
      departmentCode: true,
      openingHours: true,
      triageHoursCrisis: true,
      triageHoursPlanned: true,
      firstContactHoursCrisis: true,
      firstContactHoursPlanned: true,
      crisisClock: true,
      onCallHours: true,
      // Closures from the day before on (Paris's today may still be UTC's yesterday): the days a
      // planned request's delays skip besides public holidays.
      closures: { where: { day: { gte: new Date(from.getTime() - 86_400_000) } }, select: { day: true } },
    },
  });
}

type PromisingTerritory = NonNullable<Awaited<ReturnType<typeof loadPromisingTerritory>>>;

/** The due dates the territory promises a request of this urgency filed at `from`. */
export function territoryPromise(territory: PromisingTerritory, urgency: "CRISIS" | "PLANNED", from: Date): PromisedDueDates {
  return promisedDueDates(
    {
      openingHours: territory.openingHours as OpeningHours,
      departmentCode: territory.departmentCode,
      closures: territory.closures.map((c) => ({ day: c.day.toISOString().slice(0, 10) })),
      serviceLevels: {
        ...territory,
        crisisClock: territory.crisisClock === "ON_CALL" ? "ON_CALL" : "CALENDAR",
        onCallHours: territory.onCallHours as OpeningHours | null,
      },
    },
    urgency,
    from,
  );
}
