// The GP's new request on a phone (Pixel 7): filled in with the thumb during a home visit.
import { expect, test, type Page } from "@playwright/test";
import { MOBILE_GP } from "./accounts";
import { expectAccessible, formError, signIn } from "./fixtures";
import { MEUSE_SUD, fillNewRequest, landedOnNewRequest, newPatient, pageHeader } from "./requests";

async function expectNoHorizontalScroll(page: Page, when: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `défilement horizontal (${when})`).toBeLessThanOrEqual(0);
}

test("on a phone, a GP fills in and sends a new request, with no horizontal scroll", async ({ page }) => {
  await signIn(page, MOBILE_GP.email, MOBILE_GP.password);
  await expect(page).toHaveURL("/demandes");
  await page.getByRole("link", { name: "Nouvelle demande" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nouvelle demande d'appui");
  await expectNoHorizontalScroll(page, "formulaire vide");
  await expectAccessible(page);
  // The birth date comes up on the numeric keypad.
  await expect(page.getByLabel("Date de naissance")).toHaveAttribute("inputmode", "numeric");

  await page.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(formError(page)).toHaveText("Certains champs sont à corriger.");
  await expectNoHorizontalScroll(page, "formulaire avec erreurs");
  await expectAccessible(page);

  const patient = newPatient("MOBILE", "Homme");
  await fillNewRequest(page, patient, {
    needs: ["Autres symptômes", "Organisation des soins à domicile"],
    urgency: /^Demande programmée/,
    details: "Dyspnée de repos, souhaite rester à domicile.",
  });
  await expect(page.getByRole("region", { name: `Délais annoncés par ${MEUSE_SUD.name}` })).toContainText("Pour une demande programmée");
  await expectNoHorizontalScroll(page, "formulaire rempli");
  // The send button spans the screen's width (a thumb target), and is reachable.
  const send = page.getByRole("button", { name: "Envoyer la demande" });
  const box = (await send.boundingBox())!;
  expect(box.width).toBeGreaterThan(page.viewportSize()!.width * 0.8);
  expect(box.height).toBeGreaterThanOrEqual(44);
  await send.tap();

  const { number } = await landedOnNewRequest(page);
  const confirmation = page.getByRole("status").filter({ hasText: `Demande ${number} envoyée.` });
  await expect(confirmation.getByRole("link", { name: MEUSE_SUD.publicPhone })).toHaveAttribute("href", `tel:${MEUSE_SUD.publicPhone.replaceAll(" ", "")}`);
  await expect(pageHeader(page)).toContainText("Reçue");
  await expectNoHorizontalScroll(page, "confirmation");
  await expectAccessible(page);
});
