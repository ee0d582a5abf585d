/** What a UI does about an error: one `switch` for every answer. */
export type Action =
  | "reauthenticate"
  | "forbidden"
  | "fix_fields"
  | "conflict"
  | "not_found"
  | "retry"
  | "report"
  | "show";

const IDEMPOTENT = /^(get|head|options|trace|put|delete)$/i;

/** Whether a method is idempotent (RFC 9110 section 9.2.2), so that a retry is harmless. */
export function isIdempotent(method: string | undefined): boolean {
  return method !== undefined && IDEMPOTENT.test(method);
}

/** The action for an answer; see the README's action table. */
export function actionFor(
  status: number,
  hasFields: boolean,
  retryAfter: number | undefined,
  method: string | undefined,
): Action {
  if (status === 401) return "reauthenticate";
  if (status === 403) return "forbidden";
  if ((status === 400 || status === 422) && hasFields) return "fix_fields";
  if (status === 409) return "conflict";
  if (status === 404) return "not_found";
  if ((status === 429 || status === 503) && retryAfter !== undefined) return "retry";
  if ((status === 502 || status === 504) && isIdempotent(method)) return "retry";
  return status >= 400 && status < 500 ? "show" : "report";
}
