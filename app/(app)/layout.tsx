import type { ReactNode } from "react";
import { getCurrentUser } from "@/lib/auth/session";
import { countUnread } from "@/lib/notifications/queries";
import { AppShell } from "@/components/layout/app-shell";

// Display only: the shell shows who is signed in. Access is decided in each page (requirePermission),
// never here — server actions and route handlers do not go through layouts.
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const actor = await getCurrentUser();
  // The bell's count: the actor's own notifications only.
  const unread = actor ? await countUnread({ actor }) : 0;
  return (
    <AppShell actor={actor} unread={unread}>
      {children}
    </AppShell>
  );
}
