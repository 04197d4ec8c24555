import { can, type Permission } from "@/lib/authz/permissions";

type NavItem = { href: string; label: string; permission: Permission };

// The navigation, filtered per role by the same permission table the pages enforce.
const NAV: NavItem[] = [
  { href: "/demandes", label: "Mes demandes", permission: "home.gp" },
  { href: "/coordination", label: "Coordination", permission: "home.coordination" },
  { href: "/coordination/regles", label: "Règles d'orientation", permission: "routing.rules.edit" },
  { href: "/coordination/rcp", label: "RCP", permission: "rcp.manage" },
  { href: "/coordination/tableau-de-bord", label: "Tableau de bord", permission: "home.coordination" },
  { href: "/equipe", label: "Mon équipe", permission: "home.team" },
  { href: "/ars", label: "Tableaux de bord", permission: "home.ars" },
  { href: "/admin", label: "Administration", permission: "home.admin" },
  { href: "/admin/envois", label: "Envois", permission: "notifications.deliveries" },
  { href: "/admin/journal", label: "Journal", permission: "audit.read" },
  { href: "/comptes", label: "Comptes", permission: "users.invite" },
  { href: "/annuaire", label: "Annuaire", permission: "directory.read" },
  { href: "/territoires", label: "Territoires", permission: "territories.read" },
];

export function navItemsFor(actor: { role: unknown }): { href: string; label: string }[] {
  return NAV.filter((item) => can(actor, item.permission)).map(({ href, label }) => ({ href, label }));
}
