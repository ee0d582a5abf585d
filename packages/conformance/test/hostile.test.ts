import { describe, expect, it } from "vitest";
import { hostileCases, runHostile } from "../src/index.js";
import { describeHostile } from "../src/vitest.js";
import { hostileVariants } from "./hostile-variants.js";
import { createReferenceServer } from "./reference-server.js";
import { type Served, serveNode } from "./serve-node.js";

const failed = (results: Awaited<ReturnType<typeof runHostile>>) =>
  results.filter((result) => !result.passed).map((result) => `${result.id}: ${result.problems.join(" | ")}`);

async function withServer<T>(served: Promise<Served>, use: (url: string) => Promise<T>): Promise<T> {
  const server = await served;
  try {
    return await use(server.url);
  } finally {
    await server.close();
  }
}

describe("the hostile suite against the reference server", () => {
  it("passes every case over raw HTTP", async () => {
    const results = await withServer(serveNode(createReferenceServer()), (url) => runHostile(url));
    expect(failed(results)).toEqual([]);
    expect(results.map((result) => result.id)).toEqual(hostileCases.map((testCase) => testCase.id));
  });

  it.each(hostileVariants)("catches $rule by $caughtBy", async ({ quirk, serve, caughtBy }) => {
    const results = await withServer(serveNode(createReferenceServer(quirk), serve), (url) =>
      runHostile(url),
    );
    expect(results.filter((result) => !result.passed).map((result) => result.id)).toEqual(
      expect.arrayContaining([...caughtBy]),
    );
  });

  it("fails a case whose server stopped serving, naming the probe", async () => {
    const server = await serveNode(createReferenceServer());
    await server.close();
    const [result] = await runHostile(server.url, { only: ["hostile-json-truncated"] });
    expect(result?.passed).toBe(false);
    expect(result?.problems.join("\n")).toContain("probe GET /users/usr_ada");
  });
});

// The vitest integration, as a sample app uses it.
let served: Served | undefined;
describeHostile(
  "reference server, hostile, a selection",
  async () => {
    served = await serveNode(createReferenceServer());
    return served.url;
  },
  { only: ["hostile-json-bom", "hostile-size-chunked", "hostile-head-me"] },
);
describe("cleanup", () => {
  it("stops the server", async () => {
    await served?.close();
  });
});
