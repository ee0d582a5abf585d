// What an app does without the toolkit: its own error class, trace id, validation and log line,
// answering the same JSON the contract renders. Shared by every target's `plain` variant.
import { z } from "zod";

/** A typical hand-written app error: a plain `Error` subclass, stack captured like any other. */
export class AppError extends Error {
  constructor(status, code, message, fields) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

/** The hand-written trace id: a random UUID without its dashes (32 hex characters). */
export const newTraceId = () => crypto.randomUUID().replaceAll("-", "");

const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** The incoming `traceparent`'s trace id, else a new one (`get(name)` reads a request header). */
export function traceIdFrom(get) {
  const traceparent = get("traceparent");
  const match = typeof traceparent === "string" ? TRACEPARENT.exec(traceparent) : null;
  return match ? match[1] : newTraceId();
}

/** The same JSON body the contract renders: `{ error, message, fields?, traceId }`. */
export function errorBody(error, traceId = newTraceId()) {
  const status = error instanceof AppError ? error.status : 500;
  return {
    status,
    body: {
      error: status === 500 ? "internal_error" : error.code,
      message: status === 500 ? "Internal server error" : error.message,
      fields: status === 500 ? undefined : error.fields,
      traceId,
    },
  };
}

/** The hand-written log line of a 5xx, written where the contract's goes (stderr). */
export function logFailure(error, traceId, method, path) {
  console.error(`500 internal_error traceId=${traceId} ${method} ${path} - ${error?.stack ?? error}`);
}

/** What the success routes answer. */
export const user = { id: "usr_ada", email: "ada@example.com", name: "Ada" };

/** The register body both variants validate (as the sample apps do). */
export const RegisterBody = z.object({
  email: z.email(),
  password: z.string().min(12, "min 12 chars").regex(/\d/, "at least one digit"),
  name: z.string().min(1).max(100).optional(),
});

/** Hand-written validation: the parsed body, or an `AppError` 422 with the first message per field. */
export function validateRegister(input) {
  const result = RegisterBody.safeParse(input);
  if (result.success) return result.data;
  const fields = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".");
    fields[key] ??= issue.message;
  }
  throw new AppError(
    422,
    "validation_failed",
    `Validation failed: ${Object.keys(fields).join(", ")}`,
    fields,
  );
}
