import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { ApiError } from "@error-contract/core";
import { createErrorPath } from "@error-contract/core/adapter";
import { answerHttpEdge } from "@error-contract/core/node";
import type { Handler } from "./reference-server.js";

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** Transport rules a variant breaks, for the hostile suite. */
export interface ServeOptions {
  /** Answers with keep-alive although the request body was not read to its end. */
  keepAliveOnUnreadBody?: boolean;
  /** Answers a request the HTTP parser refused with a JSON body outside the contract. */
  foreignParserErrors?: boolean;
  /** Leaves Node's own answers at the edge (bare 400/417, no answer to CONNECT, a cut pipeline). */
  nodeEdge?: boolean;
}

/** Serves a fetch-style handler over real HTTP on 127.0.0.1 (a free port), for the URL transport. */
export async function serveNode(handler: Handler, options: ServeOptions = {}): Promise<Served> {
  const server = createServer(async (incoming, outgoing) => {
    try {
      const request = toRequest(incoming);
      const response =
        request === undefined ? methodNotImplemented(incoming) : await handler(request, incoming.url);
      const headers = Object.fromEntries(response.headers);
      const body = Buffer.from(await response.arrayBuffer());
      // An answer given before the body was read to its end: the connection cannot carry more.
      if (!incoming.complete) {
        if (options.keepAliveOnUnreadBody) headers.connection = "keep-alive";
        else headers.connection = "close";
      }
      outgoing.writeHead(response.status, headers);
      outgoing.end(body);
    } catch {
      failed(outgoing);
    }
  });
  if (!options.foreignParserErrors && !options.nodeEdge) answerHttpEdge(server);
  if (options.foreignParserErrors) {
    server.on("clientError", (_error, socket) => {
      const body = '{"message":"Client Error","statusCode":400}';
      socket.end(
        `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
      );
    });
  }
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function failed(outgoing: ServerResponse): void {
  if (!outgoing.headersSent) outgoing.writeHead(500);
  outgoing.end();
}

// fetch's Request refuses TRACE and CONNECT: the server does not implement them (501).
function methodNotImplemented(incoming: IncomingMessage): Response {
  const { method = "", url = "" } = incoming;
  const rendered = createErrorPath({ report: () => {} }).answer(new ApiError({ status: 501 }), {
    method,
    path: url,
    headers: headersOf(incoming),
  });
  return new Response(rendered.body, { status: rendered.status, headers: rendered.headers });
}

function headersOf(incoming: IncomingMessage): Headers {
  const headers = new Headers();
  for (let i = 0; i < incoming.rawHeaders.length; i += 2) {
    headers.append(incoming.rawHeaders[i] as string, incoming.rawHeaders[i + 1] as string);
  }
  return headers;
}

// undefined for a method fetch's Request refuses.
function toRequest(incoming: IncomingMessage): Request | undefined {
  const method = incoming.method ?? "GET";
  if (method === "TRACE" || method === "CONNECT") return undefined;
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(`http://127.0.0.1${incoming.url ?? "/"}`, {
    method,
    headers: headersOf(incoming),
    body: hasBody ? (Readable.toWeb(incoming) as ReadableStream<Uint8Array>) : null,
    duplex: "half",
  } as RequestInit);
}
