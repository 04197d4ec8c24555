// Issue 11: the journey reaches people outside the page they are on. The GP files, the Meuse nurse
// claims and orients, the EMSP accepts: the GP's bell counts each step, the list links to the
// request, « Tout marquer comme lu » empties the bell, and the administrator's delivery view lists
// the e-mails as they would go out (no SMTP in the browser tests: kept, with their text).
import { expect, test } from "@playwright/test";
import { ADMIN_USER, BELL_GP, EMSP_MEMBER, IDEC_MEUSE } from "./accounts";
import { expectAccessible } from "./fixtures";
import { EMSP, claimOnRequestPage, fileRequest, newPatient, openReferral, orient, pageHeader, signedInPage } from "./requests";

const bell = (page: import("@playwright/test").Page) => page.getByRole("link", { name: /^Notifications : / });

test("the GP's bell counts the claim and the acceptance; the list links to the request; the admin sees the e-mails", async ({ browser }) => {
  test.slow();
  const [gp, idec, emsp, admin] = await Promise.all([
    signedInPage(browser, { ...BELL_GP, role: "GP" }),
    signedInPage(browser, IDEC_MEUSE),
    signedInPage(browser, EMSP_MEMBER),
    signedInPage(browser, ADMIN_USER),
  ]);
  // Start from an empty bell (a retried test finds the first try's notifications).
  await gp.goto("/notifications");
  if ((await gp.getByRole("button", { name: "Tout marquer comme lu" }).count()) > 0) {
    await gp.getByRole("button", { name: "Tout marquer comme lu" }).click();
    await expect(gp.getByRole("status")).toContainText("marquée");
  }
  await gp.goto("/demandes");
  await expect(bell(gp)).toHaveAccessibleName("Notifications : aucune non lue");

  const { id, number } = await fileRequest(gp, newPatient("CLOCHE"));
  await claimOnRequestPage(idec, id);
  await gp.goto("/demandes");
  await expect(bell(gp)).toHaveAccessibleName("Notifications : 1 non lue");
  await expect(gp.getByTestId("bell-count")).toHaveText("1");

  await orient(idec, [EMSP]);
  await openReferral(emsp, number);
  await emsp.getByRole("button", { name: "Accepter l'orientation" }).click();
  await expect(emsp.getByRole("status")).toHaveText("Orientation acceptée.");

  await gp.reload();
  await expect(bell(gp)).toHaveAccessibleName("Notifications : 2 non lues");
  await bell(gp).click();
  await expect(gp.getByRole("heading", { level: 1 })).toHaveText("Notifications");
  const list = gp.getByTestId("notification-list");
  await expect(list.getByRole("link", { name: `Non lue : ${number} : une équipe a accepté l'orientation` })).toBeVisible();
  await expect(list.getByRole("link", { name: `Non lue : ${number} : la demande est prise en charge par la coordination` })).toBeVisible();
  await expectAccessible(gp);

  await gp.getByRole("button", { name: "Tout marquer comme lu" }).click();
  await expect(gp.getByRole("status")).toHaveText("2 notifications marquées comme lues.");
  await expect(bell(gp)).toHaveAccessibleName("Notifications : aucune non lue");
  await list.getByRole("link", { name: `${number} : une équipe a accepté l'orientation` }).click();
  await expect(gp).toHaveURL(`/demandes/${id}`);
  await expect(pageHeader(gp)).toContainText("Prise en charge");

  // The worker (inside the app's server) has kept the GP's two e-mails, neutral, with a sign-in link.
  await expect(async () => {
    await admin.goto("/admin/envois?statut=KEPT");
    const mails = admin.getByTestId("deliveries").getByRole("listitem").filter({ hasText: BELL_GP.email });
    await expect(mails).toHaveCount(2);
  }).toPass({ timeout: 30_000 });
  const mail = admin.getByTestId("deliveries").getByRole("listitem").filter({ hasText: BELL_GP.email }).first();
  await expect(mail).toContainText(`Du nouveau sur la demande ${number}`);
  await expect(mail).toContainText("Conservé (pas de SMTP)");
  await mail.getByText("Texte du message").click();
  await expect(mail).toContainText("/connexion?callbackUrl=");
  await expect(mail).not.toContainText("CLOCHE");
  await expectAccessible(admin);

  for (const page of [gp, idec, emsp, admin]) await page.context().close();
});

test("the delivery view is for administrators only; everyone keeps e-mail preferences of their own", async ({ browser, page }) => {
  await page.goto("/admin/envois");
  await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fadmin%2Fenvois/);
  const idec = await signedInPage(browser, IDEC_MEUSE);
  const response = await idec.goto("/admin/envois");
  expect(response?.status()).toBe(403);

  await idec.goto("/notifications/preferences");
  await expect(idec.getByRole("heading", { level: 1 })).toHaveText("Mes notifications par e-mail");
  const group = idec.getByRole("group", { name: "Nouvelle demande dans mon territoire" });
  await group.getByRole("radio", { name: "Dans le récapitulatif du jour" }).check();
  await idec.getByRole("button", { name: "Enregistrer mes préférences" }).click();
  await expect(idec.getByRole("status")).toHaveText("Préférences enregistrées.");
  await idec.reload();
  await expect(
    idec.getByRole("group", { name: "Nouvelle demande dans mon territoire" }).getByRole("radio", { name: "Dans le récapitulatif du jour" }),
  ).toBeChecked();
  await expectAccessible(idec);
  // Back to the default for the other specs.
  await idec.getByRole("group", { name: "Nouvelle demande dans mon territoire" }).getByRole("radio", { name: "Par e-mail, tout de suite" }).check();
  await idec.getByRole("button", { name: "Enregistrer mes préférences" }).click();
  await expect(idec.getByRole("status")).toHaveText("Préférences enregistrées.");
  await idec.context().close();
});
