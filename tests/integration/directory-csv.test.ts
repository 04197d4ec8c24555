import { describe, expect, test } from "vitest";
import { CSV_COLUMNS } from "@/lib/directory/csv-row";
import { exportStructuresCsv } from "@/lib/directory/export-structures-csv";
import { importStructuresCsv, type ImportReport } from "@/lib/directory/import-structures-csv";
import { updateStructureContacts } from "@/lib/directory/update-structure-contacts";
import { BAR_LE_DUC, VERDUN, type World } from "@/tests/factories/world";
import { freshWorldPerTest } from "./helpers/world";

let world: World;
const db = freshWorldPerTest((w) => (world = w));

const HEADER =
  "identifiant_externe;nom;type;finess;territoire;communes_couvertes;departements_couverts;territoires_couverts;offres_domicile;offres_ehpad;telephone;horaires;capacite;capacite_depuis";

function csv(...lines: string[]): string {
  return [HEADER, ...lines].join("\r\n");
}

// Quoted because its hours contain semicolons.
const GOOD_1_QUOTED = `psy-ligny;Psychologue de Ligny;psychologue;;meuse-sud;55291, ${BAR_LE_DUC};;;psy_patient, psy_proches;psy_patient;03 53 01 55 36;"lun 09:00-18:00; mer 09:00-18:00";disponible;`;
const GOOD_2 = `douleur-verdun;Consultation douleur de Verdun;consultation_douleur;550999031;meuse-nord;;55;;douleur;douleur;0353015541;lun-ven 09:00-17:00;liste_attente;12/11/2026`;
const BAD = `ssiad-x;SSIAD X;hopital;550999032;meuse-sud;99999;;;soins_domicile, massage;;12;lun 18:00-08:00;plein;`;

const lineOf = (report: ImportReport, line: number) => report.lines.find((l) => l.line === line);
const eventCount = () => db.event.count({ where: { type: { startsWith: "directory." } } });

