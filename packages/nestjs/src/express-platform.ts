import { isJsonContentType, jsonRequestFailure, requestBodyError } from "@error-contract/core/adapter";
import {
  fromBodyParserError,
  type NodeRequestLike,
  type NodeResponseLike,
  nodeRequestFacts,
  writeNodeAnswer,
} from "@error-contract/core/node";
import type { INestApplication } from "@nestjs/common";
import type { NestPlatform } from "./platform.js";

type Request = NodeRequestLike & { originalUrl?: string; headers: Record<string, string | undefined> };
type Next = (error?: unknown) => void;

/** Express hands Nest Node's own request and response. */
export const expressPlatform: NestPlatform = {
  facts: (request, response, traceId) =>
    nodeRequestFacts(
      request as Request,
      response as NodeResponseLike,
      traceId,
      (request as Request).originalUrl,
    ),
  headersSent: (response) => (response as NodeResponseLike).headersSent,
  abort: (response) => (response as NodeResponseLike).destroy(),
  write: (response, answer) => writeNodeAnswer(response as NodeResponseLike, answer),
  nativeTraceId: false,
  // Nest turns body-parser's errors into a BadRequestException with the parser's text (which
  // quotes the body): an error middleware after the routes and before Nest's own hands on core's.
  setup: (adapter) =>
    adapter.use((error: unknown, _q: unknown, _s: unknown, next: Next) =>
      next(fromBodyParserError(error) ?? error),
    ),
  useJsonBody(app, limit) {
    // body-parser reads a refused body to its end before answering, and decodes any "utf-" charset:
    // what the headers already refuse (a length over the limit, a charset, a coding) is refused first.
    app.use(({ headers }: Request, _response: unknown, next: Next) => {
      const failure = isJsonContentType(headers["content-type"])
        ? jsonRequestFailure(headers, limit)
        : undefined;
      next(failure === undefined || failure === "empty_body" ? undefined : requestBodyError(failure));
    });
    // No inflating: a content-coded body is refused (415), as on every target.
    const type = (request: Request) => isJsonContentType(request.headers["content-type"]);
    (app as INestApplication & { useBodyParser(...args: unknown[]): unknown }).useBodyParser("json", {
      limit,
      inflate: false,
      type,
    });
  },
};
