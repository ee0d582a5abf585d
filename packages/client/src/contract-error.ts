import type { Action } from "./action.js";
import type { Challenge } from "./www-authenticate.js";

/** What `parseError` read from an error answer. */
export interface ContractErrorInit<Code extends string = string> {
  status: number;
  code: Code;
  message: string;
  fields: Readonly<Record<string, string>> | undefined;
  traceId: string | undefined;
  retryAfter: number | undefined;
  challenges: readonly Challenge[];
  action: Action;
  contract: boolean;
  extensions: Readonly<Record<string, unknown>>;
  body: unknown;
}

/** An error answer of an API, read once: the same shape whatever client or server. */
export class ContractError<Code extends string = string> extends Error {
  override readonly name = "ContractError";
  /** The HTTP status. */
  declare readonly status: number;
  /** The contract's code; the status's generic code when the answer is not the contract. */
  declare readonly code: Code;
  /** Field paths to what is wrong with each (400 and 422). */
  declare readonly fields: Readonly<Record<string, string>> | undefined;
  /** The trace id to quote in a report (the body's, else the `X-Request-Id` header). */
  declare readonly traceId: string | undefined;
  /** Seconds to wait, from `Retry-After` (seconds or an HTTP-date). */
  declare readonly retryAfter: number | undefined;
  /** Every `WWW-Authenticate` challenge. */
  declare readonly challenges: readonly Challenge[];
  /** What the UI does: see the action table. */
  declare readonly action: Action;
  /** Whether the body was the contract (default or problem+json rendering). */
  declare readonly contract: boolean;
  /** Members of the body beyond the contract's, kept as they came. */
  declare readonly extensions: Readonly<Record<string, unknown>>;
  /** The body as read (parsed JSON, or the text). */
  declare readonly body: unknown;

  constructor(init: ContractErrorInit<Code>) {
    super(init.message);
    Object.assign(this, init);
  }

  /** The first `WWW-Authenticate` challenge (for the contract: `Bearer`, maybe with `error`). */
  get challenge(): Challenge | undefined {
    return this.challenges[0];
  }
}
