// Issue 12: accounts run from the app. The administrator creates a coordinator and a team member, who receive the
// invitation (no SMTP in the browser tests: the administrator's delivery view keeps it, with its
// link), chooses a password (a weak one is refused at the field) and signs in; she invites a team
// member of her territory, who does the same; the administrator deactivates that account and its
// open session stops at its next page.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { ADMIN_USER, ARS_USER, DEMO_GP, EMSP_MEMBER, IDEC_MEUSE } from "./accounts";
import { expectAccessible, signIn } from "./fixtures";
import { signedInPage } from "./requests";

const STRONG = "girafe-pendule-orage-31";

/** The invitation link kept in the delivery view for this address (the worker runs in the app). */
async function invitationLink(admin: Page, email: string): Promise<string> {
  const mail = admin.getByTestId("deliveries").getByRole("listitem").filter({ hasText: email }).first();
  await expect(async () => {
    await admin.goto("/admin/envois?statut=KEPT");
    await expect(mail).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(mail).toContainText("Votre accès à Maillage");
  await mail.getByText("Texte du message").click();
  const text = (await mail.textContent()) ?? "";
  const link = /https?:\/\/\S+\/invitation\/[\w-]{43}/.exec(text)?.[0];
  expect(link, "le lien d'invitation dans le message").toBeTruthy();
  return new URL(link!).pathname;
}

/** A fresh browser (no session) opens the link, is refused a weak password, then sets a strong one and signs in. */
async function acceptInvitation(browser: Browser, path: string, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bienvenue sur Maillage");
  await expect(page.getByText(email)).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Nouveau mot de passe").fill("motdepasse123");
  await page.getByLabel("Retapez le mot de passe").fill("motdepasse123");
  await page.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
  await expect(page.locator("#field-password-error")).toContainText("Mot de passe trop faible");
  await page.getByLabel("Nouveau mot de passe").fill(STRONG);
  await page.getByLabel("Retapez le mot de passe").fill(STRONG);
  await page.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
  await expect(page).toHaveURL(/\/connexion\?invitation=ok/);
  await expect(page.getByText("Mot de passe enregistré.")).toBeVisible();
  await expect(page.getByLabel("Adresse e-mail")).toHaveValue(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill(STRONG);
  await page.getByRole("button", { name: "Se connecter" }).click();
  return page;
}

test("the admin invites a coordinator and a team member, who set their passwords and sign in; the coordinator invites another team member; deactivation ends that member's session", async ({
  browser,
}) => {
  test.slow();
  const suffix = Date.now().toString(36);
  const coordinatorEmail = `idec.${suffix}@e2e.maillage.fr`;
  const firstMemberEmail = `equipe1.${suffix}@e2e.maillage.fr`;
  const memberEmail = `equipe.${suffix}@e2e.maillage.fr`;
  const admin = await signedInPage(browser, ADMIN_USER);

  await admin.getByRole("link", { name: "Créer un compte et l'inviter" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Créer un compte");
  await admin.getByLabel("Prénom et nom").fill("Inès Nouvelle");
  await admin.getByLabel("Adresse e-mail").fill(coordinatorEmail);
  await admin.getByLabel("Rôle").selectOption({ label: "Infirmier·e de coordination (IDEC)" });
  // Without a territory, the form says so at the field and keeps what was typed.
  await admin.getByRole("button", { name: "Créer le compte et envoyer l'invitation" }).click();
  await expect(admin.locator("#field-territoryIds-error")).toHaveText("Choisissez au moins un territoire pour ce rôle.");
  await expect(admin.getByLabel("Prénom et nom")).toHaveValue("Inès Nouvelle");
  await admin.getByRole("checkbox", { name: "Meuse Sud (Bar-le-Duc)" }).check();
  await expectAccessible(admin);
  await admin.getByRole("button", { name: "Créer le compte et envoyer l'invitation" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Inès Nouvelle");
  await expect(admin.getByText("Invité (mot de passe pas encore choisi)")).toBeVisible();

  const idec = await acceptInvitation(browser, await invitationLink(admin, coordinatorEmail), coordinatorEmail);
  await expect(idec).toHaveURL("/coordination");

  // The administrator invites a team member herself (a structure for this role).
  await admin.goto("/comptes/nouveau");
  await admin.getByLabel("Prénom et nom").fill("Louise Première");
  await admin.getByLabel("Adresse e-mail").fill(firstMemberEmail);
  await admin.getByLabel("Rôle").selectOption("TEAM_MEMBER");
  await admin.getByRole("checkbox", { name: /EMSP du Centre hospitalier de Bar-le-Duc/ }).check();
  await admin.getByRole("button", { name: "Créer le compte et envoyer l'invitation" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Louise Première");
  const firstMember = await acceptInvitation(browser, await invitationLink(admin, firstMemberEmail), firstMemberEmail);
  await expect(firstMember).toHaveURL("/equipe");

  // Delegated administration: her team members only, of her territory's structures.
  await idec.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Comptes" }).click();
  await expect(idec.getByRole("heading", { level: 1 })).toHaveText("Comptes des équipes de mes territoires");
  await idec.getByRole("link", { name: "Inviter un membre d'équipe" }).click();
  await expect(idec.getByLabel("Rôle")).toHaveValue("TEAM_MEMBER");
  await idec.getByLabel("Prénom et nom").fill("Théo Soignant");
  await idec.getByLabel("Adresse e-mail").fill(memberEmail);
  await idec.getByRole("checkbox", { name: /EMSP du Centre hospitalier de Bar-le-Duc/ }).check();
  await idec.getByRole("button", { name: "Créer le compte et envoyer l'invitation" }).click();
  await expect(idec.getByRole("heading", { level: 1 })).toHaveText("Théo Soignant");

  const member = await acceptInvitation(browser, await invitationLink(admin, memberEmail), memberEmail);
  await expect(member).toHaveURL("/equipe");

  // The coordinator closes the account: the member's open page sends them to the sign-in page.
  await idec.getByRole("button", { name: "Désactiver le compte" }).click();
  await expect(idec.getByRole("status").filter({ hasText: "Compte désactivé" })).toHaveText("Compte désactivé : 1 session ouverte fermée.");
  await expect(idec.getByRole("button", { name: "Réactiver le compte" })).toBeVisible();
  await member.goto("/equipe");
  await expect(member).toHaveURL(/\/connexion/);
  await signIn(member, memberEmail, STRONG);
  await expect(member.getByRole("alert").filter({ hasText: "incorrect" })).toBeVisible();

  for (const page of [admin, idec, firstMember, member]) await page.context().close();
});

test("« Mot de passe oublié » gives an unknown address the answer an account gets", async ({ page }) => {
  await page.goto("/connexion");
  await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mot de passe oublié");
  await page.getByLabel("Adresse e-mail de votre compte").fill("personne@exemple.fr");
  await page.getByRole("button", { name: "Recevoir un lien par e-mail" }).click();
  await expect(page.getByRole("status")).toContainText("Si un compte actif correspond à cette adresse");
  await expectAccessible(page);
});

test("the accounts pages are refused to the GP, the teams and the ARS; a coordinator cannot open an account outside her teams", async ({ browser }) => {
  for (const login of [DEMO_GP, EMSP_MEMBER, ARS_USER]) {
    const page = await signedInPage(browser, login);
    for (const path of ["/comptes", "/comptes/nouveau"]) {
      const response = await page.goto(path);
      expect(response?.status(), `${login.role} → ${path}`).toBe(403);
    }
    await page.context().close();
  }
  const admin = await signedInPage(browser, ADMIN_USER);
  await admin.goto("/comptes");
  await admin.getByRole("link", { name: DEMO_GP.name }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(DEMO_GP.name);
  const gpAccount = new URL(admin.url()).pathname;
  const idec = await signedInPage(browser, IDEC_MEUSE);
  expect((await idec.goto(gpAccount))?.status()).toBe(404);
  await idec.goto("/comptes");
  await expect(idec.getByRole("region", { name: "Tableau des comptes" })).not.toContainText(DEMO_GP.email);
  await expect(idec.getByRole("region", { name: "Tableau des comptes" })).toContainText(EMSP_MEMBER.email);
  for (const page of [admin, idec]) await page.context().close();
});
