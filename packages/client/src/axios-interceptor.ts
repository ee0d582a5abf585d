import { parseError } from "./parse-error.js";

/** What an `AxiosError` carries that the interceptor reads. */
export interface AxiosErrorLike {
  response?: { status: number; headers?: unknown; data?: unknown } | undefined;
  config?: { method?: string | undefined } | undefined;
}

/**
 * An axios response interceptor: an answer with an error status rejects with a `ContractError`;
 * an error without an answer (network, timeout) is passed on as it is.
 * `axios.interceptors.response.use(undefined, contractInterceptor)`.
 */
export function contractInterceptor(error: unknown): Promise<never> {
  const response = (error as AxiosErrorLike | null)?.response;
  if (typeof response?.status !== "number") return Promise.reject(error);
  const { status, headers, data } = response;
  const method = (error as AxiosErrorLike).config?.method;
  return Promise.reject(
    parseError({ status, headers: headers as Record<string, unknown>, body: data }, { method }),
  );
}
