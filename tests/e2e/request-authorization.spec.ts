// What each role must not do with requests and referrals, tried by URL and by forged server-action
// calls (the action captured from an authorised user's form, then sent with another session's
// cookies): refused, and nothing changed. Every refusal is checked against a positive control.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { ADMIN_USER, ARS_USER, EMSP_MEMBER, HAD_MEMBER, IDEC_MEUSE, IDEC_PACA, OTHER_GP, OWNER_GP, type Login } from "./accounts";
import {
  EMSP,
  captureAction,
  claimOnRequestPage,
  expectForbidden,
  expectNotFound,
  expectSignInRedirect,
  fileRequest,
  fillNewRequest,
  fillOrientForm,
  newPatient,
  openReferral,
  orient,
  pageHeader,
  referralCard,
  replayAction,
  signedInContext,
  signedInPage,
  type ActionReply,
  type CapturedAction,
  type Patient,
} from "./requests";

// One request of OWNER_GP's, in Meuse Sud, claimed by the Meuse nurse and oriented to the EMSP only.
type Fixture = { patient: Patient; requestId: string; number: string; referralId: string };
let shared: Fixture;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(90_000);
  const patient = newPatient("DROITS");
  const [gp, idec, emsp] = await Promise.all([signedInPage(browser, OWNER_GP), signedInPage(browser, IDEC_MEUSE), signedInPage(browser, EMSP_MEMBER)]);
  const { id, number } = await fileRequest(gp, patient);
  await claimOnRequestPage(idec, id);
  await orient(idec, [EMSP]);
  const referralId = await openReferral(emsp, number);
  shared = { patient, requestId: id, number, referralId };
  await Promise.all([gp, idec, emsp].map((p) => p.context().close()));
});

// A page signed in as `login` for the time of `run`.
async function as<T>(browser: Browser, login: Login, run: (page: Page) => Promise<T>): Promise<T> {
  const page = await signedInPage(browser, login);
  try {
    return await run(page);
  } finally {
    await page.context().close();
  }
}

// The whole HTML (text, attributes and the data sent to the browser), not only what is visible.
async function expectNoPatientData(page: Page, patient: Patient, where: string) {
  expect(await page.content(), `${where} : le nom du patient apparaît`).not.toContain(patient.birthName);
}

async function expectStatus(page: Page, path: string, status: 403 | 404, patient: Patient, who: string) {
  const response = await page.goto(path);
  expect(response?.status(), `${who} → ${path}`).toBe(status);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(status === 403 ? "Accès refusé" : "Page introuvable");
  await expectNoPatientData(page, patient, `${who} → ${path}`);
}

test("a GP cannot open another GP's request, by URL or from their list", async ({ browser }) => {
  const { requestId, number, patient } = shared;
  await as(browser, OWNER_GP, async (owner) => {
    await owner.goto(`/demandes/${requestId}`);
    await expect(owner.getByRole("heading", { level: 1 })).toHaveText(`Demande ${number}`);
    await expect(owner.getByRole("region", { name: "Patient et demande", exact: true })).toContainText(patient.birthName);
  });
  await as(browser, OTHER_GP, async (other) => {
    await expect(other.getByRole("heading", { level: 1 })).toHaveText("Mes demandes");
    await expectNoPatientData(other, patient, "liste d'un autre médecin");
    await expectStatus(other, `/demandes/${requestId}`, 404, patient, "autre médecin");
  });
});

test("a team member cannot open a referral to another structure, by URL or from their inbox", async ({ browser }) => {
  const { referralId, number, patient } = shared;
  await as(browser, EMSP_MEMBER, async (emsp) => {
    await emsp.goto(`/equipe/orientations/${referralId}`);
    await expect(emsp.getByRole("heading", { level: 1 })).toHaveText(`Orientation ${number}`);
  });
  await as(browser, HAD_MEMBER, async (had) => {
    await expect(had.getByRole("link", { name: number, exact: true })).toHaveCount(0);
    await expectNoPatientData(had, patient, "boîte de l'HAD");
    await expectStatus(had, `/equipe/orientations/${referralId}`, 404, patient, "HAD");
  });
});

