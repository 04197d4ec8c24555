import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, demoAccount } from "./accounts";
import { expectAccessible, signIn } from "./fixtures";

test("on a phone, a GP signs in and can call the Meuse Sud single number in one tap", async ({ page }) => {
  await signIn(page, demoAccount("GP").email, DEMO_PASSWORD);
  await expect(page).toHaveURL("/demandes");
  const card = page.getByRole("article", { name: /Meuse Sud/ });
  const call = card.getByRole("link", { name: /^0\d( \d\d){4}$/ });
  await expect(call).toBeVisible();
  await expect(call).toHaveAttribute("href", /^tel:0\d{9}$/);
  // Nothing wider than the screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});
