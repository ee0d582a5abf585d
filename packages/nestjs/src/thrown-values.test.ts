import { hostileThrown, THROWN_MARKER, type Thrown } from "@error-contract/conformance/fast-check";
import { ErrorBody } from "@error-contract/core";
import { Controller, Get, Param } from "@nestjs/common";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { appForTests, platforms } from "../test/test-app.js";
import { ErrorContractModule } from "./error-contract-module.js";

// The value the next request's route throws (requests go one at a time).
let next: Thrown | undefined;

@Controller("boom")
class ThrowingController {
  @Get(":how")
  async boom(@Param("how") how: string): Promise<never> {
    const thrown = next?.make();
    if (how === "async") await new Promise((resolve) => setTimeout(resolve, 0));
    if (how === "rejected") return Promise.reject(thrown);
    throw thrown;
  }
}

// Whatever a route throws, sync or async, on either platform: a generic 500 in the contract,
// nothing of the value in the answer, one log line with the trace id, and the server still up.
describe.each(platforms)("ErrorContractFilter with arbitrary thrown values on %s (property)", (platform) => {
  const running = appForTests(platform, {
    imports: [ErrorContractModule.forRoot({ format: "negotiate" })],
    controllers: [ThrowingController],
  });

  it("answers every thrown value with a generic 500 and logs it once", async () => {
    let request = 0;
    await fc.assert(
      fc.asyncProperty(hostileThrown, fc.constantFrom("sync", "async", "rejected"), async (thrown, how) => {
        next = thrown;
        const traceId = `req-prop-${++request}`;
        const response = await fetch(`${running.server.url}/boom/${how}`, {
          headers: { "X-Request-Id": traceId },
        });
        const text = await response.text();
        expect(response.status).toBe(500);
        expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
        expect(response.headers.get("Cache-Control")).toBe("no-store");
        expect(ErrorBody.parse(JSON.parse(text))).toEqual({
          error: "internal_error",
          message: "Internal server error",
          traceId,
        });
        expect(text).not.toContain(THROWN_MARKER);
        expect([...response.headers].join("\n")).not.toContain(THROWN_MARKER);
        const lines = running.log.lines.filter((line) => line.includes(`"traceId":"${traceId}"`));
        expect(lines).toHaveLength(1);
        expect(lines[0]).not.toMatch(/[\r\n]/);
        expect(JSON.parse(lines[0] as string)).toMatchObject({
          level: 50,
          msg: `500 internal_error GET /boom/${how}`,
          traceId,
        });
      }),
      { numRuns: 150 },
    );
    expect(running.server.logs).toEqual([]);
    expect(running.log.lines).toHaveLength(request);
  });
});
