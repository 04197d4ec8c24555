// Messages (issue 13): the Meuse nurse asks the GP a question in the request's conversation; the
// GP reads it and answers from a phone (Pixel 7); « lu par » tells the nurse. Words are shown as
// typed: an HTML or script payload is text, never markup (no script runs, no image is made).
import { expect, test, type Page } from "@playwright/test";
import { IDEC_MEUSE, MOBILE_GP } from "./accounts";
import { expectAccessible } from "./fixtures";
import { claimOnRequestPage, fileRequest, newPatient, signedInPage } from "./requests";

const PAYLOAD = `<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2"><b>gras</b>`;

async function expectNoHorizontalScroll(page: Page, when: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `défilement horizontal (${when})`).toBeLessThanOrEqual(0);
}

test("the nurse asks the GP a question; the GP answers from a phone; a script in a message stays text", async ({ browser }) => {
  test.slow(); // two people, on a busy 2-core machine
  const gp = await signedInPage(browser, { ...MOBILE_GP, role: "GP" });
  const idec = await signedInPage(browser, IDEC_MEUSE);
  const { id } = await fileRequest(gp, newPatient("MESSAGE"));
  await claimOnRequestPage(idec, id);
  // The coordinator's page on a phone too (a long option in a select once widened it off-screen).
  await expectNoHorizontalScroll(idec, "page de la coordination");
  await expectAccessible(idec);

  const question = "Docteur, le patient a-t-il une ordonnance de morphine à domicile ?";
  const write = idec.getByRole("form", { name: "Écrire un message" });
  await write.getByRole("button", { name: "Envoyer le message" }).click();
  await expect(write.getByText("Écrivez votre message.")).toBeVisible();
  await write.getByLabel("Message", { exact: true }).fill(`${question}\n${PAYLOAD}`);
  await write.getByRole("button", { name: "Envoyer le message" }).click();
  await expect(write.getByRole("status")).toHaveText("Message envoyé.");
  const idecMessages = idec.getByRole("list", { name: "Messages" });
  await expect(idecMessages).toContainText(question);
  await expect(idecMessages.getByRole("listitem").first()).toContainText("Pas encore lu");

  // The GP, on the phone: the question is there, the payload as text, nothing ran.
  await gp.goto(`/demandes/${id}`);
  const messages = gp.getByRole("list", { name: "Messages" });
  await expect(messages).toContainText(question);
  await expect(messages).toContainText(PAYLOAD);
  await expect(messages.locator("img, script, b")).toHaveCount(0);
  expect(await gp.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expectNoHorizontalScroll(gp, "conversation");
  await expectAccessible(gp);

  const answer = gp.getByRole("form", { name: "Écrire un message" });
  await answer.getByLabel("Message", { exact: true }).fill("Oui : morphine LP 30 mg matin et soir, et interdoses.");
  await answer.getByRole("button", { name: "Envoyer le message" }).click();
  await expect(answer.getByRole("status")).toHaveText("Message envoyé.");
  await expect(messages.getByRole("listitem")).toHaveCount(2);

  // The nurse: the answer, and her question read by the GP.
  await idec.reload();
  await expect(idecMessages.getByRole("listitem")).toHaveCount(2);
  await expect(idecMessages.getByRole("listitem").first()).toContainText(`Lu par ${MOBILE_GP.name}`);
  await expect(idecMessages.getByRole("listitem").last()).toContainText("morphine LP 30 mg");
  for (const page of [gp, idec]) await page.context().close();
});
