import { errorLogRecord } from "./json-log.js";
import type { ReportHook } from "./report.js";

/** The part of a pino logger `pinoReport` uses (pino 7 and later). */
export interface PinoLike {
  child(
    bindings: Record<string, never>,
    options: { serializers: Record<string, (value: unknown) => unknown> },
  ): { error(record: object, message: string): void };
}

/**
 * A report into the app's own pino logger: one `error` entry per 5xx with `traceId`, `method`,
 * `path`, `status`, `code` and `err`, so the app's level, destination, formatters and `redact`
 * apply. `err` is core's `serializeError` record (cause chain nested, credentials redacted),
 * kept as it is: pino's default `err` serializer would fold the causes into one message and
 * copy every own property, headers and tokens included.
 */
export function pinoReport(logger: PinoLike): ReportHook {
  const log = logger.child({}, { serializers: { err: (value) => value } });
  return (error, context) => {
    const { msg, ...record } = errorLogRecord(error, context);
    log.error(record, msg);
  };
}