test("a coordinator of other territories cannot open a Meuse request, by URL or from the queue", async ({ browser }) => {
  const { requestId, number, patient } = shared;
  await as(browser, IDEC_PACA, async (paca) => {
    await expect(paca.getByRole("article", { name: number, exact: true })).toHaveCount(0);
    await expectNoPatientData(paca, patient, "file PACA");
    await expectStatus(paca, `/coordination/demandes/${requestId}`, 404, patient, "IDEC PACA");
  });
});

// Which request pages each role is refused (403), whatever the row: `shared` is filled in beforeAll.
const REFUSED: [Login, (f: Fixture) => string[]][] = [
  [OWNER_GP, (f) => [...coordinationPaths(f), ...teamPaths(f)]],
  [ARS_USER, (f) => [...gpPaths(f), ...coordinationPaths(f), ...teamPaths(f)]],
  [ADMIN_USER, (f) => [...gpPaths(f), ...coordinationPaths(f), ...teamPaths(f)]],
  [IDEC_MEUSE, (f) => [...gpPaths(f), ...teamPaths(f)]],
  [EMSP_MEMBER, (f) => [...gpPaths(f), ...coordinationPaths(f)]],
];
function gpPaths(f: Fixture) {
  return ["/demandes", "/demandes/nouvelle", `/demandes/${f.requestId}`];
}
function coordinationPaths(f: Fixture) {
  return ["/coordination", "/coordination/appel", `/coordination/demandes/${f.requestId}`];
}
function teamPaths(f: Fixture) {
  return ["/equipe", `/equipe/orientations/${f.referralId}`];
}

for (const [login, paths] of REFUSED) {
  test(`${login.role} (${login.email}) is refused (403) the request pages of the other roles, by URL`, async ({ browser }) => {
    await as(browser, login, async (page) => {
      for (const path of paths(shared)) await expectStatus(page, path, 403, shared.patient, login.email);
    });
  });
}

test("an anonymous visitor is sent to the sign-in page from every request page", async ({ page }) => {
  const { requestId, referralId, patient } = shared;
  const paths = [
    "/demandes/nouvelle",
    `/demandes/${requestId}`,
    "/coordination/appel",
    `/coordination/demandes/${requestId}`,
    `/equipe/orientations/${referralId}`,
  ];
  for (const path of paths) {
    await page.goto(path);
    await expect(page, path).toHaveURL(`/connexion?callbackUrl=${encodeURIComponent(path)}`);
    await expectNoPatientData(page, patient, `anonyme → ${path}`);
  }
});

// A path's type: ids (cuid, numbers) stand for any id, so that one structure page stands for all.
function pageType(path: string): string {
  return path.replace(/\/(?:c[a-z0-9]{20,}|\d+)(?=\/|$)/g, "/:id");
}

for (const login of [ARS_USER, ADMIN_USER]) {
  test(`${login.role} never sees a patient's name on any page they can reach`, async ({ browser }) => {
    test.setTimeout(90_000);
    const { patient } = shared;
    await as(browser, login, async (page) => {
      // One page of each type reachable from the home page by following links (and the files
      // some links download, e.g. CSV exports).
      const origin = new URL(page.url()).origin;
      const seen = new Set<string>();
      const queue = [new URL(page.url()).pathname];
      while (queue.length > 0 && seen.size < 40) {
        const path = queue.shift()!;
        if (seen.has(pageType(path))) continue;
        seen.add(pageType(path));
        const response = await page.goto(path).catch((error: Error) => {
          if (!error.message.includes("Download is starting")) throw error;
          return null;
        });
        if (!response) {
          const file = await page.context().request.get(path);
          expect(file.status(), path).toBeLessThan(400);
          expect(await file.text(), `${login.role} → ${path} (fichier)`).not.toContain(patient.birthName);
          continue;
        }
        expect(response.status(), path).toBeLessThan(500);
        await expectNoPatientData(page, patient, `${login.role} → ${path}`);
        // getAttribute, not .href: the map's SVG links have an SVGAnimatedString there.
        const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
        for (const href of hrefs) {
          const url = new URL(href, page.url());
          if (url.origin === origin && !url.pathname.startsWith("/api/") && !seen.has(pageType(url.pathname))) queue.push(url.pathname);
        }
      }
      expect([...seen], "pages visitées").toContain("/territoires");
    });
  });
}

