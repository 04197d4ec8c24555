import { prisma } from "@/lib/db";

export async function checkDatabase(timeoutMs = 2000): Promise<"ok" | "unreachable"> {
  try {
    await Promise.race([
      prisma.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs)),
    ]);
    return "ok";
  } catch {
    return "unreachable";
  }
}
