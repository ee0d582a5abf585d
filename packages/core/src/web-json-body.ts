import { jsonRequestFailure, parseJsonBody } from "./json-request.js";
import { requestBodyError } from "./request-body-errors.js";
import type { HeaderSource } from "./request-headers.js";

/**
 * The JSON body of a request on a Web runtime (`read` gives its bytes, e.g. `() => request.arrayBuffer()`):
 * what its headers rule out is thrown before it is read (415, declared empty), then the bytes are
 * decoded as strict UTF-8 (`text()` would put U+FFFD) and parsed (400 when empty or broken).
 */
export async function readWebJsonBody(
  headers: HeaderSource,
  read: () => Promise<ArrayBuffer | Uint8Array>,
): Promise<unknown> {
  const failure = jsonRequestFailure(headers);
  if (failure !== undefined) throw requestBodyError(failure);
  const body = await read();
  return parseJsonBody(body instanceof Uint8Array ? body : new Uint8Array(body));
}
