/**
 * The headers a response had before it failed: `Headers`, a `[name, value]` list, or Node's
 * `getHeaders()` record (numbers and arrays allowed).
 */
export type EarlierHeaders =
  | Iterable<readonly [string, string]>
  | Readonly<Record<string, string | number | readonly string[] | undefined>>;

const VARY = "vary";

/**
 * Of the headers set before an error, the ones the error answer keeps: `Access-Control-*` (without
 * them a browser hides the answer) and `Vary` (merged with the answer's own, never replaced).
 * Everything else (Content-Encoding, ETag, Location, ...) described a response that no longer
 * exists. Returns the answer's headers with the kept ones added. Never throws.
 */
export function keepEarlierHeaders(
  answer: Record<string, string>,
  earlier: EarlierHeaders | null | undefined,
): Record<string, string> {
  if (earlier === null || earlier === undefined) return answer;
  try {
    const entries =
      typeof (earlier as Iterable<unknown>)[Symbol.iterator] === "function"
        ? (earlier as Iterable<readonly [string, string]>)
        : Object.entries(earlier as Record<string, unknown>);
    const kept: Record<string, string> = {};
    const vary: string[] = [];
    for (const [name, raw] of entries) {
      const lower = String(name).toLowerCase();
      const value = headerValue(raw);
      if (value === undefined) continue;
      if (lower.startsWith("access-control-")) kept[lower] = value;
      else if (lower === VARY) vary.push(value);
    }
    const result: Record<string, string> = { ...kept, ...answer };
    if (vary.length > 0) {
      const own = Object.keys(answer).find((name) => name.toLowerCase() === VARY);
      const merged = mergeVary([...vary, own === undefined ? "" : (answer[own] as string)]);
      if (own !== undefined) delete result[own];
      if (merged !== "") result.Vary = merged;
    }
    return result;
  } catch {
    return answer;
  }
}

function headerValue(raw: unknown): string | undefined {
  if (typeof raw === "string") return raw;
  if (typeof raw === "number") return String(raw);
  if (Array.isArray(raw) && raw.every((part) => typeof part === "string")) return raw.join(", ");
  return undefined;
}

/** RFC 9110 section 12.5.5: one list of field names, each once (case-insensitively); `*` alone. */
function mergeVary(values: readonly string[]): string {
  const names = new Map<string, string>();
  for (const value of values) {
    for (const part of value.split(",")) {
      const name = part.trim();
      if (name === "") continue;
      if (name === "*") return "*";
      if (!names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
    }
  }
  return [...names.values()].join(", ");
}
