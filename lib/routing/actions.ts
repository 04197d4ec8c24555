"use server";

// Server actions of the routing rules editor (lib/action.ts).
import { z } from "zod";
import { formAction } from "@/lib/action";
import { updateRoutingRules, ZUpdateRoutingRules } from "@/lib/routing/update-rules";

const rulesPath = (slug: string) => (slug ? `/coordination/regles/${encodeURIComponent(slug)}` : "/coordination/regles");

// The editor sends its draft as one JSON field, read back into the use case's own rules schema.
const ZRulesForm = ZUpdateRoutingRules.extend({
  slug: z.string().max(100).default(""),
  rules: z
    .string({ error: "Règles illisibles : rechargez la page et recommencez." })
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "Règles illisibles : rechargez la page et recommencez." });
        return z.NEVER;
      }
    })
    .pipe(ZUpdateRoutingRules.shape.rules),
});

export const updateRoutingRulesAction = formAction({
  permission: "routing.rules.edit",
  schema: ZRulesForm,
  page: (raw) => rulesPath(typeof raw.slug === "string" ? raw.slug : ""),
  run: ({ actor, parsed }) => updateRoutingRules({ actor, input: { territoryId: parsed.territoryId, version: parsed.version, rules: parsed.rules } }),
  revalidate: ({ slug }) => ["/coordination/regles", rulesPath(slug)],
  message: ({ changes }) =>
    changes.length === 0
      ? "Aucune modification à enregistrer."
      : `Règles enregistrées : ${changes.length} ${changes.length === 1 ? "modification" : "modifications"}.`,
  data: ({ version }) => ({ version }),
});
