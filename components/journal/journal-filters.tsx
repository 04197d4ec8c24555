import { TextField } from "@/components/ui/text-field";
import { Card } from "@/components/ui/card";

type Values = { numero?: string; personne?: string; du?: string; au?: string };

// The journal's search: a GET form (the search is in the URL, to share or come back to).
export function JournalFilters({ values, errors }: { values: Values; errors: Record<string, string[]> }) {
  return (
    <Card as="form" method="get" action="/admin/journal" aria-label="Rechercher dans le journal" className="flex flex-col gap-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <TextField name="numero" label="Numéro de demande" hint="Ex. DA-000123" defaultValue={values.numero} errors={errors.numero} autoComplete="off" />
        <TextField name="personne" type="email" label="Personne (e-mail)" defaultValue={values.personne} errors={errors.personne} autoComplete="off" />
        <TextField name="du" type="date" label="Du" defaultValue={values.du} errors={errors.du} />
        <TextField name="au" type="date" label="Au" defaultValue={values.au} errors={errors.au} />
      </div>
      <p>
        <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
          Rechercher
        </button>
      </p>
    </Card>
  );
}
