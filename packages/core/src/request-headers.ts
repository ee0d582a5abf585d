// Request headers as each runtime gives them, read one way.

/** Anything that can answer for a request header: `Headers`, Node's header object, a record. */
export type HeaderSource =
  | { get(name: string): string | null | undefined }
  | Readonly<Record<string, string | readonly string[] | undefined>>;

/** One request header from any `HeaderSource`; a repeated or missing one is `undefined`. Never throws. */
export function readHeader(headers: HeaderSource | null | undefined, name: string): string | undefined {
  try {
    if (headers === null || typeof headers !== "object") return undefined;
    const value =
      typeof headers.get === "function"
        ? (headers as { get(name: string): unknown }).get(name)
        : (headers as Record<string, unknown>)[name];
    // A repeated header is ambiguous: neither copy is trusted.
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}
