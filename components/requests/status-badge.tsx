import { Badge, type BadgeTone } from "@/components/ui/badge";
import { REQUEST_STATUS_LABELS, URGENCY_SHORT_LABELS } from "@/lib/labels";

type Status = keyof typeof REQUEST_STATUS_LABELS;

const STATUS_TONES: Record<Status, BadgeTone> = {
  SUBMITTED: "neutral",
  TRIAGE: "waiting",
  ORIENTED: "info",
  IN_CARE: "good",
  CLOSED: "done",
  CANCELLED: "muted",
};

export function StatusBadge({ status }: { status: Status }) {
  return <Badge tone={STATUS_TONES[status]}>{REQUEST_STATUS_LABELS[status]}</Badge>;
}

export function UrgencyBadge({ urgency }: { urgency: keyof typeof URGENCY_SHORT_LABELS }) {
  if (urgency !== "CRISIS") return null;
  return <Badge tone="danger">{URGENCY_SHORT_LABELS.CRISIS}</Badge>;
}