// Replays a captured action as each of `logins`, from contexts of their own, and checks the refusal.
async function replayAs(browser: Browser, logins: Login[], captured: CapturedAction, check: (reply: ActionReply, who: string) => void) {
  for (const login of logins) {
    const context = await signedInContext(browser, login);
    check(await replayAction(context.request, captured), login.email);
    await context.close();
  }
}

async function replayAnonymously(browser: Browser, captured: CapturedAction) {
  const context = await browser.newContext();
  expectSignInRedirect(await replayAction(context.request, captured), "anonyme");
  await context.close();
}

test("claiming a request, forged by other roles or another territory's coordinator, is refused", async ({ browser }) => {
  test.setTimeout(90_000);
  const patient = newPatient("FORGE");
  const [gp, idec] = await Promise.all([signedInPage(browser, OWNER_GP), signedInPage(browser, IDEC_MEUSE)]);
  const { id } = await fileRequest(gp, patient);
  await idec.goto(`/coordination/demandes/${id}`);
  const claim = await captureAction(idec, () =>
    idec.getByRole("form", { name: "Prendre en charge" }).getByRole("button", { name: "Prendre en charge" }).click(),
  );

  // Wrong roles (even the GP who filed it): refused before anything is read. Another territory's
  // nurse: "not found", as for a request that does not exist.
  await replayAs(browser, [OWNER_GP, EMSP_MEMBER, ARS_USER, ADMIN_USER], claim, expectForbidden);
  await replayAs(browser, [IDEC_PACA], claim, expectNotFound);
  await replayAnonymously(browser, claim);

  // Nothing changed: still waiting to be claimed.
  await idec.reload();
  await expect(pageHeader(idec)).toContainText("Reçue");
  await expect(idec.getByRole("region", { name: "Suivi", exact: true })).toContainText("Personne pour l'instant");
  // Positive control: the same call from the nurse of the territory goes through.
  expect((await replayAction(idec.context().request, claim)).result).toMatchObject({ ok: true });
  await idec.reload();
  await expect(pageHeader(idec)).toContainText("En cours d'analyse");
  await Promise.all([gp.context().close(), idec.context().close()]);
});

