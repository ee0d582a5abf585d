import { describe, expect, it } from "vitest";
import { codeForStatus, genericMessage, isErrorStatus, reasonPhrase } from "./status-codes.js";

describe("status table", () => {
  it("falls back to client_error and server_error", () => {
    expect(codeForStatus(402)).toBe("client_error");
    expect(codeForStatus(418)).toBe("client_error");
    expect(codeForStatus(599)).toBe("server_error");
    expect(codeForStatus(507)).toBe("server_error");
  });

  it("uses RFC 9110 reason phrases", () => {
    expect(reasonPhrase(413)).toBe("Content Too Large");
    expect(reasonPhrase(422)).toBe("Unprocessable Content");
    expect(reasonPhrase(401)).toBe("Unauthorized");
    expect(reasonPhrase(429)).toBe("Too Many Requests");
    expect(reasonPhrase(499)).toBe("Client Error");
    expect(reasonPhrase(599)).toBe("Server Error");
  });

  it("has a non-empty generic message for every error status", () => {
    for (let status = 400; status <= 599; status++) {
      expect(isErrorStatus(status)).toBe(true);
      expect(genericMessage(status as 400).length).toBeGreaterThan(0);
    }
    expect(genericMessage(500)).toBe("Internal server error");
  });

  it("accepts only integers from 400 to 599 as error statuses", () => {
    for (const value of [399, 600, 200, 404.5, "404", Number.NaN, null, undefined]) {
      expect(isErrorStatus(value)).toBe(false);
    }
  });
});
