/** A thrown value as a log record's `err`, in pino's shape, with the cause chain nested. */
export interface SerializedError {
  type: string;
  message: string;
  stack?: string;
  /** What this error was caused by (`error.cause`), serialized the same way. */
  cause?: SerializedError;
  /** The errors of an `AggregateError` (pino's name for them). */
  aggregateErrors?: SerializedError[];
  /** The error's other own properties with primitive values (`code`, `status`…), redacted. */
  [property: string]: unknown;
}

const MAX_DEPTH = 5;
const MAX_AGGREGATED = 10;
const MAX_PROPERTIES = 20;
const MAX_MESSAGE = 2_048;
const MAX_STACK = 8_192;
const REDACTED = "[Redacted]";
const OWN_KEYS = new Set(["name", "message", "stack", "cause", "errors"]);

// Property names whose values are credentials: never logged, whatever they hold.
const SECRET_KEY =
  /pass(?:word|wd|phrase)?|pwd|secret|token|auth|cookie|session|credential|api[-_]?key|private[-_]?key|signature|jwt|bearer/i;
// Credentials written into text: `Bearer <token>`, `Basic <credentials>`, `password=…` in a URL or message.
const SECRET_IN_TEXT =
  /\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*|\b((?:access_|refresh_|id_)?token|password|passwd|secret|api[-_]?key|auth)(["']?\s*[=:]\s*["']?)[^\s&"',;]+/gi;

/**
 * Any thrown value as a plain record a logger can write: `type`, `message`, `stack`, then the
 * `cause` chain (5 deep) and an `AggregateError`'s `aggregateErrors`. Credentials are redacted:
 * own properties named like a password, token, secret, cookie or key, and `Bearer …`/`password=…`
 * in text. Other own properties are kept when their value is a primitive (objects such as a
 * request config with its headers are left out). Cycle-safe, bounded, never throws.
 */
export function serializeError(value: unknown): SerializedError {
  return serialize(value, 0, new Set());
}

/** Text with credentials in it (`Bearer …`, `password=…`) replaced. */
export function redactText(text: string): string {
  return text.replace(SECRET_IN_TEXT, (_match, scheme: string | undefined, key: string, sep: string) =>
    scheme !== undefined ? `${scheme} ${REDACTED}` : key !== undefined ? `${key}${sep}${REDACTED}` : REDACTED,
  );
}

function serialize(value: unknown, depth: number, seen: Set<object>): SerializedError {
  try {
    if (typeof value !== "object" || value === null) {
      if (typeof value === "string") return { type: "string", message: clip(redactText(value), MAX_MESSAGE) };
      return { type: value === null ? "null" : typeof value, message: String(value) };
    }
    if (seen.has(value)) return { type: typeName(value), message: "[Circular]" };
    seen.add(value);
    const record: SerializedError = { type: typeName(value), message: "" };
    const { message, stack } = value as { message?: unknown; stack?: unknown };
    if (typeof message === "string") record.message = clip(redactText(message), MAX_MESSAGE);
    if (typeof stack === "string" && stack !== "") record.stack = clip(redactText(stack), MAX_STACK);
    let kept = 0;
    for (const key of Object.keys(value)) {
      if (OWN_KEYS.has(key) || kept >= MAX_PROPERTIES) continue;
      const property = (value as Record<string, unknown>)[key];
      if (SECRET_KEY.test(key)) record[key] = REDACTED;
      else if (typeof property === "string") record[key] = clip(redactText(property), MAX_MESSAGE);
      else if (typeof property === "number" || typeof property === "boolean") record[key] = property;
      else continue;
      kept++;
    }
    const { cause, errors } = value as { cause?: unknown; errors?: unknown };
    if (depth < MAX_DEPTH) {
      if (cause !== undefined) record.cause = serialize(cause, depth + 1, seen);
      if (value instanceof AggregateError && Array.isArray(errors)) {
        record.aggregateErrors = errors
          .slice(0, MAX_AGGREGATED)
          .map((error) => serialize(error, depth + 1, seen));
      }
    }
    return record;
  } catch {
    return { type: "unknown", message: "thrown value that cannot be described" };
  }
}

function typeName(value: object): string {
  try {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    if (typeof name === "string" && name !== "") return name;
  } catch {
    // A Proxy or a throwing getter: described by its tag below.
  }
  return Object.prototype.toString.call(value).slice(8, -1);
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
