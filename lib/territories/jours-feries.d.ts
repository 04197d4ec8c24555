// The package ships no types: its one function, as its README documents it.
declare module "@socialgouv/jours-feries" {
  export default function joursFeries(year: number, options?: { alsace?: boolean }): Record<string, Date>;
}
