import { describe, expect, it, vi } from "vitest";
import { answerClientError, type ClientErrorSocket } from "./client-error.js";
import { ErrorBody } from "./error-body.js";

function socket(overrides: Pick<ClientErrorSocket, "_httpMessage"> & { writable?: boolean } = {}) {
  return { writable: true, end: vi.fn(), destroy: vi.fn(), ...overrides };
}

const parserError = (code: string) => Object.assign(new Error("Parse Error: S3CRET bytes"), { code });

function parse(raw: string) {
  const [head = "", body = ""] = raw.split("\r\n\r\n");
  const [statusLine, ...lines] = head.split("\r\n");
  const headers = new Map(lines.map((line) => line.split(": ") as [string, string]));
  return { statusLine, headers, body };
}

describe("answerClientError", () => {
  it.each([
    ["HPE_INVALID_METHOD", "HTTP/1.1 400 Bad Request", "bad_request"],
    [
      "HPE_HEADER_OVERFLOW",
      "HTTP/1.1 431 Request Header Fields Too Large",
      "request_header_fields_too_large",
    ],
    ["HPE_INVALID_CONSTANT", "HTTP/1.1 400 Bad Request", "bad_request"],
    ["ERR_HTTP_REQUEST_TIMEOUT", "HTTP/1.1 408 Request Timeout", "request_timeout"],
  ])("answers %s with the contract, then closes", (code, statusLine, error) => {
    const target = socket();
    answerClientError(parserError(code), target);
    const answer = parse(String(target.end.mock.calls[0]?.[0]));
    expect(answer.statusLine).toBe(statusLine);
    expect(answer.headers.get("Connection")).toBe("close");
    expect(answer.headers.get("Cache-Control")).toBe("no-store");
    expect(Number(answer.headers.get("Content-Length"))).toBe(new TextEncoder().encode(answer.body).length);
    const body = ErrorBody.parse(JSON.parse(answer.body));
    expect(body.error).toBe(error);
    expect(body.traceId).toBe(answer.headers.get("X-Request-Id"));
    expect(answer.body).not.toContain("S3CRET");
  });

  it.each([
    ["a reset", parserError("ECONNRESET"), socket()],
    ["a socket no longer writable", parserError("HPE_INVALID_METHOD"), socket({ writable: false })],
    [
      "a response under way",
      parserError("HPE_INVALID_METHOD"),
      socket({ _httpMessage: { headersSent: true, req: { complete: false }, once: vi.fn() } }),
    ],
  ])("only destroys the socket after %s", (_name, error, target) => {
    answerClientError(error, target);
    expect(target.end).not.toHaveBeenCalled();
    expect(target.destroy).toHaveBeenCalledTimes(1);
  });
});