describe("CSV import", () => {
  test("good lines are kept, a bad line is refused with every reason in French by column, and nothing of it is written", async () => {
    const report = await importStructuresCsv({ db, actor: world.idec, csv: csv(GOOD_1_QUOTED, BAD, GOOD_2) });
    expect(report.fileErrors).toEqual([]);
    expect(report.counts).toEqual({ created: 2, updated: 0, unchanged: 0, refused: 1 });
    expect(report.lines.map((l) => [l.line, l.outcome, l.key])).toEqual([
      [2, "created", "psy-ligny"],
      [3, "refused", "ssiad-x"],
      [4, "created", "douleur-verdun"],
    ]);
    expect(lineOf(report, 3)!.reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^type : « hopital » inconnu/),
        expect.stringMatching(/^offres_domicile : « massage » inconnu/),
        expect.stringMatching(/^capacite : « plein » inconnue/),
        "horaires : lun : la fin (08:00) doit être après le début (18:00).",
        "finess : la clé de contrôle ne correspond pas (faute de frappe ?).",
        "telephone : numéro invalide (10 chiffres, ex. 03 29 45 12 34).",
      ]),
    );
    expect(await db.structure.findFirst({ where: { OR: [{ externalId: "ssiad-x" }, { name: "SSIAD X" }] } })).toBeNull();
    const created = await db.structure.findUniqueOrThrow({ where: { externalId: "douleur-verdun" }, include: { offers: true } });
    expect(created).toMatchObject({
      type: "PAIN_CLINIC",
      finess: "550999031",
      territoryId: world.territories["meuse-nord"],
      coverageDepartmentCodes: ["55"],
      phone: "03 53 01 55 41",
      capacityStatus: "WAITING_LIST",
      capacitySince: new Date("2026-11-12T12:00:00Z"),
      openingHours: { mon: [["09:00", "17:00"]], fri: [["09:00", "17:00"]], sat: [] },
    });
    expect(created.offers.map((o) => `${o.need}:${o.setting}`).sort()).toEqual(["PAIN:HOME", "PAIN:NURSING_HOME"]);
    const events = await db.event.findMany({ where: { type: { startsWith: "directory." } }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.type, e.subjectId, e.data])).toEqual([
      ["directory.structure_created", expect.any(String), { source: "csv" }],
      ["directory.structure_created", created.id, { source: "csv" }],
      ["directory.csv_imported", world.territories["meuse-sud"], { created: 1, updated: 0, unchanged: 0, rejected: 1 }],
      ["directory.csv_imported", world.territories["meuse-nord"], { created: 1, updated: 0, unchanged: 0, rejected: 0 }],
    ]);
  });

  test("a bad line about an existing structure leaves it exactly as it was", async () => {
    await importStructuresCsv({ db, actor: world.idec, csv: csv(GOOD_2) });
    const before = await db.structure.findUniqueOrThrow({ where: { externalId: "douleur-verdun" }, include: { offers: true } });
    const broken = GOOD_2.replace("0353015541", "03 53").replace(";douleur;douleur;", ";douleur, symptomes;douleur;");
    const report = await importStructuresCsv({ db, actor: world.idec, csv: csv(broken) });
    expect(report.lines[0]).toMatchObject({ outcome: "refused", reasons: ["telephone : numéro invalide (10 chiffres, ex. 03 29 45 12 34)."] });
    expect(await db.structure.findUniqueOrThrow({ where: { externalId: "douleur-verdun" }, include: { offers: true } })).toEqual(before);
  });

  test("importing the same file twice: the second time every line is unchanged (the bad one still refused) and no event is written", async () => {
    const file = csv(GOOD_1_QUOTED, BAD, GOOD_2);
    await importStructuresCsv({ db, actor: world.idec, csv: file });
    const structures = await db.structure.findMany({ orderBy: { id: "asc" }, include: { offers: true } });
    const events = await eventCount();
    const second = await importStructuresCsv({ db, actor: world.idec, csv: file });
    expect(second.counts).toEqual({ created: 0, updated: 0, unchanged: 2, refused: 1 });
    expect(await db.structure.findMany({ orderBy: { id: "asc" }, include: { offers: true } })).toEqual(structures);
    expect(await eventCount()).toBe(events);
  });

  test("a change updates only that structure, on its version, with the changed fields in the report and the event", async () => {
    await importStructuresCsv({ db, actor: world.idec, csv: csv(GOOD_1_QUOTED, GOOD_2) });
    const report = await importStructuresCsv({
      db,
      actor: world.idec,
      csv: csv(GOOD_1_QUOTED, GOOD_2.replace("liste_attente;12/11/2026", "complet;20/11/2026")),
    });
    expect(report.lines.map((l) => [l.outcome, l.fields])).toEqual([
      ["unchanged", []],
      ["updated", ["capacityStatus", "capacitySince"]],
    ]);
    const row = await db.structure.findUniqueOrThrow({ where: { externalId: "douleur-verdun" } });
    expect(row).toMatchObject({ capacityStatus: "FULL", version: 1 });
    const last = await db.event.findFirstOrThrow({ where: { subjectId: row.id }, orderBy: { id: "desc" } });
    expect(last).toMatchObject({ type: "directory.structure_updated", data: { fields: ["capacityStatus", "capacitySince"], source: "csv" } });
  });

  test("columns absent from the file keep their values; a FINESS finds an entry without external id, which adopts the file's", async () => {
    await db.structure.update({
      where: { id: world.structures.had },
      data: { finess: "550999023", coverageDepartmentCodes: ["55"], referentName: "Julien Petit" },
    });
    const report = await importStructuresCsv({
      db,
      actor: world.idec,
      csv: "identifiant_externe;finess;nom;type;telephone\nhad-meuse;550999023;HAD Meuse;had;03 53 01 55 32\n",
    });
    expect(report.lines[0]).toMatchObject({ outcome: "updated", fields: ["externalId", "phone"] });
    expect(await db.structure.findUniqueOrThrow({ where: { id: world.structures.had } })).toMatchObject({
      externalId: "had-meuse",
      phone: "03 53 01 55 32",
      referentName: "Julien Petit",
      coverageDepartmentCodes: ["55"],
    });
  });

  test("a coordinator imports only into their own territories; an admin anywhere", async () => {
    const paca = `etsp-x;ETSP X;emsp;;bouches-du-rhone;13055;;;soins_palliatifs;;;;;`;
    const report = await importStructuresCsv({ db, actor: world.idec, csv: csv(paca) });
    expect(report.lines[0]).toMatchObject({ outcome: "refused", reasons: ["territoire : indiquez l'un de vos territoires (meuse-nord, meuse-sud)."] });
    // An existing structure of another territory, even named by a line of one's own territory.
    const resp = `${world.structures.resp13};RESP 13;reseau_palliatif;;meuse-sud;${BAR_LE_DUC};;;;;;;;`;
    const moved = await importStructuresCsv({ db, actor: world.idec, csv: csv(resp) });
    expect(moved.lines[0]!.reasons[0]).toMatch(/gérée par un autre territoire/);
    expect((await importStructuresCsv({ db, actor: world.admin, csv: csv(paca) })).counts.created).toBe(1);
    const adminEvent = await db.event.findFirstOrThrow({ where: { type: "directory.csv_imported" } });
    expect(adminEvent).toMatchObject({ subjectId: "all", data: { created: 1, updated: 0, unchanged: 0, rejected: 0 } });
    expect(importStructuresCsv({ db, actor: world.emsp, csv: csv(paca) })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  test("keys are used once per file; unknown communes, départements and territories are named", async () => {
    const report = await importStructuresCsv({
      db,
      actor: world.admin,
      csv: csv(GOOD_2, GOOD_2.replace("douleur-verdun", "autre-cle"), `x-1;X;emsp;;meuse-sud;99999;99;nulle-part;;;;;;`),
    });
    expect(report.lines.map((l) => l.outcome)).toEqual(["created", "refused", "refused"]);
    expect(report.lines[1]!.reasons).toEqual(["finess : déjà utilisé à la ligne 2 du fichier."]);
    expect(report.lines[2]!.reasons).toEqual([
      expect.stringMatching(/^territoires_couverts : inconnus : nulle-part/),
      "communes_couvertes : codes INSEE inconnus : 99999.",
      "departements_couverts : inconnus : 99.",
    ]);
  });

  test("the file itself: Excel's Windows-1252, a BOM, a comma separator, unknown columns, missing required ones, broken lines", async () => {
    const latin1 = Buffer.from("identifiant_externe;nom;type;territoire;departements_couverts\r\nequipe-e;Équipe Épinal;emsp;meuse-sud;55\r\n", "latin1");
    const decoded = await importStructuresCsv({ db, actor: world.admin, csv: new Uint8Array(latin1) });
    expect(decoded.counts.created).toBe(1);
    expect((await db.structure.findUniqueOrThrow({ where: { externalId: "equipe-e" } })).name).toBe("Équipe Épinal");

    const commas = await importStructuresCsv({
      db,
      actor: world.admin,
      csv: "\uFEFFIdentifiant externe,Nom,Type,Territoire,Départements couverts,Remarque\nequipe-f,Équipe F,had,meuse-sud,55,à revoir\n",
    });
    expect(commas).toMatchObject({ counts: { created: 1 }, warnings: ["Colonnes ignorées (inconnues) : Remarque."] });

    expect((await importStructuresCsv({ db, actor: world.admin, csv: "nom;telephone\nX;0353015531\n" })).fileErrors).toEqual([
      expect.stringMatching(/^Colonnes obligatoires absentes : identifiant_externe, type/),
    ]);
    expect((await importStructuresCsv({ db, actor: world.admin, csv: "" })).fileErrors).toEqual([expect.stringMatching(/^Le fichier est vide/)]);

    const broken = await importStructuresCsv({
      db,
      actor: world.admin,
      csv: csv(GOOD_2, "trop;de;colonnes;;;;;;;;;;;;;;;;", GOOD_1_QUOTED.replace('18:00";', "18:00;")),
    });
    expect(broken.lines.map((l) => [l.line, l.outcome])).toEqual([
      [2, "created"],
      [3, "refused"],
      [4, "refused"],
    ]);
    expect(broken.lines[1]!.reasons[0]).toMatch(/^La ligne compte \d+ colonnes au lieu de 14/);
    expect(broken.lines[2]!.reasons[0]).toMatch(/guillemet ouvert n'est jamais refermé/);
  });

  test("a structure edited by someone else during the import is refused, never overwritten; the rest of its chunk is kept", async () => {
    await importStructuresCsv({ db, actor: world.idec, csv: csv(GOOD_1_QUOTED, GOOD_2) });
    const psy = await db.structure.findUniqueOrThrow({ where: { externalId: "psy-ligny" } });
    const file = csv(GOOD_1_QUOTED.replace("03 53 01 55 36", "03 53 01 55 37"), GOOD_2.replace("0353015541", "0353015542"));
    const report = await importStructuresCsv({
      db,
      actor: world.idec,
      csv: file,
      // Between the check and the write, the psychologist updates her own hours.
      onProgress: async (p) => {
        if (p.phase === "verification" && p.done === p.total)
          await updateStructureContacts({
            db,
            actor: world.admin,
            input: { structureId: psy.id, version: psy.version, phone: "03 53 01 55 36", hours_tue: "09:00-12:00" },
          });
      },
    });
    expect(report.lines.map((l) => l.outcome)).toEqual(["refused", "updated"]);
    expect(report.lines[0]!.reasons).toEqual(["Cette structure a été modifiée pendant l'import : réimportez le fichier pour reprendre sa version actuelle."]);
    expect(await db.structure.findUniqueOrThrow({ where: { id: psy.id } })).toMatchObject({
      phone: "03 53 01 55 36",
      openingHours: expect.objectContaining({ tue: [["09:00", "12:00"]] }),
    });
    expect((await db.structure.findUniqueOrThrow({ where: { externalId: "douleur-verdun" } })).phone).toBe("03 53 01 55 42");
  });
});

describe("CSV export", () => {
  test("exports every column, UTF-8 with a BOM, semicolons; a coordinator only their territories", async () => {
    await importStructuresCsv({
      db,
      actor: world.admin,
      csv: csv(GOOD_1_QUOTED, GOOD_2, `etsp-x;ETSP X;emsp;;bouches-du-rhone;13055;;;soins_palliatifs;;;;;`),
    });
    const text = await exportStructuresCsv({ db, actor: world.idec });
    expect(text.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = text.slice(1).trim().split("\r\n");
    expect(header).toBe(CSV_COLUMNS.join(";"));
    expect(rows.some((r) => r.startsWith("etsp-x;"))).toBe(false);
    expect(rows.some((r) => r.startsWith("douleur-verdun;Consultation douleur de Verdun;consultation_douleur;550999031;meuse-nord;"))).toBe(true);
    expect(await exportStructuresCsv({ db, actor: world.admin })).toContain("etsp-x;ETSP X;emsp;");
    await expect(exportStructuresCsv({ db, actor: world.gp })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  test("export → import round-trips: every line unchanged, nothing written, including entries without an external id", async () => {
    await importStructuresCsv({ db, actor: world.admin, csv: csv(GOOD_1_QUOTED, GOOD_2) });
    // A rich entry edited through the form: contacts, hours on several days, a note, on call.
    const psy = await db.structure.findUniqueOrThrow({ where: { externalId: "psy-ligny" } });
    await updateStructureContacts({
      db,
      actor: world.admin,
      input: {
        structureId: psy.id,
        version: psy.version,
        phone: "03 53 01 55 36",
        secureEmail: "psy@ligny.mssante.example",
        referentName: "Léa Fontaine; psychologue",
        referentPhone: "03 53 01 55 38",
        hours_mon: "09:00-12:00, 14:00-18:00",
        hours_tue: "09:00-12:00, 14:00-18:00",
        hours_sat: "09:00-12:00",
        hoursNote: 'Rappel sous 48 h, "urgences" : EMSP',
        onCall24h: "on",
      },
    });
    await db.structure.update({
      where: { id: world.structures.emsp },
      data: {
        coverageTerritoryIds: [world.territories["meuse-sud"]!],
        coverageCommuneCodes: [VERDUN],
        beds: 4,
        description: "Ligne 1\nLigne 2",
        active: false,
        ageGroups: ["CHILD", "ADULT"],
      },
    });
    const structures = await db.structure.findMany({ orderBy: { id: "asc" }, include: { offers: true } });
    const events = await eventCount();

    const exported = await exportStructuresCsv({ db, actor: world.admin });
    const report = await importStructuresCsv({ db, actor: world.admin, csv: exported });
    expect(report.fileErrors).toEqual([]);
    expect(report.lines.filter((l) => l.outcome !== "unchanged")).toEqual([]);
    expect(report.counts.unchanged).toBe(structures.length);
    expect(await db.structure.findMany({ orderBy: { id: "asc" }, include: { offers: true } })).toEqual(structures);
    expect(await eventCount()).toBe(events);
    // And the coordinator's own export round-trips too.
    const mine = await importStructuresCsv({ db, actor: world.idec, csv: await exportStructuresCsv({ db, actor: world.idec }) });
    expect(mine.counts).toMatchObject({ created: 0, updated: 0, refused: 0 });
  });
});
