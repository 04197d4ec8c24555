import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Maillage", template: "%s · Maillage" },
  description: "Guichet unique territorial de coordination des soins de support et palliatifs.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: Next.js can only put the Content-Security-Policy's nonce
  // (proxy.ts) on the scripts of a page it renders for that request.
  await connection();
  return (
    <html lang="fr">
      <body className="flex min-h-screen flex-col bg-slate-50 font-sans text-slate-900">
        <a
          href="#contenu"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:p-2 focus:text-slate-900"
        >
          Aller au contenu
        </a>
        {children}
      </body>
    </html>
  );
}
