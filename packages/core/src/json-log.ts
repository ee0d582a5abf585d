import type { ApiError } from "./api-error.js";
import { type SerializedError, serializeError } from "./serialize-error.js";

/** One failed request as a log record, in pino's shape (`level` 50 is pino's `error`). */
export interface ErrorLogRecord {
  level: 50;
  /** Milliseconds since the epoch, as pino writes `time`. */
  time: number;
  msg: string;
  traceId: string;
  method: string;
  path: string;
  status: number;
  code: string;
  err: SerializedError;
}

/** The request and the answer a record is about (a `ReportContext`: its path has no query string). */
export type LogRecordContext = Pick<ErrorLogRecord, "traceId" | "method" | "path" | "status" | "code">;

const MAX_LINE = 32_768;

/**
 * The record for a 5xx: the request (method and path, no query string, no headers), the answer
 * (status, code), the trace id, and the error with its cause chain. What the client was told
 * is only `code` and the trace id; the record keeps the real error for the server's logs.
 */
export function errorLogRecord(
  error: ApiError,
  context: LogRecordContext,
): Omit<ErrorLogRecord, "level" | "time"> {
  return {
    msg: `${context.status} ${context.code} ${context.method} ${context.path}`,
    traceId: context.traceId,
    method: context.method,
    path: context.path,
    status: context.status,
    code: context.code,
    err: serializeError(error),
  };
}

/**
 * One JSON line for a 5xx. JSON escapes CR, LF and every other C0 control; the C1 controls and
 * the Unicode line and paragraph separators are escaped too, so the line is one line to any
 * reader. Never throws: a record that cannot be written becomes a shorter one.
 */
export function formatErrorJson(
  error: ApiError,
  context: LogRecordContext,
  extra?: Readonly<Record<string, unknown>>,
): string {
  try {
    const record = { level: 50, time: Date.now(), ...errorLogRecord(error, context), ...extra };
    const line = JSON.stringify(record);
    if (line.length <= MAX_LINE) return escapeSeparators(line);
    const { err, ...rest } = errorLogRecord(error, context);
    return escapeSeparators(
      JSON.stringify({ level: 50, time: Date.now(), ...rest, err: { type: err.type, message: err.message } }),
    );
  } catch {
    return JSON.stringify({
      level: 50,
      time: Date.now(),
      msg: "unloggable error",
      traceId: String(context?.traceId),
    });
  }
}

/** Options of `jsonLogReport`. */
export interface JsonLogReportOptions {
  /** Where each line goes; default `console.error`. */
  write?: ((line: string) => void) | undefined;
}

/**
 * The default report (every adapter's): one JSON line per 5xx on `console.error`, in pino's shape. It needs no
 * logger and no Node API, so it works on every runtime, and log pipelines that read pino's
 * lines (pino-pretty, Cloudflare's and most collectors' JSON parsing) read it as fields.
 */
export function jsonLogReport(
  options: JsonLogReportOptions = {},
): (error: ApiError, context: LogRecordContext) => void {
  const write = options.write ?? ((line: string) => console.error(line));
  return (error, context) => write(formatErrorJson(error, context));
}

function escapeSeparators(line: string): string {
  return line.replace(
    /[\u007f-\u009f\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
