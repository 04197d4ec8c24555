// Shared by the ARS and coordination dashboard routes: the area asked for (or the actor's top
// one), its dashboard and the path above it for the breadcrumb. Out-of-scope areas are a 403,
// unknown ones a 404, as on every page.
import type { Actor } from "@/lib/authz/actor";
import { pageError } from "@/lib/authz/page-access";
import { getAreaTree, getDashboard, type AreaNode } from "@/lib/dashboards/indicators";
import type { Area, Dashboard, Level, Period } from "@/lib/dashboards/types";

// The drill-down starts where there is a choice: below France when the actor's scope holds one
// région only, below that région when it holds one département only.
export function topArea(tree: AreaNode): AreaNode {
  let node = tree;
  while (node.level !== "department" && node.children.length === 1) node = node.children[0]!;
  return node;
}

// The areas above `target`, from the top area down (for the breadcrumb).
export function pathTo(tree: AreaNode, target: { level: Level; code: string }): Area[] | null {
  const walk = (node: AreaNode, above: Area[]): Area[] | null => {
    const here = [...above, { level: node.level, code: node.code, name: node.name }];
    if (node.level === target.level && node.code === target.code) return here;
    for (const child of node.children) {
      const found = walk(child, here);
      if (found) return found;
    }
    return null;
  };
  return walk(tree, []);
}

export async function loadDashboard({
  actor,
  area,
  period,
}: {
  actor: Actor;
  area: { level: Level; code: string } | null;
  period: Period;
}): Promise<{ dashboard: Dashboard; trail: Area[] }> {
  try {
    const tree = await getAreaTree({ actor });
    const top = topArea(tree);
    const target = area ?? top;
    const dashboard = await getDashboard({ actor, level: target.level, code: target.code, period });
    // Above the top area there is nothing to choose: the breadcrumb starts there.
    const path = pathTo(tree, dashboard.area) ?? [];
    const start = path.findIndex((a) => a.level === top.level && a.code === top.code);
    const trail = (start >= 0 ? path.slice(start) : path).slice(0, -1);
    return { dashboard, trail };
  } catch (error) {
    pageError(error);
  }
}
