"use server";

// Server actions of the territory editor (lib/action.ts): administrators only; the use cases check
// the permission again and write the events.
import { formAction } from "@/lib/action";
import { setCoverageNorms, ZCoverageNorms } from "@/lib/dashboards/norms";
import { formatCalendarDay } from "@/lib/time";
import { createTerritory } from "@/lib/territories/create-territory";
import { updateTerritory } from "@/lib/territories/update-territory";
import { changeTerritoryCommunes, communesChangeMessage } from "@/lib/territories/change-territory-communes";
import { addTerritoryClosure } from "@/lib/territories/add-territory-closure";
import { removeTerritoryClosure } from "@/lib/territories/remove-territory-closure";
import { ZAddTerritoryClosure, ZChangeTerritoryCommunes, ZCreateTerritory, ZRemoveTerritoryClosure, ZUpdateTerritory } from "@/lib/territories/schemas";

const territoryPath = (id: string) => `/territoires/${encodeURIComponent(id)}`;
const idOf = (raw: Record<string, unknown>) => (typeof raw.territoryId === "string" ? raw.territoryId : "");
const dayLabel = (day: string) => formatCalendarDay(day);

export const createTerritoryAction = formAction({
  permission: "territories.manage",
  schema: ZCreateTerritory,
  page: () => "/territoires/nouveau",
  run: ({ actor, input }) => createTerritory({ actor, input }),
  revalidate: () => ["/territoires", "/admin"],
  redirectTo: ({ id }) => `${territoryPath(id)}?enregistre=cree`,
});

export const updateTerritoryAction = formAction({
  permission: "territories.manage",
  schema: ZUpdateTerritory,
  page: (raw) => territoryPath(idOf(raw)),
  run: ({ actor, input }) => updateTerritory({ actor, input }),
  revalidate: ({ territoryId }) => ["/territoires", "/admin", territoryPath(territoryId)],
  message: ({ changed }) =>
    changed.length === 0
      ? "Rien n'a changé : le territoire est tel quel."
      : "Territoire enregistré. Les nouvelles demandes suivent ces horaires et délais ; celles déjà déposées gardent leurs échéances.",
});

export const changeTerritoryCommunesAction = formAction({
  permission: "territories.manage",
  schema: ZChangeTerritoryCommunes,
  page: (raw) => territoryPath(idOf(raw)),
  run: ({ actor, input }) => changeTerritoryCommunes({ actor, input }),
  revalidate: ({ territoryId }) => ["/territoires", "/admin", territoryPath(territoryId)],
  message: (change) => communesChangeMessage(change),
});

export const addTerritoryClosureAction = formAction({
  permission: "territories.manage",
  schema: ZAddTerritoryClosure,
  page: (raw) => territoryPath(idOf(raw)),
  run: ({ actor, input }) => addTerritoryClosure({ actor, input }),
  revalidate: ({ territoryId }) => ["/territoires", territoryPath(territoryId)],
  message: ({ day }) => `Fermeture du ${dayLabel(day)} enregistrée : les délais des demandes programmées n'y courent pas.`,
});

export const removeTerritoryClosureAction = formAction({
  permission: "territories.manage",
  schema: ZRemoveTerritoryClosure,
  page: (raw) => territoryPath(idOf(raw)),
  run: ({ actor, input }) => removeTerritoryClosure({ actor, input }),
  revalidate: ({ territoryId }) => ["/territoires", territoryPath(territoryId)],
  message: ({ day }) => `Le ${dayLabel(day)} est de nouveau un jour ouvré.`,
});

export const setCoverageNormsAction = formAction({
  permission: "territories.manage",
  schema: ZCoverageNorms,
  page: () => "/territoires/normes",
  run: ({ actor, input }) => setCoverageNorms({ actor, norms: input }),
  revalidate: () => ["/territoires/normes", "/ars", "/coordination/tableau-de-bord"],
  message: ({ changed }) => (changed ? "Normes enregistrées : les tableaux de bord les appliquent dès maintenant." : "Rien n'a changé."),
});
