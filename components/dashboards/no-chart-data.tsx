export function NoChartData() {
  return <p className="p-2 text-slate-700">Aucune donnée à représenter sur la période.</p>;
}
