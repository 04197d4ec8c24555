import { REQUEST_STATUS_LABELS, URGENCY_SHORT_LABELS } from "@/lib/labels";

type Status = keyof typeof REQUEST_STATUS_LABELS;

// Colours pass WCAG AA for their text (dark text on a light tint).
const STATUS_TONES: Record<Status, string> = {
  SUBMITTED: "bg-slate-100 text-slate-800 border-slate-400",
  TRIAGE: "bg-amber-50 text-amber-900 border-amber-600",
  ORIENTED: "bg-sky-50 text-sky-900 border-sky-600",
  IN_CARE: "bg-green-50 text-green-900 border-green-700",
  CLOSED: "bg-brand-50 text-brand-800 border-brand-600",
  CANCELLED: "bg-white text-slate-700 border-slate-400",
};

export function StatusBadge({ status }: { status: Status }) {
  return (
    <span className={`inline-block rounded-full border px-2.5 py-0.5 text-sm font-medium whitespace-nowrap ${STATUS_TONES[status]}`}>
      {REQUEST_STATUS_LABELS[status]}
    </span>
  );
}

export function UrgencyBadge({ urgency }: { urgency: keyof typeof URGENCY_SHORT_LABELS }) {
  if (urgency !== "CRISIS") return null;
  return (
    <span className="inline-block rounded-full border border-red-700 bg-red-50 px-2.5 py-0.5 text-sm font-medium whitespace-nowrap text-red-900">
      {URGENCY_SHORT_LABELS.CRISIS}
    </span>
  );
}