test("orienting, noting and closing a request, forged by another territory's coordinator or a GP, are refused", async ({ browser }) => {
  test.setTimeout(90_000);
  const patient = newPatient("FORGE");
  const [gp, idec] = await Promise.all([signedInPage(browser, OWNER_GP), signedInPage(browser, IDEC_MEUSE)]);
  const { id } = await fileRequest(gp, patient);
  await claimOnRequestPage(idec, id);

  // The forms as the Meuse nurse sends them, stopped on their way.
  const orientForm = await fillOrientForm(idec, [EMSP]);
  const orientation = await captureAction(idec, () => orientForm.getByRole("button", { name: "Orienter la demande" }).click());
  await idec.reload();
  const secret = `Note forgée ${patient.birthName}`;
  await idec.getByLabel("Note de coordination").fill(secret);
  const note = await captureAction(idec, () => idec.getByRole("button", { name: "Ajouter la note" }).click());
  await idec.reload();
  await idec.getByLabel("Issue de la demande").selectOption({ label: "Patient décédé" });
  await idec.getByLabel("Synthèse pour le médecin").fill(`Clôture forgée ${patient.birthName}`);
  const closure = await captureAction(idec, () => idec.getByRole("button", { name: "Clôturer la demande" }).click());

  for (const captured of [orientation, note, closure]) {
    await replayAs(browser, [IDEC_PACA], captured, expectNotFound);
    await replayAs(browser, [OWNER_GP, HAD_MEMBER], captured, expectForbidden);
  }
  await idec.reload();
  await expect(pageHeader(idec)).toContainText("En cours d'analyse");
  await expect(idec.getByText("Aucune orientation pour l'instant.")).toBeVisible();
  await expect(idec.locator("main")).not.toContainText(secret);
  await expect(idec.locator("main")).not.toContainText("Clôture forgée");
  // Positive control: the nurse's own orientation, sent the same way, is recorded.
  expect((await replayAction(idec.context().request, orientation)).result).toMatchObject({ ok: true });
  await idec.reload();
  await expect(pageHeader(idec)).toContainText("Orientée");
  await Promise.all([gp.context().close(), idec.context().close()]);
});

test("a team's answers, forged by another team or other roles, are refused", async ({ browser }) => {
  test.setTimeout(90_000);
  const patient = newPatient("FORGE");
  const [gp, idec, emsp] = await Promise.all([signedInPage(browser, OWNER_GP), signedInPage(browser, IDEC_MEUSE), signedInPage(browser, EMSP_MEMBER)]);
  const { id, number } = await fileRequest(gp, patient);
  await claimOnRequestPage(idec, id);
  await orient(idec, [EMSP]);
  await openReferral(emsp, number);
  const accept = await captureAction(emsp, () => emsp.getByRole("button", { name: "Accepter l'orientation" }).click());

  await replayAs(browser, [HAD_MEMBER], accept, expectNotFound);
  await replayAs(browser, [OWNER_GP, IDEC_MEUSE, ADMIN_USER], accept, expectForbidden);
  await replayAnonymously(browser, accept);

  await emsp.reload();
  await expect(pageHeader(emsp)).toContainText("Proposée");
  await idec.reload();
  await expect(referralCard(idec, EMSP)).toContainText("Proposée");
  // Positive control: the EMSP's own call goes through.
  expect((await replayAction(emsp.context().request, accept)).result).toMatchObject({ ok: true, message: "Orientation acceptée." });
  await emsp.reload();
  await expect(pageHeader(emsp)).toContainText("Acceptée");

  // The first contact, forged by the other team: refused, the referral stays accepted.
  const contact = await captureAction(emsp, () => emsp.getByRole("button", { name: "Enregistrer le premier contact" }).click());
  await replayAs(browser, [HAD_MEMBER], contact, expectNotFound);
  await emsp.reload();
  await expect(pageHeader(emsp)).toContainText("Acceptée");
  await Promise.all([gp.context().close(), idec.context().close(), emsp.context().close()]);
});

test("the GP's filing action is refused to every other role", async ({ browser }) => {
  const patient = newPatient("FORGE");
  const gp = await signedInPage(browser, OWNER_GP);
  await gp.goto("/demandes/nouvelle");
  await fillNewRequest(gp, patient);
  const filing = await captureAction(gp, () => gp.getByRole("button", { name: "Envoyer la demande" }).click());

  await replayAs(browser, [IDEC_MEUSE, EMSP_MEMBER, ARS_USER, ADMIN_USER], filing, expectForbidden);
  await replayAnonymously(browser, filing);
  // Positive control: the GP's own call files the request (and redirects to it).
  const own = await replayAction(gp.context().request, filing);
  expect(own.redirect).toMatch(/^\/demandes\/[^/?]+\?envoyee=1/);
  await gp.goto("/demandes");
  await expect(gp.getByRole("link", { name: new RegExp(`— ${patient.birthName} `) })).toHaveCount(1);
  await gp.context().close();
});
