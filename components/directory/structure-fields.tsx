// Field groups shared by the structure forms (creation, full edit, a team's contacts). Uncontrolled
// inputs: what the person typed stays in the page when the server refuses it.
import { NEED_LABELS } from "@/lib/labels";
import { TextField } from "@/components/ui/text-field";
import { Section } from "@/components/ui/form-section";
import { WeekHoursFields } from "@/components/forms/week-hours-fields";

export type Values = Record<string, string | string[] | undefined>;
export type Errors = Record<string, string[] | undefined>;

const text = (values: Values, key: string) => (typeof values[key] === "string" ? (values[key] as string) : "");

export function ContactFields({ values, errors }: { values: Values; errors: Errors }) {
  return (
    <Section legend="Coordonnées directes">
      <TextField name="phone" type="tel" label="Ligne directe (sans standard)" autoComplete="off" defaultValue={text(values, "phone")} errors={errors.phone} />
      <TextField
        name="secureEmail"
        type="email"
        label="Messagerie sécurisée de santé"
        hint="Adresse MSSanté de l'équipe."
        autoComplete="off"
        defaultValue={text(values, "secureEmail")}
        errors={errors.secureEmail}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="referentName"
          label="Référent (nom, fonction)"
          autoComplete="off"
          defaultValue={text(values, "referentName")}
          errors={errors.referentName}
        />
        <TextField
          name="referentPhone"
          type="tel"
          label="Téléphone direct du référent"
          autoComplete="off"
          defaultValue={text(values, "referentPhone")}
          errors={errors.referentPhone}
        />
        <TextField
          name="backupName"
          label="Suppléant (nom, fonction)"
          autoComplete="off"
          defaultValue={text(values, "backupName")}
          errors={errors.backupName}
        />
        <TextField
          name="backupPhone"
          type="tel"
          label="Téléphone direct du suppléant"
          autoComplete="off"
          defaultValue={text(values, "backupPhone")}
          errors={errors.backupPhone}
        />
      </div>
    </Section>
  );
}

export function HoursFields({ values, errors }: { values: Values; errors: Errors }) {
  return (
    <Section legend="Horaires" hint="Pour chaque jour, les plages où l'on vous joint, par exemple « 08:30-12:00, 13:30-17:30 ». Laissez vide un jour fermé.">
      <WeekHoursFields prefix="hours" values={values} errors={errors} />
      <TextField
        name="hoursNote"
        label="Précision (facultatif)"
        hint="Par exemple : astreinte, qui appeler hors horaires."
        defaultValue={text(values, "hoursNote")}
        errors={errors.hoursNote}
      />
      <label className="flex min-h-11 items-center gap-3">
        <input type="checkbox" name="onCall24h" defaultChecked={values.onCall24h === "on"} className="size-5 accent-brand-700" />
        <span>Astreinte joignable 24 h/24</span>
      </label>
    </Section>
  );
}

const SETTINGS = [
  ["HOME", "Domicile"],
  ["NURSING_HOME", "EHPAD"],
  ["HOSPITAL", "Hôpital"],
  ["OTHER", "Autre lieu"],
] as const;

/** Needs × care settings as a grid of checkboxes ("PAIN:HOME"), each named for screen readers. */
export function OffersField({ values, errors }: { values: Values; errors: Errors }) {
  const checked = new Set(Array.isArray(values.offers) ? values.offers : []);
  return (
    <Section
      legend="Offre : besoins pris en charge selon le lieu"
      id="field-offers"
      errors={errors.offers}
      hint="Ce que la structure prend en charge, et où. Les suggestions d'orientation s'en servent."
    >
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm">
          <thead>
            <tr className="border-b border-slate-400 text-left">
              <th scope="col" className="py-2 pr-1 text-xs sm:pr-2 sm:text-sm">
                Besoin
              </th>
              {SETTINGS.map(([key, label]) => (
                <th key={key} scope="col" className="px-0.5 py-2 text-center text-xs sm:px-1 sm:text-sm">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Object.entries(NEED_LABELS).map(([need, label]) => (
              <tr key={need} className="border-b border-slate-200">
                <th scope="row" className="py-1 pr-1 text-left font-normal sm:pr-2">
                  {label}
                </th>
                {SETTINGS.map(([setting, settingLabel]) => (
                  <td key={setting} className="px-0 py-1 text-center sm:px-1">
                    <label className="inline-flex size-11 cursor-pointer items-center justify-center">
                      <input
                        type="checkbox"
                        name="offers"
                        value={`${need}:${setting}`}
                        defaultChecked={checked.has(`${need}:${setting}`)}
                        aria-label={`${label} — ${settingLabel}`}
                        className="size-5 accent-brand-700"
                      />
                    </label>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
