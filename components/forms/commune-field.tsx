"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { CommuneOption } from "@/lib/requests/commune-options";
import { borderClass, FieldShell } from "@/components/ui/field-shell";

type Props = {
  name: string; // the hidden input that carries the INSEE code ("communeCode")
  label: string;
  errors?: string[];
  defaultValue?: CommuneOption | null;
  hint?: string;
  // Told of every change of choice (null when the text no longer matches a chosen commune).
  onSelect?: (option: CommuneOption | null) => void;
};

const MIN_CHARS = 2;
const DEBOUNCE_MS = 180;

function displayName(option: CommuneOption): string {
  return `${option.name} (${option.postalCodes[0] ?? option.departmentCode})`;
}

/**
 * Commune autocomplete over the real communes (name, postal code or INSEE code), following the
 * ARIA 1.2 combobox pattern with a listbox popup and automatic selection of the first suggestion:
 * ↓/↑ move, Enter (or leaving the field) takes the highlighted commune, Escape closes the list,
 * then clears the text. The chosen commune's INSEE code goes in a hidden input named `name`.
 */
export function CommuneField({ name, label, errors, defaultValue = null, hint, onSelect }: Props) {
  const inputId = `field-${name}`;
  const listboxId = `${inputId}-listbox`;
  const statusId = `${inputId}-status`;
  const [text, setText] = useState(defaultValue ? displayName(defaultValue) : "");
  const [selected, setSelected] = useState<CommuneOption | null>(defaultValue);
  // The text typed, waiting for suggestions (null once a commune is chosen).
  const [query, setQuery] = useState<string | null>(null);
  const [options, setOptions] = useState<CommuneOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [message, setMessage] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (query === null || query.trim().length < MIN_CHARS) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/communes?q=${encodeURIComponent(query.trim())}&limit=8`, {
          signal: controller.signal,
          headers: { Accept: "application/json" },
        });
        const body = (await response.json().catch(() => ({}))) as { communes?: CommuneOption[]; error?: string };
        if (!response.ok || !body.communes) {
          setOptions([]);
          setOpen(false);
          setMessage(body.error ?? "La recherche de communes ne répond pas. Réessayez dans un instant.");
          return;
        }
        setOptions(body.communes);
        setOpen(body.communes.length > 0);
        setActive(body.communes.length > 0 ? 0 : -1);
        setMessage(
          body.communes.length === 0
            ? `Aucune commune ne correspond à « ${query.trim()} ». Essayez le code postal.`
            : `${body.communes.length} commune${body.communes.length > 1 ? "s" : ""} proposée${body.communes.length > 1 ? "s" : ""} : flèches pour parcourir, Entrée pour choisir.`,
        );
      } catch (error) {
        if ((error as Error).name !== "AbortError") setMessage("La recherche de communes ne répond pas. Réessayez dans un instant.");
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  useEffect(() => {
    if (!open || active < 0) return;
    listRef.current?.children[active]?.scrollIntoView({ block: "nearest" });
  }, [open, active]);

  function choose(option: CommuneOption) {
    setSelected(option);
    setText(displayName(option));
    setQuery(null);
    setOpen(false);
    setActive(-1);
    setMessage(null);
    onSelect?.(option);
  }

  function onType(value: string) {
    setText(value);
    setQuery(value);
    if (selected) {
      setSelected(null);
      onSelect?.(null);
    }
    if (value.trim().length < MIN_CHARS) {
      setOptions([]);
      setOpen(false);
      setActive(-1);
      setMessage(null);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case "ArrowDown":
        if (options.length === 0) return;
        event.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(event.altKey ? -1 : Math.max(active, 0));
        } else if (!event.altKey) setActive((active + 1) % options.length);
        return;
      case "ArrowUp":
        if (!open || options.length === 0) return;
        event.preventDefault();
        setActive(active <= 0 ? options.length - 1 : active - 1);
        return;
      case "Enter":
        if (open && active >= 0 && options[active]) {
          event.preventDefault(); // choosing a commune must not send the form
          choose(options[active]);
        }
        return;
      case "Escape":
        if (open) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (text) {
          event.preventDefault();
          onType("");
        }
        return;
    }
  }

  // Leaving the field (Tab, a click elsewhere) takes the highlighted suggestion, if any.
  function onBlur() {
    if (open && active >= 0 && options[active]) choose(options[active]);
    else setOpen(false);
  }

  const activeId = open && active >= 0 && options[active] ? `${inputId}-option-${options[active].code}` : undefined;

  return (
    <FieldShell id={inputId} label={label} hint={hint} errors={errors}>
      {({ describedBy, hasError }) => (
        <>
          <div className="relative">
            <input
              id={inputId}
              type="text"
              role="combobox"
              aria-autocomplete="list"
              aria-expanded={open}
              aria-controls={listboxId}
              aria-activedescendant={activeId}
              aria-invalid={hasError || undefined}
              aria-describedby={[describedBy, statusId].filter(Boolean).join(" ")}
              autoComplete="off"
              autoCapitalize="words"
              spellCheck={false}
              enterKeyHint="done"
              value={text}
              onChange={(e) => onType(e.target.value)}
              onKeyDown={onKeyDown}
              onBlur={onBlur}
              onFocus={() => options.length > 0 && !selected && setOpen(true)}
              className={`min-h-11 w-full rounded-md border px-3 py-2 text-base text-slate-900 ${borderClass(hasError)}`}
            />
            <ul
              ref={listRef}
              id={listboxId}
              role="listbox"
              aria-label={`Communes proposées pour « ${label} »`}
              hidden={!open}
              className="absolute top-full right-0 left-0 z-20 mt-1 max-h-80 overflow-auto rounded-md border border-slate-400 bg-white py-1 shadow-lg"
            >
              {options.map((option, index) => (
                <li
                  key={option.code}
                  id={`${inputId}-option-${option.code}`}
                  role="option"
                  aria-selected={index === active}
                  onMouseDown={(e) => e.preventDefault()} // keep the focus in the input
                  onClick={() => choose(option)}
                  onMouseMove={() => index !== active && setActive(index)}
                  className={`flex min-h-11 cursor-pointer flex-col justify-center px-3 py-1.5 ${index === active ? "bg-brand-700 text-white" : "text-slate-900"}`}
                >
                  <span className="font-medium">
                    {option.name} <span className="font-normal">({option.postalCodes.join(", ") || option.departmentCode})</span>
                  </span>
                  <span className={`text-sm ${index === active ? "text-white" : "text-slate-600"}`}>
                    {option.territory ? option.territory.name : "Aucun territoire ne couvre encore cette commune"}
                  </span>
                </li>
              ))}
            </ul>
          </div>
          <input type="hidden" name={name} value={selected?.code ?? ""} />
          <p id={statusId} role="status" className="text-sm text-slate-700">
            {selected ? (
              selected.territory ? (
                <>
                  Territoire : <strong>{selected.territory.name}</strong>
                </>
              ) : (
                "Aucun territoire ne couvre encore cette commune."
              )
            ) : (
              (message ?? "")
            )}
          </p>
        </>
      )}
    </FieldShell>
  );
}
