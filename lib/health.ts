import { prisma, type Db } from "@/lib/db";

// "ok" when the database answers a trivial query within the timeout, else "unreachable".
export async function checkDatabase({ db = prisma, timeoutMs = 2000 }: { db?: Db; timeoutMs?: number } = {}): Promise<"ok" | "unreachable"> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), timeoutMs);
      }),
    ]);
    return "ok";
  } catch {
    return "unreachable";
  } finally {
    clearTimeout(timer);
  }
}
