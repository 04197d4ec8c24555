// Shown at once while a signed-in page renders on the server (after « Se connecter », between
// pages): never a blank screen.
export default function Loading() {
  return (
    <div className="mx-auto w-full max-w-5xl flex-1 px-4 py-10" role="status" aria-live="polite">
      <p className="flex items-center gap-3 text-slate-700">
        <span className="inline-block size-5 animate-spin rounded-full border-2 border-slate-300 border-t-brand-700" aria-hidden="true" />
        Chargement…
      </p>
    </div>
  );
}
