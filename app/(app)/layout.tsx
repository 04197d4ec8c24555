import type { ReactNode } from "react";
import { getCurrentUser } from "@/lib/auth/session";
import { AppShell } from "@/components/layout/app-shell";

// Display only: the shell shows who is signed in. Access is decided in each page (requirePermission),
// never here — server actions and route handlers do not go through layouts.
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const actor = await getCurrentUser();
  return <AppShell actor={actor}>{children}</AppShell>;
}
