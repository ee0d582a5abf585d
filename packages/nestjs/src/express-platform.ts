import { isJsonContentType, jsonRequestFailure, requestBodyError } from "@error-contract/core/adapter";
import {
  fromBodyParserError,
  type NodeRequestLike,
  type NodeResponseLike,
  nodeRequestFacts,
  writeNodeAnswer,
} from "@error-contract/core/node";
import type { INestApplication } from "@nestjs/common";
import { takesNoBody } from "./bodiless-method.js";
import { recordBodyFailure, recordedBodyFailure } from "./body-failure.js";
import { exactExpressRouting } from "./express-routing.js";
import type { NestPlatform } from "./platform.js";

type Request = NodeRequestLike & {
  method?: string;
  originalUrl?: string;
  headers: Record<string, string | undefined>;
};
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
    exactExpressRouting(app.getHttpAdapter().getInstance());
    // The body is read here, ahead of the routes: a failure is kept on the request, not answered,
    // so routing still comes first and `@JsonBody` raises it on the route that takes the body.
    // A method that takes no body (GET, HEAD, DELETE) has its body and Content-Type ignored.
    const takesJson = (request: Request) =>
      !takesNoBody(request.method) && isJsonContentType(request.headers["content-type"]);
    // body-parser reads a refused body to its end before answering, and decodes any "utf-" charset:
    // what the headers already refuse (a length over the limit, a charset, a coding) is refused first.
    app.use((request: Request, _response: unknown, next: Next) => {
      const failure = takesJson(request) ? jsonRequestFailure(request.headers, limit) : undefined;
      if (failure !== undefined && failure !== "empty_body")
        recordBodyFailure(request, requestBodyError(failure));
      next();
    });
    // No inflating: a content-coded body is refused (415), as on every target.
    (app as INestApplication & { useBodyParser(...args: unknown[]): unknown }).useBodyParser("json", {
      limit,
      inflate: false,
      type: (request: Request) => takesJson(request) && recordedBodyFailure(request) === undefined,
    });
    app.use((error: unknown, request: Request, _response: unknown, next: Next) => {
      const failure = fromBodyParserError(error);
      if (failure === undefined) return next(error);
      recordBodyFailure(request, failure);
      next();
    });
  },
};
