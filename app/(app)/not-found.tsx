import { NotFoundMessage } from "@/components/layout/status-pages";

// notFound() from a signed-in page (another GP's request…): inside the app shell's <main>.
export default function NotFound() {
  return <NotFoundMessage />;
}
