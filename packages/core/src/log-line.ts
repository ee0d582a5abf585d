import { withoutQuery } from "./report.js";

export interface LogContext {
  traceId: string;
  method?: string | undefined;
  /** The request path; any query string is dropped (it may carry tokens). */
  path?: string | undefined;
}

const MAX_LOG_LENGTH = 16_384;
const MAX_CAUSE_DEPTH = 5;

/**
 * One log line for a failed request: status, code, trace id, request, and what was thrown
 * with its causes and stacks. CR, LF and other control characters are escaped, so request
 * data cannot forge log lines. Never throws.
 */
export function formatErrorLog(
  error: { status: number; code: string; cause?: unknown },
  context: LogContext,
): string {
  try {
    const request = `${context.method ?? ""} ${withoutQuery(context.path ?? "")}`.trim();
    const line = `[error-contract] ${error.status} ${error.code} traceId=${context.traceId}${
      request ? ` ${request}` : ""
    } - ${describeThrown(error.cause ?? error)}`;
    return escapeControl(line.length > MAX_LOG_LENGTH ? `${line.slice(0, MAX_LOG_LENGTH)}…` : line);
  } catch {
    return `[error-contract] unloggable error traceId=${String(context?.traceId)}`;
  }
}

/** A readable account of any thrown value, following `cause`. Never throws. */
export function describeThrown(value: unknown, depth = 0): string {
  try {
    if (value instanceof Error) {
      const text =
        typeof value.stack === "string" && value.stack !== ""
          ? value.stack
          : `${value.name}: ${value.message}`;
      const cause =
        depth < MAX_CAUSE_DEPTH && value.cause !== undefined
          ? ` [cause: ${describeThrown(value.cause, depth + 1)}]`
          : "";
      return `${text}${cause}`;
    }
    if (typeof value === "string") return `thrown string: ${value}`;
    if (typeof value === "object" && value !== null) {
      // Key names only: values may hold passwords or tokens.
      const keys = Object.keys(value).slice(0, 10).join(", ");
      return `thrown ${Object.prototype.toString.call(value)}${keys ? ` with keys ${keys}` : ""}`;
    }
    return `thrown ${typeof value}: ${String(value)}`;
  } catch {
    return "thrown value that cannot be described";
  }
}

// Every C0/C1 control but tab, written as an escape: one error is always one line.
function escapeControl(text: string): string {
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g, (char) =>
    char === "\n" ? "\\n" : char === "\r" ? "\\r" : `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
