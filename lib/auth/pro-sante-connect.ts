import type { OAuthConfig } from "next-auth/providers/oauth";
import type { TokenSet } from "openid-client";
import type { Env } from "@/lib/env";
import type { PscClaims } from "@/lib/auth/sign-in-with-psc";

// Pro Santé Connect, the national OpenID Connect provider of health professionals (CPS card,
// e-CPS app), as a next-auth provider. Its facts: the discovery document at the non-standard
// /.well-known/wallet-openid-configuration of the issuer, the authorization on another host (the
// discovery says where), `scope=openid scope_all`, `acr_values=eidas1` (the returned acr is checked
// by signInWithProSanteConnect), a nonce, and the person's RPPS and professions in the userinfo
// (SubjectNameID, SubjectRefPro), which may come back as a signed JWT (PSC_USERINFO_ALG).

export const PSC_PROVIDER_ID = "pro-sante-connect";

export function isPscConfigured(config: Pick<Env, "PSC_ISSUER" | "PSC_CLIENT_ID" | "PSC_CLIENT_SECRET">): boolean {
  return Boolean(config.PSC_ISSUER && config.PSC_CLIENT_ID && config.PSC_CLIENT_SECRET);
}

export function proSanteConnectProvider(
  config: Pick<Env, "PSC_ISSUER" | "PSC_CLIENT_ID" | "PSC_CLIENT_SECRET" | "PSC_ID_TOKEN_ALG" | "PSC_USERINFO_ALG">,
): OAuthConfig<PscClaims> {
  const issuer = config.PSC_ISSUER!.replace(/\/$/, "");
  return {
    id: PSC_PROVIDER_ID,
    name: "Pro Santé Connect",
    type: "oauth",
    wellKnown: `${issuer}/.well-known/wallet-openid-configuration`,
    clientId: config.PSC_CLIENT_ID,
    clientSecret: config.PSC_CLIENT_SECRET,
    authorization: { params: { scope: "openid scope_all", acr_values: "eidas1" } },
    checks: ["state", "nonce"],
    idToken: true,
    client: {
      id_token_signed_response_alg: config.PSC_ID_TOKEN_ALG,
      ...(config.PSC_USERINFO_ALG ? { userinfo_signed_response_alg: config.PSC_USERINFO_ALG } : {}),
    },
    // The ID token says how the person authenticated (acr); the userinfo who they are.
    userinfo: {
      async request({ tokens, client }) {
        // next-auth hands over openid-client's TokenSet (validated ID token, nonce checked).
        const set = tokens as unknown as TokenSet;
        const info = (await client.userinfo(set)) as PscClaims;
        return { ...info, acr: set.claims().acr as string | undefined };
      },
    },
    profile(claims) {
      return {
        id: claims.sub ?? claims.SubjectNameID ?? "",
        name: [claims.given_name, claims.family_name].filter(Boolean).join(" "),
        email: claims.email ?? null,
      };
    },
  };
}
