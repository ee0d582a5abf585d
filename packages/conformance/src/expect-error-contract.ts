import type { ErrorBody } from "@error-contract/core";
import { checkResponse } from "./check-response.js";

export interface ExpectedError {
  status: number;
  error: string;
  /** The exact keys of `fields` (left out: not checked). */
  fields?: readonly string[] | undefined;
}

/**
 * For your own tests: reads the response and throws one Error listing every way it breaks the
 * contract or the expectation (status, Content-Type, Cache-Control, X-Request-Id, body, code,
 * fields). Returns the body when it conforms.
 */
export async function expectErrorContract(response: Response, expected: ExpectedError): Promise<ErrorBody> {
  const body = await response.text();
  const problems = checkResponse(
    { status: response.status, headers: response.headers, body },
    expected.fields === undefined
      ? { status: expected.status, error: expected.error }
      : { status: expected.status, error: expected.error, fields: expected.fields },
    { method: "GET", exactFields: true },
  );
  if (problems.length > 0) {
    throw new Error(
      `response breaks the error contract (expected ${expected.status} ${expected.error}):\n` +
        problems.map((problem) => `  - ${problem}`).join("\n"),
    );
  }
  return JSON.parse(body) as ErrorBody;
}
