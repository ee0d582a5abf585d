import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";
import type { EncodedBody } from "./request-body.js";

/**
 * Where cases are sent: a base URL (real HTTP, e.g. "http://127.0.0.1:3000") or a fetch-style
 * function (in process, e.g. `(request) => app.request(request)`).
 */
export type Target = string | URL | ((request: Request) => Response | Promise<Response>);

/** One request, exactly as it goes out. */
export interface OutgoingRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: EncodedBody | undefined;
}

/** What the checks read: status, headers, and the whole body as text (empty when none). */
export interface HttpResult {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
}

const TIMEOUT_MS = 10_000;
// Chunked bodies go out in pieces this big, so a limit has to count across chunks.
const CHUNK_BYTES = 16 * 1024;

/** Sends one request to the target; throws when no response came (unreachable, timeout). */
export function send(target: Target, request: OutgoingRequest): Promise<HttpResult> {
  return typeof target === "function" ? sendInProcess(target, request) : sendHttp(new URL(target), request);
}

async function sendInProcess(
  handler: (request: Request) => Response | Promise<Response>,
  { method, path, headers, body }: OutgoingRequest,
): Promise<HttpResult> {
  const init: RequestInit & { duplex?: "half" } = { method, headers: { ...headers } };
  if (body !== undefined) {
    if (body.chunked) {
      init.body = chunkStream(body.bytes);
      init.duplex = "half";
    } else {
      // On the wire a sized body always carries its Content-Length; in process it is added here.
      init.headers = { "content-length": String(body.bytes.length), ...headers };
      init.body = body.bytes;
    }
  }
  const response = await withTimeout(
    Promise.resolve(handler(new Request(`http://localhost${path}`, init))),
    `${method} ${path}`,
  );
  return { status: response.status, headers: response.headers, body: await response.text() };
}

function chunkStream(bytes: Uint8Array<ArrayBuffer>): ReadableStream<Uint8Array<ArrayBuffer>> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + CHUNK_BYTES));
      offset += CHUNK_BYTES;
    },
  });
}

// node:http rather than fetch: exact headers (fetch adds Content-Type to text and forbids some
// headers), real chunked bodies, and an early 413 answer read even when the upload is cut short.
function sendHttp(base: URL, { method, path, headers, body }: OutgoingRequest): Promise<HttpResult> {
  const url = new URL(base.pathname.replace(/\/$/, "") + path, base);
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    let answered = false;
    const outgoing = send(
      url,
      { method, headers: { ...headers }, agent: false, timeout: TIMEOUT_MS },
      (incoming) => {
        answered = true;
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("error", reject);
        incoming.on("end", () => {
          resolve({
            status: incoming.statusCode ?? 0,
            headers: toHeaders(incoming.headers),
            body: Buffer.concat(chunks).toString("utf8"),
          });
        });
      },
    );
    outgoing.on("timeout", () => outgoing.destroy(new Error(`no response within ${TIMEOUT_MS} ms`)));
    // A server may answer (413) and close before the upload ends: the answer is what counts.
    outgoing.on("error", (error) => {
      if (!answered) reject(error);
    });
    if (body === undefined) return void outgoing.end();
    if (!body.chunked) return void outgoing.end(body.bytes);
    for (let offset = 0; offset < body.bytes.length; offset += CHUNK_BYTES) {
      outgoing.write(body.bytes.subarray(offset, offset + CHUNK_BYTES));
    }
    outgoing.end();
  });
}

function toHeaders(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no response within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A transport failure in a few words (Node's AggregateError for "localhost" has no message). */
export function failureReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return error.message || (typeof code === "string" ? code : error.name);
}
