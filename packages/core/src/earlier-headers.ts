/**
 * The headers a response had before it failed: `Headers`, a `[name, value]` list, or Node's
 * `getHeaders()` record (numbers and arrays allowed).
 */
export type EarlierHeaders =
  | Iterable<readonly [string, string]>
  | Readonly<Record<string, string | number | readonly string[] | undefined>>;

const VARY = "vary";

/**
 * What the failed response's headers described (reference API 1.2): its representation or
 * operation (RFC 9110 §8, §10.2), and the framework's banners. They go; every other header a
 * middleware or the handler set stays (security, CORS, rate limits, an auth layer's challenge).
 * The connection-specific ones (RFC 9110 §7.6.1) go too: the answer decides its own connection.
 */
const DROPPED = new Set([
  "content-type",
  "content-length",
  "content-encoding",
  "content-language",
  "content-location",
  "content-range",
  "content-disposition",
  "transfer-encoding",
  "trailer",
  "etag",
  "last-modified",
  "location",
  "accept-ranges",
  "link",
  "set-cookie",
  "x-powered-by",
  "server",
  "connection",
  "keep-alive",
  "proxy-connection",
  "upgrade",
]);

/**
 * Of the headers set before an error, the ones the error answer keeps (reference API 1.2): all
 * but what described the failed response (`DROPPED`); `Vary` is merged with the answer's own,
 * never replaced; the answer's own headers (`Content-Type`, `Cache-Control`, `X-Request-Id`, an
 * error's `WWW-Authenticate` or `Retry-After`) always win, whatever their case. Returns the
 * answer's headers with the kept ones added. Never throws.
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
    // Made only when a header is kept: most errors keep none and cost no object.
    let kept: Record<string, string> | undefined;
    let vary: string[] | undefined;
    for (const [name, raw] of entries) {
      const lower = String(name).toLowerCase();
      if (DROPPED.has(lower) || CORE_OWN.has(lower)) continue;
      const value = headerValue(raw);
      if (value === undefined) continue;
      if (lower === VARY) {
        vary ??= [];
        vary.push(value);
      } else if (!hasHeader(answer, lower)) {
        kept ??= {};
        kept[lower] = value;
      }
    }
    if (kept === undefined && vary === undefined) return answer;
    const result: Record<string, string> = { ...kept, ...answer };
    if (vary !== undefined) {
      const ownVary = Object.keys(answer).find((name) => name.toLowerCase() === VARY);
      const merged = mergeVary([...vary, ownVary === undefined ? "" : (answer[ownVary] as string)]);
      if (ownVary !== undefined) delete result[ownVary];
      if (merged !== "") result.Vary = merged;
    }
    return result;
  } catch {
    return answer;
  }
}

// The headers every answer has of its own (`Vary` is merged apart): an earlier one never replaces them.
const CORE_OWN = new Set(["content-type", "cache-control", "x-request-id"]);

/** Whether the answer has a header, whatever its case (an error's own `Retry-After`, `WWW-Authenticate`). */
export function hasHeader(answer: Record<string, string>, lower: string): boolean {
  for (const name in answer) if (name.toLowerCase() === lower) return true;
  return false;
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
