import { notFound } from "@error-contract/core";
import { type ContractOptions, createErrorPath } from "@error-contract/core/adapter";
import { nodeRequestFacts, nodeTraceId, respondOnNode, traceIdMiddleware } from "@error-contract/core/node";
import type { ErrorRequestHandler, RequestHandler } from "express";
import { recogniseExpressError } from "./express-errors.js";
import { catchAsyncOnExpress4 } from "./express4-async.js";

export type ErrorContractOptions = ContractOptions;
export type ErrorContract = ReturnType<typeof errorContract>;

/**
 * The error contract for an Express app: `app.use(contract.traceId)` first, the routes, then
 * `app.use(contract.notFound)` and `app.use(contract.errorHandler)` last.
 */
export function errorContract(options: ErrorContractOptions = {}) {
  const path = createErrorPath(options, recogniseExpressError);
  let routerPatched = false;

  /** Resolves the trace id (`traceIdOf(req)`) and sets `X-Request-Id`. */
  const traceId: RequestHandler = (req, res, next) => {
    // On the first request (the router exists by then); its Layer is shared by every app.
    if (!routerPatched) {
      routerPatched = true;
      catchAsyncOnExpress4(req.app);
    }
    traceIdMiddleware(req, res, next);
  };

  /** After the routes: whatever no route answered is a 404. */
  const onNotFound: RequestHandler = (_req, _res, next) => next(notFound());

  /**
   * Last: answers every error with the contract on Node's response (no ETag, no `X-Powered-By`,
   * none of the failed response's headers that described it: core's rule). After the headers went out, it
   * reports the error and drops the connection.
   */
  const errorHandler: ErrorRequestHandler = (thrown, req, res, _next) => {
    respondOnNode(path, thrown, nodeRequestFacts(req, res, nodeTraceId(req), req.originalUrl), res);
  };
  return { traceId, notFound: onNotFound, errorHandler };
}
