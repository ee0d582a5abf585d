export type ErrorFormat = "json" | "problem+json";

const MAX_ACCEPT_LENGTH = 4096;

// Clients send few distinct `Accept` headers (a browser's, `application/json`, `*/*`): each one's
// answer is kept in a small cache. It is bounded in entries and key length, and dropped whole
// when full, so a client sending endless variety costs parsing, never memory.
const CACHE_ENTRIES = 64;
const CACHE_KEY_LENGTH = 512;
const cache = new Map<string, ErrorFormat>();

/**
 * RFC 9110 section 12.5.1: problem+json only when `Accept` prefers it strictly over
 * `application/json`. Missing, `* / *`, equal preference or an unreadable header: json.
 */
export function negotiateErrorFormat(accept: string | null | undefined): ErrorFormat {
  if (typeof accept !== "string" || accept === "" || accept.length > MAX_ACCEPT_LENGTH) return "json";
  const cached = cache.get(accept);
  if (cached !== undefined) return cached;
  const ranges = parseAccept(accept);
  const format =
    quality(ranges, "application", "problem+json") > quality(ranges, "application", "json")
      ? "problem+json"
      : "json";
  if (accept.length <= CACHE_KEY_LENGTH) {
    if (cache.size >= CACHE_ENTRIES) cache.clear();
    cache.set(accept, format);
  }
  return format;
}

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
}

function parseAccept(accept: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  for (const part of accept.split(",")) {
    const [range = "", ...params] = part.split(";");
    const [type, subtype, extra] = range.trim().toLowerCase().split("/");
    if (!type || !subtype || extra !== undefined) continue;
    let q = 1;
    for (const param of params) {
      const [name, value] = param.split("=").map((s) => s.trim());
      if (name?.toLowerCase() === "q") q = parseQuality(value);
    }
    ranges.push({ type, subtype, q });
  }
  return ranges;
}

// qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ); anything else counts as 0.
function parseQuality(value: string | undefined): number {
  if (value === undefined || !/^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(value)) return 0;
  return Number(value);
}

/** The q of the most specific range that matches the media type; 0 when none does. */
function quality(ranges: readonly MediaRange[], type: string, subtype: string): number {
  let best = -1;
  let q = 0;
  for (const range of ranges) {
    const specificity =
      range.type === type && range.subtype === subtype
        ? 2
        : range.type === type && range.subtype === "*"
          ? 1
          : range.type === "*" && range.subtype === "*"
            ? 0
            : -1;
    if (specificity > best || (specificity === best && specificity >= 0 && range.q > q)) {
      best = specificity;
      q = range.q;
    }
  }
  return best < 0 ? 0 : q;
}
