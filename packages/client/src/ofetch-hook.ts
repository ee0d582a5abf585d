import { parseError } from "./parse-error.js";

/** What ofetch's hook context carries that the hook reads. */
export interface OfetchContextLike {
  response: { status: number; headers: Headers; _data?: unknown };
  options: { method?: string | undefined };
}

/**
 * An ofetch `onResponseError` hook: the error answer (which ofetch has already read into
 * `_data`) becomes a `ContractError`. `ofetch.create({ onResponseError: contractResponseError })`.
 * It throws before ofetch's own retry; use `contractFetch` for a retry that honours `Retry-After`.
 */
export function contractResponseError({ response, options }: OfetchContextLike): never {
  throw parseError(
    { status: response.status, headers: response.headers, body: response._data },
    { method: options.method ?? "GET" },
  );
}
