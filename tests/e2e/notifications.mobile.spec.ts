import { expect, test } from "@playwright/test";
import { ADMIN_USER, DEMO_PASSWORD, demoAccount } from "./accounts";
import { expectAccessible, signIn } from "./fixtures";
import { signedInPage } from "./requests";

test("on a phone, the bell is in reach (44 px), the notification centre, the preferences and the delivery view fit the screen", async ({ page, browser }) => {
  await signIn(page, demoAccount("GP").email, DEMO_PASSWORD);
  const bell = page.getByRole("link", { name: /^Notifications : / });
  const box = (await bell.boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(44);
  expect(box.height).toBeGreaterThanOrEqual(44);
  await bell.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Notifications");
  for (const path of ["/notifications", "/notifications/preferences"]) {
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), path).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  }
  const admin = await signedInPage(browser, ADMIN_USER);
  await admin.setViewportSize(page.viewportSize()!);
  await admin.goto("/admin/envois");
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Envois des notifications");
  expect(await admin.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await expectAccessible(admin);
  await admin.context().close();
});
