import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";

// Built per request so that the configuration is read at run time, not at build time.
type RouteContext = { params: Promise<{ nextauth: string[] }> };
async function handler(request: Request, context: RouteContext) {
  return NextAuth(request as never, context as never, getAuthOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
