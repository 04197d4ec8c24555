// The administrator's home on a phone: the accounts table is wider than the screen, so it scrolls
// sideways — with the keyboard too (a focusable region), and the page passes axe at that size.
import { expect, test } from "@playwright/test";
import { ADMIN_USER } from "./accounts";
import { expectAccessible, signIn } from "./fixtures";

test("an administrator on a phone scrolls the accounts table with the keyboard, and the page is accessible", async ({ page }) => {
  await signIn(page, ADMIN_USER.email, ADMIN_USER.password);
  await expect(page).toHaveURL("/admin");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Administration du dispositif");
  await expectAccessible(page);
  const accounts = page.getByRole("region", { name: "Tableau des comptes" });
  await expect(accounts).toBeVisible();
  // Wider than the phone: it scrolls, the page itself does not.
  expect(await accounts.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await accounts.focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => accounts.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  await expect(page.getByRole("heading", { level: 3, name: "Meuse Sud (Bar-le-Duc)" })).toBeVisible();
});
