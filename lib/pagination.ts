// Cursor (keyset) pagination for the long lists: the coordinator's queue, the GP's requests, the
// team inbox, the directory. A page is read "after" the last item of the previous one in a stable
// total order (ties broken by a unique key), so a request filed meanwhile never shifts a page or
// shows twice, and page 40 costs what page 1 costs (no OFFSET).
//
// A cursor is opaque in the URL (?apres=…): base64url of the JSON of the last item's sort key. A
// cursor that does not decode (edited by hand, from an older version) reads as the first page.
import { z } from "zod";

export type Page<T> = { items: T[]; next: string | null };

export const CURSOR_PARAM = "apres";

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

export function decodeCursor<S extends z.ZodTuple>(raw: unknown, shape: S): z.output<S> | null {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 512) return null;
  try {
    const parsed = shape.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The cursor parameter of a page's search params (the first value when repeated). */
export function cursorParam(searchParams: Record<string, string | string[] | undefined>): string | undefined {
  const value = searchParams[CURSOR_PARAM];
  return (Array.isArray(value) ? value[0] : value) || undefined;
}

/**
 * Prisma's where for "(a, b, …) after (x, y, …)" in the order of the fields: each field ascending
 * unless "desc". The last field must be unique (the tie-break).
 */
export function keysetAfter<W>(fields: readonly { field: string; value: unknown; desc?: boolean }[]): W {
  const or = fields.map((f, i) => ({
    AND: [...fields.slice(0, i).map((e) => ({ [e.field]: e.value })), { [f.field]: { [f.desc ? "lt" : "gt"]: f.value } }],
  }));
  return { OR: or } as W;
}

/** The first `size` items and the cursor of the next page, from a read of size + 1 in order. */
export function pageOf<T>(rows: T[], size: number, keyOf: (item: T) => readonly (string | number)[]): Page<T> {
  const items = rows.slice(0, size);
  return { items, next: rows.length > size && items.length ? encodeCursor(keyOf(items[items.length - 1]!)) : null };
}

/** The same page's URL with another cursor (null: the first page); the other parameters kept. */
export function pageHref(path: string, searchParams: Record<string, string | string[] | undefined>, cursor: string | null): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    if (key === CURSOR_PARAM || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  }
  if (cursor) params.set(CURSOR_PARAM, cursor);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
