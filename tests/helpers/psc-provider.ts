// A local stand-in for Pro Santé Connect, for the tests: a real OpenID Connect provider (npm
// oidc-provider) on 127.0.0.1 that answers like PSC — its discovery at the non-standard
// /.well-known/wallet-openid-configuration, `scope_all` with SubjectNameID (« 8 » + RPPS),
// SubjectRefPro (professions), the names, and the level of assurance in the ID token's `acr`.
// Its sign-in page lists the test professionals: one click signs in as one of them.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export type PscTestAccount = { id: string; label: string; acr: string; rpps: string; given: string; family: string; profession: string };

export const PSC_TEST_ACCOUNTS: PscTestAccount[] = [
  {
    id: "medecin-sans-compte",
    label: "Dr Lina Cartier, médecin (sans compte Maillage)",
    acr: "eidas1",
    rpps: "10101010105",
    given: "Lina",
    family: "Cartier",
    profession: "10",
  },
  {
    id: "infirmier-sans-compte",
    label: "Marc Dulac, infirmier (sans compte Maillage)",
    acr: "eidas1",
    rpps: "10202020201",
    given: "Marc",
    family: "Dulac",
    profession: "60",
  },
  {
    id: "medecin-carte-faible",
    label: "Dr Paul Faible, médecin (authentification faible)",
    acr: "eidas0",
    rpps: "10303030307",
    given: "Paul",
    family: "Faible",
    profession: "10",
  },
];

export type PscTestProvider = { issuer: string; clientId: string; clientSecret: string; close(): Promise<void> };

export async function startPscProvider({
  redirectUris,
  clientId = "maillage-test",
  clientSecret = "secret-de-test-pro-sante-connect-0123456789",
}: {
  redirectUris: string[];
  clientId?: string;
  clientSecret?: string;
}): Promise<PscTestProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map(PSC_TEST_ACCOUNTS.map((a) => [a.id, a]));

  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: redirectUris, response_types: ["code"], grant_types: ["authorization_code"] }],
    scopes: ["openid", "scope_all"],
    claims: { openid: ["sub"], scope_all: ["SubjectNameID", "SubjectRefPro", "given_name", "family_name"] },
    acrValues: ["eidas0", "eidas1", "eidas2"],
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: { devInteractions: { enabled: false } },
    // PSC asks no consent of its own for a registered service: the grant is given at sign-in.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope("openid scope_all");
      await grant.save();
      return grant;
    },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          return {
            sub: `f:psc:${account.id}`,
            SubjectNameID: `8${account.rpps}`,
            given_name: account.given,
            family_name: account.family,
            SubjectRefPro: { codeCivilite: "", exercices: [{ codeProfession: account.profession, codeCategorieProfessionnelle: "C", activities: [] }] },
          };
        },
      };
    },
    cookies: { keys: ["cle-des-cookies-du-fournisseur-de-test"] },
  });

  const callback = provider.callback();
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const url = new URL(req.url ?? "/", issuer);
      if (url.pathname === "/.well-known/wallet-openid-configuration") req.url = "/.well-known/openid-configuration";
      const interaction = /^\/interaction\/([\w-]+)$/.exec(url.pathname);
      if (!interaction) return callback(req, res);
      if (req.method === "GET") {
        await provider.interactionDetails(req, res);
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        const buttons = PSC_TEST_ACCOUNTS.map((a) => `<li><button name="account" value="${a.id}">${a.label}</button></li>`).join("");
        return res.end(
          `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Pro Santé Connect (test)</title></head><body><main><h1>Pro Santé Connect — environnement de test</h1><form method="post"><ul>${buttons}</ul></form></main></body></html>`,
        );
      }
      const body = await new Promise<string>((resolve) => {
        let data = "";
        req.on("data", (chunk: Buffer) => (data += chunk.toString()));
        req.on("end", () => resolve(data));
      });
      const account = accounts.get(new URLSearchParams(body).get("account") ?? "");
      if (!account) {
        res.writeHead(400);
        return res.end("compte inconnu");
      }
      await provider.interactionFinished(req, res, { login: { accountId: account.id, acr: account.acr } }, { mergeWithLastSubmission: false });
    })().catch((error: unknown) => {
      res.writeHead(500);
      res.end(error instanceof Error ? error.message : "erreur");
    });
  });

  return { issuer, clientId, clientSecret, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
