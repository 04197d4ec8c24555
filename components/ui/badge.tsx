import type { ReactNode } from "react";

// A status in a pill. Every tone is dark text on a light tint (WCAG AA); the words carry the
// meaning, the colour only repeats it.
export const BADGE_TONES = {
  neutral: "bg-slate-100 text-slate-800 border-slate-400",
  muted: "bg-white text-slate-700 border-slate-400",
  waiting: "bg-amber-50 text-amber-900 border-amber-600",
  info: "bg-sky-50 text-sky-900 border-sky-600",
  good: "bg-green-50 text-green-900 border-green-700",
  done: "bg-brand-50 text-brand-800 border-brand-600",
  danger: "bg-red-50 text-red-900 border-red-700",
  refused: "bg-white text-red-900 border-red-700",
} as const;

export type BadgeTone = keyof typeof BADGE_TONES;

export function Badge({ tone, children }: { tone: BadgeTone; children: ReactNode }) {
  return <span className={`inline-block rounded-full border px-2.5 py-0.5 text-sm font-medium whitespace-nowrap ${BADGE_TONES[tone]}`}>{children}</span>;
}
