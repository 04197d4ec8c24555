"use client";
// Replaces the root layout when it fails itself: it must bring its own <html> and <body>.
import "./globals.css";
import { ErrorNotice } from "@/components/layout/error-notice";

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="fr">
      <body className="flex min-h-screen flex-col bg-slate-50 font-sans text-slate-900">
        <ErrorNotice digest={error.digest} retry={reset} />
      </body>
    </html>
  );
}
