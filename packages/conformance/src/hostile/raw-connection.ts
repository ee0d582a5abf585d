import { connect, type Socket } from "node:net";

/** One HTTP/1.1 response as read off the wire. */
export interface RawResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
}

const HEADER_END = "\r\n\r\n";

/**
 * A raw TCP connection to an HTTP/1.1 server: writes exact bytes (fetch and node:http refuse
 * lying lengths, unknown methods, invalid UTF-8 and half-sent bodies) and reads responses with
 * a small parser, noticing when the server closes.
 */
export class RawConnection {
  readonly #socket: Socket;
  #buffer = Buffer.alloc(0);
  #closed = false;
  #wake: (() => void) | undefined;

  private constructor(socket: Socket) {
    this.#socket = socket;
    socket.on("data", (chunk: Buffer) => {
      this.#buffer = Buffer.concat([this.#buffer, chunk]);
      this.#notify();
    });
    // A reset after (or instead of) an answer is a close as far as the checks go.
    socket.on("error", () => this.#markClosed());
    socket.on("end", () => this.#markClosed());
    socket.on("close", () => this.#markClosed());
  }

  static open(url: URL, timeoutMs: number): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect(Number(url.port || 80), url.hostname);
      const timer = setTimeout(
        () => socket.destroy(new Error(`no connection within ${timeoutMs} ms`)),
        timeoutMs,
      );
      socket.once("connect", () => {
        clearTimeout(timer);
        resolve(new RawConnection(socket));
      });
      socket.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Writes bytes; resolves once they are handed to the kernel (or the peer is gone). */
  write(bytes: Uint8Array | string): Promise<void> {
    return new Promise((resolve) => {
      if (this.#closed) return resolve();
      this.#socket.write(bytes, () => resolve());
    });
  }

  /** Half-closes: the server sees the end of the request stream. */
  end(): void {
    this.#socket.end();
  }

  destroy(): void {
    this.#socket.destroy();
    this.#markClosed();
  }

  /** Reads the next response; undefined when the connection closed (or timed out) before one. */
  async readResponse(method: string, timeoutMs: number): Promise<RawResponse | undefined> {
    const deadline = Date.now() + timeoutMs;
    let headEnd = this.#buffer.indexOf(HEADER_END);
    while (headEnd < 0) {
      if (!(await this.#more(deadline))) return undefined;
      headEnd = this.#buffer.indexOf(HEADER_END);
    }
    const [statusLine = "", ...lines] = this.#buffer.subarray(0, headEnd).toString("latin1").split("\r\n");
    this.#buffer = this.#buffer.subarray(headEnd + HEADER_END.length);
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
    const headers = new Headers();
    for (const line of lines) {
      const colon = line.indexOf(":");
      if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
    }
    const body = await this.#readBody(method, status, headers, deadline);
    return { status, headers, body: body.toString("utf8") };
  }

  /** Whether the server closes the connection within the time given. */
  async waitClosed(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.#closed) {
      if (!(await this.#more(deadline)) && !this.#closed) return false;
    }
    return true;
  }

  async #readBody(method: string, status: number, headers: Headers, deadline: number): Promise<Buffer> {
    if (method === "HEAD" || status === 204 || status === 304 || (status >= 100 && status < 200)) {
      return Buffer.alloc(0);
    }
    if (/chunked/i.test(headers.get("transfer-encoding") ?? "")) return this.#readChunked(deadline);
    const length = headers.get("content-length");
    if (length !== null) return this.#take(Number(length), deadline);
    // No length: the body runs to the close.
    while (await this.#more(deadline)) {}
    return this.#take(this.#buffer.length, deadline);
  }

  async #readChunked(deadline: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    for (;;) {
      let lineEnd = this.#buffer.indexOf("\r\n");
      while (lineEnd < 0) {
        if (!(await this.#more(deadline))) return Buffer.concat(parts);
        lineEnd = this.#buffer.indexOf("\r\n");
      }
      const size = Number.parseInt(this.#buffer.subarray(0, lineEnd).toString("latin1"), 16);
      this.#buffer = this.#buffer.subarray(lineEnd + 2);
      if (!(size > 0)) {
        await this.#take(2, deadline);
        return Buffer.concat(parts);
      }
      parts.push(await this.#take(size, deadline));
      await this.#take(2, deadline);
    }
  }

  async #take(count: number, deadline: number): Promise<Buffer> {
    while (this.#buffer.length < count) {
      if (!(await this.#more(deadline))) break;
    }
    const taken = this.#buffer.subarray(0, count);
    this.#buffer = this.#buffer.subarray(taken.length);
    return taken;
  }

  // Waits for more data or the close; false when neither can come any more (closed or time up).
  #more(deadline: number): Promise<boolean> {
    const left = deadline - Date.now();
    if (this.#closed || left <= 0) return Promise.resolve(false);
    const before = this.#buffer.length;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#wake = undefined;
        resolve(false);
      }, left);
      this.#wake = () => {
        clearTimeout(timer);
        this.#wake = undefined;
        resolve(this.#buffer.length > before);
      };
    });
  }

  #markClosed(): void {
    this.#closed = true;
    this.#notify();
  }

  #notify(): void {
    this.#wake?.();
  }
}
