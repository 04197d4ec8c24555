type Option = { value: string; label: string; hint?: string };

// Radios or checkboxes in a fieldset whose legend names them and whose errors are announced with
// it. Large targets: the whole row is the label (44 px high at least).
export function ChoiceGroup({
  name,
  legend,
  type,
  options,
  defaultValue,
  errors,
  hint,
  columns = 1,
  inline = false,
  required,
}: {
  name: string;
  legend: string;
  type: "radio" | "checkbox";
  options: Option[];
  defaultValue?: string | string[];
  errors?: string[];
  hint?: string;
  columns?: 1 | 2 | 3;
  inline?: boolean; // short labels side by side, wrapping on a narrow screen (columns ignored)
  required?: boolean;
}) {
  const id = `field-${name}`;
  const hasError = Boolean(errors?.length);
  const describedBy = [hint ? `${id}-hint` : null, hasError ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const checked = new Set(Array.isArray(defaultValue) ? defaultValue : defaultValue ? [defaultValue] : []);
  const COLUMNS = { 1: "grid-cols-1", 2: "grid-cols-1 sm:grid-cols-2", 3: "grid-cols-1 sm:grid-cols-3" } as const;
  const layout = inline ? "flex flex-wrap" : `grid ${COLUMNS[columns]}`;
  return (
    <fieldset id={id} aria-describedby={describedBy} className="flex flex-col gap-1">
      <legend className="mb-1 font-medium text-slate-900">
        {legend}
        {required ? <span className="text-slate-600"> (obligatoire)</span> : null}
      </legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <div className={`gap-2 ${layout}`}>
        {options.map((option) => (
          <label
            key={option.value}
            className={`flex min-h-11 cursor-pointer items-center gap-3 rounded-md border bg-white px-3 py-2 ${inline ? "grow" : ""} has-checked:border-brand-700 has-checked:bg-brand-50 ${hasError ? "border-red-700" : "border-slate-400"}`}
          >
            <input type={type} name={name} value={option.value} defaultChecked={checked.has(option.value)} className="size-5 shrink-0 accent-brand-700" />
            <span className="text-slate-900">
              {option.label}
              {option.hint ? <span className="block text-sm text-slate-600">{option.hint}</span> : null}
            </span>
          </label>
        ))}
      </div>
      {hasError ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {errors?.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
