// Issue 18: the form said « réponse sous 24-48 h » but a Friday-evening crisis was counted in
// opening hours. The promise is now one computation and one wording: the date and hour the GP
// reads on the form before sending are those of the confirmation, of the GP's list and of the
// nurse's queue, with what the delay is counted in (Meuse Sud: its on-call hours, every day
// 8:00–20:00, public holidays included). The exact dates of Friday 19:00 and of a holiday's eve
// are tested on a fixed clock in lib/requests/due-dates.test.ts and tests/integration/file-request.test.ts.
import { expect, test, type Locator } from "@playwright/test";
import { IDEC_MEUSE, JOURNEY_GP } from "./accounts";
import { MEUSE_SUD, fillNewRequest, landedOnNewRequest, newPatient, signedInPage } from "./requests";

const SENTENCE = /(Prise en charge|Premier contact) au plus tard le (\S+ (\d\d)\/(\d\d)\/(\d{4}) à (\d\d):(\d\d)) \(([^)]+)\)/g;

type Promise_ = { what: string; when: string; minute: number; clock: string };

async function promisesIn(locator: Locator): Promise<Promise_[]> {
  const text = (await locator.textContent()) ?? "";
  return [...text.matchAll(SENTENCE)].map((m) => ({
    what: m[1]!,
    when: m[2]!,
    minute: Date.UTC(+m[5]!, +m[4]! - 1, +m[3]!, +m[6]!, +m[7]!) / 60_000,
    clock: m[8]!,
  }));
}

test("a crisis: the date, hour and clock promised on the form are those of the confirmation, the GP's list and the nurse's queue", async ({ browser }) => {
  test.setTimeout(90_000);
  const [gp, idec] = await Promise.all([signedInPage(browser, JOURNEY_GP), signedInPage(browser, IDEC_MEUSE)]);
  const patient = newPatient("PROMESSE");
  await gp.goto("/demandes/nouvelle");
  // The label promises what every territory keeps (ZServiceLevels refuses a clock that cannot).
  await expect(gp.getByRole("radio", { name: /^Situation de crise \(premier contact sous 48 h au plus, week-end compris\)/ })).toBeVisible();
  await fillNewRequest(gp, patient);

  const delays = gp.getByRole("region", { name: `Délais annoncés par ${MEUSE_SUD.name}` });
  await expect(delays).toContainText("Astreinte : lun.–dim. 8 h–20 h, jours fériés compris.");
  const announced = await promisesIn(delays);
  expect(announced.map((p) => [p.what, p.clock])).toEqual([
    ["Prise en charge", "heures d'astreinte, jours fériés compris"],
    ["Premier contact", "heures d'astreinte, jours fériés compris"],
  ]);
  await gp.getByRole("button", { name: "Envoyer la demande" }).click();

  const { number } = await landedOnNewRequest(gp);
  const confirmation = gp.getByRole("status").filter({ hasText: `Demande ${number} envoyée.` });
  const confirmed = await promisesIn(confirmation);
  expect(confirmed.map((p) => [p.what, p.clock])).toEqual(announced.map((p) => [p.what, p.clock]));
  // The form counts from when it was shown, the server from when it received the request: the
  // same minute, or the next one if a minute turned in between.
  for (const [i, p] of confirmed.entries()) expect(p.minute - announced[i]!.minute).toBeGreaterThanOrEqual(0);
  for (const [i, p] of confirmed.entries()) expect(p.minute - announced[i]!.minute).toBeLessThanOrEqual(1);
  const [triage] = confirmed;

  // The GP's list: the next step promised, in the same words.
  await gp.goto("/demandes");
  const card = gp.getByRole("listitem").filter({ has: gp.getByRole("link", { name: new RegExp(`^${number} `) }) });
  await expect(card).toContainText(`Prise en charge au plus tard le ${triage!.when} (${triage!.clock})`);

  // The nurse's queue: the same.
  await idec.goto("/coordination");
  const row = idec.getByRole("article", { name: number, exact: true });
  await expect(row).toContainText(`Prise en charge au plus tard le ${triage!.when} (${triage!.clock})`);
});
