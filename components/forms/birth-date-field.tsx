"use client";

import { useState } from "react";
import { TextField } from "@/components/ui/text-field";
import { formatBirthDateInput } from "@/lib/requests/birth-date-input";

// Typed on the numeric keypad; the slashes come by themselves (see formatBirthDateInput).
export function BirthDateField({ name, label, errors, defaultValue = "" }: { name: string; label: string; errors?: string[]; defaultValue?: string }) {
  const [value, setValue] = useState(defaultValue);
  return (
    <TextField
      name={name}
      label={label}
      hint="jj/mm/aaaa"
      errors={errors}
      inputMode="numeric"
      autoComplete="off"
      maxLength={10}
      value={value}
      onChange={(e) => setValue(formatBirthDateInput(e.target.value))}
      className="max-w-56"
    />
  );
}
