import { jsonRequestFailure, parseJsonBody, requestBodyError } from "@error-contract/core/adapter";
import type { RequestHandler } from "express";

export interface JsonOptions {
  /** The largest body accepted, in bytes (64 KiB by default); a larger one is a 413. */
  limit?: number | undefined;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * For a route that takes a JSON body: `req.body` is the parsed JSON. What the headers refuse
 * (content coding, not JSON, not UTF-8) fails before reading; the limit holds while the body
 * streams in, so a chunked or slow oversize body is a 413 as soon as it passes the limit.
 */
export function json({ limit = 64 * 1024 }: JsonOptions = {}): RequestHandler {
  return (req, _res, next) => {
    const failure = jsonRequestFailure(req.headers);
    if (failure !== undefined) return next(requestBodyError(failure));
    if (Number(req.headers["content-length"] ?? 0) > limit) return next(requestBodyError("too_large"));
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (error?: unknown) => {
      req.off("data", onData).off("end", onEnd).off("error", done);
      if (error !== undefined) req.pause();
      next(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) done(requestBodyError("too_large"));
      else chunks.push(chunk);
    };
    const onEnd = () => {
      try {
        req.body = parseJsonBody(utf8.decode(Buffer.concat(chunks)));
      } catch (thrown) {
        return done(thrown instanceof TypeError ? requestBodyError("malformed_json", thrown) : thrown);
      }
      done();
    };
    req.on("data", onData).on("end", onEnd).on("error", done);
  };
}
