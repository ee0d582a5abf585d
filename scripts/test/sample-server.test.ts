import { once } from "node:events";
import { describeConformance, describeHostile } from "@error-contract/conformance/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SampleServer, START_TIMEOUT, sampleTargets, startSample } from "./sample-targets.js";

// Each sample's built server, one target at a time: the reference and the hostile (raw HTTP/1.1)
// catalogs over real HTTP, then the process itself. The samples' own tests run their sources in
// process; what every target must do is held here.
for (const target of sampleTargets) {
  describe(`${target.name} sample, built, over HTTP`, () => {
    let server: SampleServer;
    beforeAll(async () => {
      server = await startSample(target);
    }, START_TIMEOUT);
    afterAll(() => server?.stop());

    // The toolkit's own wording too (off by default): every sample words body errors as core does.
    describeConformance("reference cases", () => server.url, { withTags: ["wording"] });
    describeHostile("hostile cases", () => server.url);

    describe("the process", () => {
      it("printed no Content-Type warning over both catalogs (Nest's Fastify platform has one)", () => {
        expect(server.output()).not.toContain("Content-Type doesn't match");
      });

      it("exits with 0 on SIGTERM, with nothing unhandled on the way", async () => {
        const child = server.child;
        expect(child.exitCode).toBeNull();
        const exited = once(child, "exit");
        child.kill("SIGTERM");
        const [code, signal] = await exited;
        expect({ code, signal }).toEqual({ code: 0, signal: null });
        expect(server.output()).not.toMatch(/Unhandled|ERROR.*close/i);
      });
    });
  });
}
