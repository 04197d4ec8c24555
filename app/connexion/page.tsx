import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { signInErrorMessage } from "@/lib/auth/schemas";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { ROLE_HOME } from "@/lib/authz/permissions";
import { SignInForm } from "@/components/auth/sign-in-form";
import { ProSanteConnectButton } from "@/components/auth/pro-sante-connect-button";
import { isPscConfigured } from "@/lib/auth/pro-sante-connect";
import { env } from "@/lib/env";
import { Alert } from "@/components/ui/alert";

export const metadata: Metadata = { title: "Connexion" };

const ZParams = z.object({
  // Only paths of this site: never an open redirect to another one (lib/auth/callback-url.ts).
  callbackUrl: z
    .string()
    .optional()
    .catch(undefined)
    .transform((value) => safeCallbackPath(value) ?? undefined),
  error: z.string().max(100).optional().catch(undefined),
  deconnecte: z.string().optional().catch(undefined),
  // Back from an invitation or a reset link: the password is set, the e-mail is filled in.
  invitation: z.literal("ok").optional().catch(undefined),
  reinitialisation: z.literal("ok").optional().catch(undefined),
  email: z.email().max(200).optional().catch(undefined),
});

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = ZParams.parse(await searchParams);
  const actor = await getCurrentUser();
  if (actor) redirect(params.callbackUrl ?? ROLE_HOME[actor.role]);

  return (
    <main id="contenu" className="mx-auto flex w-full max-w-md flex-1 flex-col justify-center px-4 py-10">
      <p className="text-2xl font-bold text-brand-800">Maillage</p>
      <h1 className="mt-2 text-xl font-semibold text-slate-900">Connexion des professionnels</h1>
      <p className="mt-1 mb-6 text-slate-700">Guichet unique territorial des soins de support et palliatifs.</p>
      {params.deconnecte ? (
        <div className="mb-4">
          <Alert tone="success">Vous êtes déconnecté·e.</Alert>
        </div>
      ) : null}
      {params.invitation || params.reinitialisation ? (
        <div className="mb-4">
          <Alert tone="success">Mot de passe enregistré. Connectez-vous avec votre adresse e-mail et ce mot de passe.</Alert>
        </div>
      ) : null}
      {isPscConfigured(env()) ? (
        <div className="mb-6">
          <ProSanteConnectButton callbackUrl={params.callbackUrl ?? "/"} />
          <p className="mt-2 text-sm text-slate-700">Avec votre carte CPS ou l&apos;application e-CPS. Ou avec votre adresse e-mail :</p>
        </div>
      ) : null}
      <SignInForm callbackUrl={params.callbackUrl ?? "/"} initialError={signInErrorMessage(params.error)} defaultEmail={params.email} />
      <p className="mt-4">
        <Link href="/mot-de-passe-oublie" className="font-medium text-brand-700 underline">
          Mot de passe oublié ?
        </Link>
      </p>
      <p className="mt-8 border-t border-slate-300 pt-4 text-slate-700">
        Patient, proche ou aidant ?{" "}
        <Link href="/contact" className="font-medium text-brand-700 underline">
          Demandez de l&apos;aide au guichet unique
        </Link>{" "}
        sans créer de compte.
      </p>
    </main>
  );
}
