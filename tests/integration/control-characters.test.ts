// A NUL (or any control character) typed or pasted into a text field used to reach PostgreSQL,
// which refuses NUL in text: the person got « erreur inattendue » and lost the form. Through the
// forms' own schemas, every text field of the GP's form, the phone intake, the public form and the
// structure edit now saves, without the invisible characters; and should one ever get past a
// schema, the database's refusal is a French message, not « erreur inattendue ».
import { describe, expect, test } from "vitest";
import { toAppError } from "@/lib/errors";
import { fileRequest } from "@/lib/requests/file-request";
import { ZFileRequest, ZPhoneIntake, ZPublicContact } from "@/lib/requests/schemas";
import { createStructure } from "@/lib/directory/create-structure";
import { updateStructure } from "@/lib/directory/update-structure";
import { getStructureForEdit } from "@/lib/directory/queries";
import { BAR_LE_DUC, PATIENT, type World } from "@/tests/factories/world";
import { freshWorldPerTest } from "./helpers/world";

let world: World;
const db = freshWorldPerTest((w) => (world = w));

const NUL = "\u0000";
// The form as the browser posts it, with a NUL in the middle of every text field.
const GP_FORM = {
  birthName: `Du${NUL}rand`,
  firstNames: `Jean${NUL}ne`,
  birthDate: "1946-05-12",
  sex: "FEMALE",
  communeCode: BAR_LE_DUC,
  placeOfCare: "HOME",
  needs: ["PAIN"],
  urgency: "PLANNED",
  details: `Douleur${NUL} mal contrôlée`,
  consentCoordination: "on",
};

describe("a NUL in a text field", () => {
  test("the GP's form saves the request, without the NUL", async () => {
    const filed = await fileRequest({ db, channel: "WEB", actor: world.gp, input: ZFileRequest.parse(GP_FORM) });
    const saved = await db.request.findUniqueOrThrow({
      where: { id: filed.id },
      select: { details: true, patient: { select: { birthName: true, firstNames: true } } },
    });
    expect(saved).toEqual({ details: "Douleur mal contrôlée", patient: { birthName: "Durand", firstNames: "Jeanne" } });
  });

  test("the phone intake saves the request, caller included", async () => {
    const input = ZPhoneIntake.parse({
      ...GP_FORM,
      channel: "PHONE",
      requesterKind: "GP",
      requesterName: `Dr ${NUL}Leroy`,
      requesterPhone: `06 12 34 56 78`,
      requesterRelation: `médecin${NUL}`,
    });
    const filed = await fileRequest({ db, channel: "PHONE", actor: world.idec, input });
    expect(await db.request.findUniqueOrThrow({ where: { id: filed.id }, select: { requesterName: true, requesterRelation: true } })).toEqual({
      requesterName: "Dr Leroy",
      requesterRelation: "médecin",
    });
  });

  test("the public form saves the family's message", async () => {
    const input = ZPublicContact.parse({
      requesterName: `Paul${NUL} Durand`,
      requesterPhone: "06 12 34 56 78",
      requesterRelation: `fi${NUL}ls`,
      communeCode: BAR_LE_DUC,
      needs: ["CARER_RESPITE"],
      details: `Aidez${NUL}-nous`,
      consentCoordination: "on",
    });
    const filed = await fileRequest({ db, channel: "PUBLIC", actor: null, input });
    expect(await db.request.findUniqueOrThrow({ where: { id: filed.id }, select: { requesterName: true, requesterRelation: true, details: true } })).toEqual({
      requesterName: "Paul Durand",
      requesterRelation: "fils",
      details: "Aidez-nous",
    });
  });

  test("the structure edit saves every text field", async () => {
    const base = {
      name: "EMSP test",
      type: "EMSP" as const,
      territoryId: world.territories["meuse-sud"],
      coverageDepartmentCodes: "55",
      ageGroups: ["ADULT"],
      offers: ["PAIN:HOME"],
    };
    const { id } = await createStructure({ db, actor: world.idec, input: { ...base, address: `1 rue${NUL} Haute` } });
    const { version } = await db.structure.findUniqueOrThrow({ where: { id }, select: { version: true } });
    await updateStructure({
      db,
      actor: world.idec,
      input: {
        ...base,
        structureId: id,
        version,
        name: `EMSP${NUL} test`,
        address: `2 rue${NUL} Basse`,
        hoursNote: `astreinte${NUL}`,
        referentName: `Dr${NUL} Martin`,
        backupName: `Mme${NUL} Petit`,
        description: `ligne 1${NUL}\nligne 2`,
        hours_mon: "08:00-12:00",
      },
    });
    const saved = await db.structure.findUniqueOrThrow({
      where: { id },
      select: { name: true, address: true, hoursNote: true, referentName: true, backupName: true, description: true },
    });
    expect(saved).toEqual({
      name: "EMSP test",
      address: "2 rue Basse",
      hoursNote: "astreinte",
      referentName: "Dr Martin",
      backupName: "Mme Petit",
      description: "ligne 1\nligne 2",
    });
    expect((await getStructureForEdit({ db, actor: world.idec, id })).values.name).toBe("EMSP test");
  });

  test("past a schema, the database's refusal is told in French, as a correctable input", async () => {
    const error = await fileRequest({ db, channel: "WEB", actor: world.gp, input: { ...PATIENT, details: `a${NUL}b` } }).catch((e: unknown) => e);
    const appError = toAppError(error);
    expect(appError.code).toBe("INVALID_INPUT");
    expect(appError.message).toMatch(/caractère invisible/);
  });
});
