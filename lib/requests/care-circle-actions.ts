"use server";

// The server actions of « Entourage du patient » (lib/action.ts): on the coordinator's request page
// and on a team's referral page (`referralId` tells which page to refresh); the use cases check
// role and scope.
import { formAction } from "@/lib/action";
import { addCareContact } from "@/lib/requests/add-care-contact";
import { removeCareContact } from "@/lib/requests/remove-care-contact";
import { ZAddCareContact, ZRemoveCareContact } from "@/lib/requests/schemas";
import { referralOrRequestPage } from "@/lib/requests/action-pages";

const pageOf = referralOrRequestPage;
// Every page of the patient's requests shows the circle.
const refresh = (): [string, "page"][] => [
  ["/coordination/demandes/[id]", "page"],
  ["/equipe/orientations/[id]", "page"],
];

export const addCareContactAction = formAction({
  permission: "requests.care_circle",
  schema: ZAddCareContact,
  page: pageOf,
  run: ({ actor, input }) => addCareContact({ actor, input }),
  revalidate: refresh,
  message: "Ajouté à l'entourage du patient.",
});

export const removeCareContactAction = formAction({
  permission: "requests.care_circle",
  schema: ZRemoveCareContact,
  page: pageOf,
  run: ({ actor, input }) => removeCareContact({ actor, input }),
  revalidate: refresh,
  message: "Retiré de l'entourage du patient.",
});
