"use client";

// The browser's print dialog (the report page has its own print styles).
export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="inline-flex min-h-11 items-center justify-center rounded-md border border-slate-400 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-100"
    >
      Imprimer le rapport
    </button>
  );
}
