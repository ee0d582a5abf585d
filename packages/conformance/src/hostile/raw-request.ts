const encoder = new TextEncoder();

export type Bytes = Uint8Array | string;

export function bytes(...parts: readonly Bytes[]): Uint8Array {
  return Buffer.concat(parts.map((part) => (typeof part === "string" ? encoder.encode(part) : part)));
}

/** A request head; `headers` are written exactly as given, after `Host`. */
export function head(method: string, path: string, headers: Readonly<Record<string, string>> = {}): string {
  const lines = [`${method} ${path} HTTP/1.1`, "Host: localhost"];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return `${lines.join("\r\n")}\r\n\r\n`;
}

/** POST /users with a JSON Content-Type and the body's true length (unless `length` lies). */
export function postJson(body: Bytes, length?: number): Uint8Array {
  const payload = bytes(body);
  return bytes(
    head("POST", "/users", {
      "Content-Type": "application/json",
      "Content-Length": String(length ?? payload.length),
    }),
    payload,
  );
}

/** POST /users, chunked; `complete: false` leaves out the last chunk (an upload cut short). */
export function postChunked(body: Bytes, chunkBytes: number, complete = true): Uint8Array {
  const payload = bytes(body);
  const chunks: Bytes[] = [];
  for (let offset = 0; offset < payload.length; offset += chunkBytes) {
    const chunk = payload.subarray(offset, offset + chunkBytes);
    chunks.push(`${chunk.length.toString(16)}\r\n`, chunk, "\r\n");
  }
  if (complete) chunks.push("0\r\n\r\n");
  return bytes(
    head("POST", "/users", { "Content-Type": "application/json", "Transfer-Encoding": "chunked" }),
    ...chunks,
  );
}
