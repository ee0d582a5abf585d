import { describe, expect, it } from "vitest";
import { internal } from "./factories.js";
import { describeThrown, formatErrorLog } from "./log-line.js";
import { toApiError } from "./to-api-error.js";

describe("formatErrorLog", () => {
  it("gives one line with status, code, trace id, request and the real error", () => {
    const error = toApiError(new Error("database down", { cause: new Error("ECONNREFUSED") }));
    const line = formatErrorLog(error, { traceId: "abc", method: "GET", path: "/users/1?token=secret" });
    expect(line).toMatch(
      /^\[error-contract\] 500 internal_error traceId=abc GET \/users\/1 - Error: database down/,
    );
    expect(line).toContain("cause: Error: ECONNREFUSED");
    expect(line).not.toContain("token=secret");
    expect(line).not.toMatch(/[\r\n]/);
  });

  it("escapes CR and LF so request data cannot forge log lines", () => {
    const line = formatErrorLog(internal("x"), {
      traceId: "t",
      method: "GET",
      path: "/a\r\n[error-contract] 500 forged",
    });
    expect(line.split("\n")).toHaveLength(1);
    expect(line).toContain("\\r\\n[error-contract] 500 forged");
  });

  it("describes odd thrown values without their contents", () => {
    expect(describeThrown("boom")).toBe("thrown string: boom");
    expect(describeThrown(null)).toBe("thrown object: null");
    expect(describeThrown(Symbol("s"))).toBe("thrown symbol: Symbol(s)");
    expect(describeThrown(10n)).toBe("thrown bigint: 10");
    expect(describeThrown({ password: "hunter2" })).toBe("thrown [object Object] with keys password");
    const trap = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error("trap");
        },
      },
    );
    expect(describeThrown(trap)).toBe("thrown value that cannot be described");
  });
});
