// The territories to choose from when giving a request hors territoire one: the actor's own
// first (« mon territoire »), then the others, each group by département then name.
export function territoryChoices<T extends { id: string; name: string; departmentCode: string }>(
  territories: T[],
  mine: string[],
): (T & { mine: boolean; name: string })[] {
  const own = new Set(mine);
  const order = (a: T, b: T) => a.departmentCode.localeCompare(b.departmentCode) || a.name.localeCompare(b.name, "fr");
  return [
    ...territories
      .filter((t) => own.has(t.id))
      .sort(order)
      .map((t) => ({ ...t, mine: true, name: `${t.name} (mon territoire)` })),
    ...territories
      .filter((t) => !own.has(t.id))
      .sort(order)
      .map((t) => ({ ...t, mine: false, name: `${t.name} (${t.departmentCode})` })),
  ];
}
