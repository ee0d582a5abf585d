// What an app does without the toolkit: its own error class and trace id, the same JSON body.

/** A typical hand-written app error: a plain `Error` subclass, stack captured like any other. */
export class AppError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** The hand-written trace id: a random UUID without its dashes (32 hex characters). */
export const newTraceId = () => crypto.randomUUID().replaceAll("-", "");

/** The same JSON body the contract renders for a 4xx: `{ error, message, traceId }`. */
export function errorBody(error) {
  const status = error instanceof AppError ? error.status : 500;
  return {
    status,
    body: {
      error: status === 500 ? "internal_error" : error.code,
      message: status === 500 ? "Internal server error" : error.message,
      traceId: newTraceId(),
    },
  };
}

/** What the success route answers. */
export const user = { id: "usr_ada", email: "ada@example.com", name: "Ada" };
