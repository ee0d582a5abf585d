import type { ApiError } from "./api-error.js";
import { formatErrorJson } from "./json-log.js";
import { serializeError } from "./serialize-error.js";
import type { ErrorStatus } from "./status-codes.js";

/** What a report hook learns about a failed request (a 5xx). */
export interface ReportContext {
  traceId: string;
  method: string;
  /** The request path, without its query string (it may carry tokens). */
  path: string;
  status: ErrorStatus;
  /** The code the client was answered with. */
  code: string;
}

/**
 * Called once for every 5xx, after the answer was made. If it throws, one `console.error` line
 * tells both the error and the hook's failure, and the answer stays as it was.
 */
export type ReportHook = (error: ApiError, context: ReportContext) => void;

/** A request path without its query string, which may carry tokens: it is never reported. */
export function withoutQuery(path: string): string {
  const query = path.indexOf("?");
  return query < 0 ? path : path.slice(0, query);
}

/** Hands a 5xx to the hook; a hook that throws is told in one JSON line with the error. Never throws. */
export function reportFailure(report: ReportHook, error: ApiError, context: ReportContext): void {
  if (error.status < 500) return;
  try {
    report(error, context);
  } catch (failure) {
    try {
      console.error(formatErrorJson(error, context, { reportHookError: serializeError(failure) }));
    } catch {
      // The console itself failed: nowhere left to write.
    }
  }
}
