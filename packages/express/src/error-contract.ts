import type { IncomingMessage } from "node:http";
import { notFound } from "@error-contract/core";
import { type ContractOptions, createErrorPath } from "@error-contract/core/adapter";
import type { ErrorRequestHandler, Request, RequestHandler } from "express";
import { recogniseExpressError } from "./express-errors.js";
import { catchAsyncOnExpress4 } from "./express4-async.js";

declare module "http" {
  interface IncomingMessage {
    /** The request's trace id, set by `contract.traceId`. */
    traceId?: string;
  }
}

export type ErrorContractOptions = ContractOptions;
export type ErrorContract = ReturnType<typeof errorContract>;

const facts = (req: IncomingMessage & { originalUrl?: string }) => ({
  method: req.method ?? "GET",
  path: req.originalUrl ?? req.url ?? "/",
  headers: req.headers,
  traceId: req.traceId,
  httpVersionMajor: req.httpVersionMajor,
});

/**
 * The error contract for an Express app: `app.use(contract.traceId)` first, the routes, then
 * `app.use(contract.notFound)` and `app.use(contract.errorHandler)` last.
 */
export function errorContract(options: ErrorContractOptions = {}) {
  const path = createErrorPath(options, recogniseExpressError);

  /** Resolves the trace id (`req.traceId`), sets `X-Request-Id`, drops `X-Powered-By`. */
  const traceId: RequestHandler = (req, res, next) => {
    catchAsyncOnExpress4(req.app);
    req.traceId = path.resolveTraceId(req.headers);
    res.removeHeader("X-Powered-By");
    res.setHeader("X-Request-Id", req.traceId);
    next();
  };

  /** After the routes: whatever no route answered is a 404. */
  const onNotFound: RequestHandler = (_req, _res, next) => next(notFound());

  /**
   * Last: answers every error with the contract, written directly (no ETag, no headers of the
   * failed response but CORS and `Vary`). After the headers went out, reports and drops the socket.
   */
  const errorHandler: ErrorRequestHandler = (thrown, req: Request, res, _next) => {
    if (res.headersSent) {
      path.abandon(thrown, facts(req));
      res.destroy();
      return;
    }
    const answer = path.answer(thrown, {
      ...facts(req),
      earlierHeaders: res.getHeaders(),
      aborted: () => req.readableAborted,
    });
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    res.writeHead(answer.status, answer.headers).end(req.method === "HEAD" ? undefined : answer.body);
  };
  return { traceId, notFound: onNotFound, errorHandler };
}
