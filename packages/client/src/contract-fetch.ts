import { isIdempotent } from "./action.js";
import type { ContractError } from "./contract-error.js";
import { parseError } from "./parse-error.js";

/** Bounded retries: idempotent methods only, on an error whose action is `retry`. */
export interface RetryPolicy {
  /** Attempts in all, the first included (default 3). */
  attempts?: number;
  /** Wait when the answer has no `Retry-After`, doubled each time (ms, default 250). */
  delayMs?: number;
  /** The longest wait; a longer `Retry-After` ends the retries (ms, default 30 000). */
  maxDelayMs?: number;
}

export interface ContractFetchInit extends RequestInit {
  /** Retry policy; none by default. */
  retry?: RetryPolicy | undefined;
  /** The fetch to call (default: the global one). */
  fetch?: typeof fetch | undefined;
}

/**
 * `fetch`, but a non-2xx answer throws a `ContractError`. With `retry`, a `retry` action of an
 * idempotent request is tried again after its `Retry-After` (or a doubling delay).
 */
export async function contractFetch(
  input: RequestInfo | URL,
  init: ContractFetchInit = {},
): Promise<Response> {
  const { retry, fetch: fetchImpl = fetch, ...requestInit } = init;
  const method = (requestInit.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
  const attempts = retry === undefined ? 1 : Math.max(1, Math.floor(retry.attempts ?? 3));
  // A streamed body cannot be sent twice.
  const once = typeof ReadableStream !== "undefined" && requestInit.body instanceof ReadableStream;
  for (let attempt = 1; ; attempt++) {
    const response = await fetchImpl(
      input instanceof Request && attempts > 1 ? input.clone() : input,
      requestInit,
    );
    if (response.ok) return response;
    const error: ContractError = await parseError(response, { method });
    const delay =
      error.retryAfter !== undefined ? error.retryAfter * 1000 : (retry?.delayMs ?? 250) * 2 ** (attempt - 1);
    if (
      attempt >= attempts ||
      once ||
      error.action !== "retry" ||
      !isIdempotent(method) ||
      delay > (retry?.maxDelayMs ?? 30_000)
    ) {
      throw error;
    }
    await sleep(delay, requestInit.signal ?? undefined);
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", abort);
    };
    const abort = () => {
      done();
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      done();
      resolve();
    }, ms);
    signal?.addEventListener("abort", abort, { once: true });
  });
}
