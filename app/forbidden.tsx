import { ForbiddenMessage } from "@/components/layout/status-pages";

// forbidden() is only called by the signed-in pages: this renders inside the app shell's <main>.
export default function Forbidden() {
  return <ForbiddenMessage />;
}
