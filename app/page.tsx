import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { ROLE_HOME } from "@/lib/authz/permissions";

// Everyone lands on their role's home page.
export default async function HomePage() {
  const actor = await requireUser();
  redirect(ROLE_HOME[actor.role]);
}
