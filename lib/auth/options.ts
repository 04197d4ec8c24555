import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { ZSignIn } from "@/lib/auth/schemas";
import { authenticateUser } from "@/lib/auth/authenticate-user";

// next-auth configuration: e-mail + password, JWT sessions that expire after SESSION_MAX_AGE_HOURS.
// The token carries only the user id; role and memberships are re-read from the database at every
// request (requireUser), so a deactivated account or a changed role takes effect at once.
export function getAuthOptions(): NextAuthOptions {
  const config = env();
  return {
    secret: config.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: config.SESSION_MAX_AGE_HOURS * 3600, updateAge: 15 * 60 },
    jwt: { maxAge: config.SESSION_MAX_AGE_HOURS * 3600 },
    pages: { signIn: "/connexion", error: "/connexion" },
    providers: [
      CredentialsProvider({
        name: "E-mail et mot de passe",
        credentials: { email: { label: "Adresse e-mail", type: "email" }, password: { label: "Mot de passe", type: "password" } },
        async authorize(credentials) {
          const parsed = ZSignIn.safeParse(credentials ?? {});
          if (!parsed.success) return null;
          const result = await authenticateUser(parsed.data);
          if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name };
          // next-auth sends this text back to the sign-in form as the error code.
          if (result.reason === "LOCKED") throw new Error(`LOCKED:${result.minutesLeft}`);
          return null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.uid = user.id;
        return token;
      },
      session({ session, token }) {
        // Expose nothing but the id; pages get the rest from requireUser().
        return { ...session, user: { id: typeof token.uid === "string" ? token.uid : undefined, name: session.user?.name, email: session.user?.email } };
      },
    },
  };
}
