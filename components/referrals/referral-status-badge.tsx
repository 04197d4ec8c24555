import { Badge, type BadgeTone } from "@/components/ui/badge";
import { REFERRAL_STATUS_LABELS } from "@/lib/labels";

type ReferralStatus = keyof typeof REFERRAL_STATUS_LABELS;

const TONES: Record<ReferralStatus, BadgeTone> = {
  PROPOSED: "waiting",
  ACCEPTED: "info",
  IN_PROGRESS: "good",
  COMPLETED: "done",
  DECLINED: "refused",
  CANCELLED: "muted",
};

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  return <Badge tone={TONES[status]}>{REFERRAL_STATUS_LABELS[status]}</Badge>;
}
