import type { RequestBody } from "./case.js";
import { fill, fillJson, type Vars } from "./template.js";

export interface EncodedBody {
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** Streamed in pieces without a Content-Length (Transfer-Encoding: chunked on the wire). */
  readonly chunked: boolean;
}

const encoder = new TextEncoder();

/** A case's body as the exact bytes to send. */
export function encodeBody(body: RequestBody, vars: Vars): EncodedBody {
  switch (body.kind) {
    case "json":
      return { bytes: encoder.encode(JSON.stringify(fillJson(body.value, vars))), chunked: false };
    case "text":
      return { bytes: encoder.encode(fill(body.text, vars)), chunked: false };
    case "padded-json":
      return { bytes: padded(fillJson(body.value, vars) as object, body.bytes), chunked: body.chunked };
  }
}

// `{...value, "padding": "xxx…"}` of exactly `size` bytes: valid JSON whose only fault is its size.
function padded(value: object, size: number): Uint8Array<ArrayBuffer> {
  const base = JSON.stringify({ ...value, padding: "" });
  const missing = size - encoder.encode(base).length;
  if (missing < 0)
    throw new RangeError(`padded body cannot be ${size} bytes: ${base.length} without padding`);
  return encoder.encode(JSON.stringify({ ...value, padding: "x".repeat(missing) }));
}
