"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

// « S'identifier avec Pro Santé Connect »: the national sign-in of health professionals (CPS card or
// e-CPS app). Shown only when the platform is registered with it (PSC_* settings).
export function ProSanteConnectButton({ callbackUrl }: { callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn("pro-sante-connect", { callbackUrl });
      }}
      className="inline-flex min-h-11 w-full items-center justify-center rounded-md border-2 border-[#000091] bg-white px-4 py-2 text-base font-semibold text-[#000091] hover:bg-[#f5f5fe] disabled:opacity-60"
    >
      {pending ? "Ouverture de Pro Santé Connect…" : "S'identifier avec Pro Santé Connect"}
    </button>
  );
}
