import { REFERRAL_STATUS_LABELS } from "@/lib/labels";

type ReferralStatus = keyof typeof REFERRAL_STATUS_LABELS;

// Dark text on a light tint: WCAG AA for every status.
const TONES: Record<ReferralStatus, string> = {
  PROPOSED: "bg-amber-50 text-amber-900 border-amber-600",
  ACCEPTED: "bg-sky-50 text-sky-900 border-sky-600",
  IN_PROGRESS: "bg-green-50 text-green-900 border-green-700",
  COMPLETED: "bg-brand-50 text-brand-800 border-brand-600",
  DECLINED: "bg-white text-red-900 border-red-700",
  CANCELLED: "bg-white text-slate-700 border-slate-400",
};

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  return (
    <span className={`inline-block rounded-full border px-2.5 py-0.5 text-sm font-medium whitespace-nowrap ${TONES[status]}`}>
      {REFERRAL_STATUS_LABELS[status]}
    </span>
  );
}
