import { activeTraceId } from "./opentelemetry.js";
import { type HeaderSource, readHeader } from "./request-headers.js";

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;
const REQUEST_ID = /^[A-Za-z0-9._~:-]{1,128}$/;
const ALL_ZERO = /^0+$/;

/**
 * The trace id of a request: the active OpenTelemetry span's trace id (so that the body, the
 * `X-Request-Id` header and the trace agree), else the trace-id part of a valid W3C
 * `traceparent`, else a valid `X-Request-Id` as it is, else a new one. An invalid incoming
 * value is never returned.
 */
export function resolveTraceId(headers: HeaderSource | null | undefined): string {
  const spanTraceId = activeTraceId();
  if (spanTraceId !== undefined) return spanTraceId;
  const traceparent = TRACEPARENT.exec(readHeader(headers, "traceparent") ?? "");
  if (traceparent && !ALL_ZERO.test(traceparent[1] as string) && !ALL_ZERO.test(traceparent[2] as string)) {
    return traceparent[1] as string;
  }
  const requestId = readHeader(headers, "x-request-id");
  if (requestId !== undefined && isValidTraceId(requestId)) return requestId;
  return generateTraceId();
}

/** True for a value that may stand as a trace id and header value: 1 to 128 of `A-Za-z0-9._~:-`. */
export function isValidTraceId(value: unknown): value is string {
  return typeof value === "string" && REQUEST_ID.test(value);
}

// Random bytes are drawn in batches: one getRandomValues call serves many ids.
const POOL_IDS = 256;
const pool = new Uint8Array(16 * POOL_IDS);
let poolOffset = pool.length;
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

/** A new trace id: 32 lowercase hex characters (128 random bits), a valid W3C trace-id. */
export function generateTraceId(): string {
  if (poolOffset === pool.length) {
    crypto.getRandomValues(pool);
    poolOffset = 0;
  }
  let id = "";
  for (let i = poolOffset; i < poolOffset + 16; i++) id += HEX[pool[i] as number];
  poolOffset += 16;
  // All zero is not a valid W3C trace-id; at 2^-128 this is a formality.
  return ALL_ZERO.test(id) ? generateTraceId() : id;
}
