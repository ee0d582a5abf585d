import type { ContractError } from "./contract-error.js";
import { parseError } from "./parse-error.js";

/** What ky's `HTTPError` carries that the hook reads. */
export interface KyHttpErrorLike {
  response: Response;
  request: Request;
}

/**
 * A ky `beforeError` hook: the HTTP error becomes a `ContractError` (ky leaves the body unread;
 * this reads it). `ky.create({ hooks: { beforeError: [contractBeforeError] } })`.
 */
export async function contractBeforeError(error: KyHttpErrorLike): Promise<never> {
  const contractError: ContractError = await parseError(error.response, { method: error.request.method });
  throw contractError;
}
