import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { ZSignIn } from "@/lib/auth/schemas";
import { authenticateUser } from "@/lib/auth/authenticate-user";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { revokeSession } from "@/lib/auth/sessions";
import { clientAddress } from "@/lib/client-address";
import { isPscConfigured, proSanteConnectProvider, PSC_PROVIDER_ID } from "@/lib/auth/pro-sante-connect";
import { signInWithProSanteConnect, type PscClaims } from "@/lib/auth/sign-in-with-psc";

// next-auth configuration: e-mail + password, and Pro Santé Connect when configured; JWT sessions that expire after SESSION_MAX_AGE_HOURS
// without activity. The token carries the user id and the id of a server-side session
// (user_session); role, memberships and the session's state are re-read from the database at every
// request (requireUser), so a deactivated account, a changed role, a sign-out, a password change
// or the session's absolute end (SESSION_ABSOLUTE_MAX_HOURS) take effect at once.
export function getAuthOptions(): NextAuthOptions {
  const config = env();
  const publicUrl = new URL(config.NEXTAUTH_URL);
  return {
    secret: config.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: config.SESSION_MAX_AGE_HOURS * 3600, updateAge: 15 * 60 },
    jwt: { maxAge: config.SESSION_MAX_AGE_HOURS * 3600 },
    // Secure cookies with the __Secure- / __Host- prefixes whenever the public URL is HTTPS, decided
    // from our validated setting (next-auth alone reads NEXTAUTH_URL itself, unset = plain cookies).
    useSecureCookies: publicUrl.protocol === "https:",
    pages: { signIn: "/connexion", error: "/connexion" },
    providers: [
      CredentialsProvider({
        name: "E-mail et mot de passe",
        credentials: { email: { label: "Adresse e-mail", type: "email" }, password: { label: "Mot de passe", type: "password" } },
        async authorize(credentials, request) {
          const parsed = ZSignIn.safeParse(credentials ?? {});
          if (!parsed.success) return null;
          const address = clientAddress(new Headers(request.headers as Record<string, string>));
          const result = await authenticateUser({ ...parsed.data, address });
          if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name, sessionId: result.sessionId };
          // next-auth sends this text back to the sign-in form as the error code.
          if (result.reason === "LOCKED") throw new Error(`LOCKED:${result.minutesLeft}`);
          if (result.reason === "RATE_LIMITED") throw new Error(`RATE_LIMITED:${result.retryAfterSeconds}`);
          return null;
        },
      }),
      ...(isPscConfigured(config) ? [proSanteConnectProvider(config)] : []),
    ],
    callbacks: {
      // Pro Santé Connect has identified the person: our account for them (or a refusal, said on the
      // sign-in page), and a server-side session, carried to the token as for a password.
      async signIn({ user, account, profile }) {
        if (account?.provider !== PSC_PROVIDER_ID) return true;
        // A failure on our side (database down) would otherwise reach the sign-in page's URL as the
        // error's own text: it is said as « momentanément indisponible », by its code only.
        const result = await signInWithProSanteConnect({ claims: (profile ?? {}) as PscClaims }).catch(() => null);
        if (!result) return `${publicUrl.origin}/connexion?error=UNAVAILABLE`;
        if (!result.ok) return `${publicUrl.origin}/connexion?error=PSC_${result.reason}`;
        Object.assign(user, { id: result.userId, email: result.email, name: result.name, sessionId: result.sessionId });
        return true;
      },
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sid = (user as { sessionId?: string }).sessionId;
        }
        return token;
      },
      session({ session, token }) {
        // Expose nothing but the ids; pages get the rest from requireUser().
        const str = (value: unknown) => (typeof value === "string" ? value : undefined);
        return { ...session, user: { id: str(token.uid), sid: str(token.sid), name: session.user?.name, email: session.user?.email } };
      },
      // Only paths of this site (after the same normalisation as the sign-in page), never elsewhere.
      redirect({ url, baseUrl }) {
        const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
        return `${baseUrl}${safeCallbackPath(path) ?? "/"}`;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await revokeSession({ sessionId: token.sid });
      },
    },
  };
}
