import { NotFoundMessage } from "@/components/layout/status-pages";

// An address that matches no route: outside the app shell, so the page has its own <main>.
export default function NotFound() {
  return (
    <main id="contenu" className="flex-1 px-4 py-4">
      <NotFoundMessage />
    </main>
  );
}
