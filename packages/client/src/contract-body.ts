// The contract's bodies, checked by hand (no zod at runtime). A fast-check property proves these
// checks accept and reject what core's `ErrorBody` and `ProblemBody` do, members beyond the
// contract's aside: a client keeps unknown members instead of failing on them.

/** The default rendering: `{ error, message, fields?, traceId }`. */
export interface ErrorBodyMembers {
  error: string;
  message: string;
  fields?: Readonly<Record<string, string>>;
  traceId: string;
}

/** The RFC 9457 rendering: `{ type, title, status, detail, error, fields?, traceId }`. */
export interface ProblemBodyMembers {
  type: string;
  title: string;
  status: number;
  detail: string;
  error: string;
  fields?: Readonly<Record<string, string>>;
  traceId: string;
}

const CODE = /^[a-z][a-z0-9_]*$/;
// As zod's records do, a `__proto__` key of `fields` is set aside (and left out of what is read).
export const PROTO = "__proto__";

/** A JSON object: not null, not an array. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const filled = (value: unknown): value is string => typeof value === "string" && value !== "";

function shared(body: Record<string, unknown>): boolean {
  const { error, fields, traceId } = body;
  return (
    typeof error === "string" &&
    CODE.test(error) &&
    filled(traceId) &&
    (fields === undefined ||
      (isObject(fields) &&
        Object.keys(fields).every((key) => key === PROTO || (key !== "" && filled(fields[key])))))
  );
}

/** Whether a value carries the default rendering's members (other members are allowed). */
export function isErrorBody(value: unknown): value is ErrorBodyMembers {
  return isObject(value) && filled(value.message) && shared(value);
}

/** Whether a value carries the problem+json rendering's members (other members are allowed). */
export function isProblemBody(value: unknown): value is ProblemBodyMembers {
  if (!isObject(value)) return false;
  const { type, title, status, detail } = value;
  return (
    filled(type) &&
    filled(title) &&
    Number.isInteger(status) &&
    (status as number) >= 400 &&
    (status as number) <= 599 &&
    filled(detail) &&
    shared(value)
  );
}
