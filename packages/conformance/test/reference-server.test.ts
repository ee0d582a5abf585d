import { describe, expect, it } from "vitest";
import { cases, runConformance } from "../src/index.js";
import { createReferenceServer } from "./reference-server.js";
import { serveNode } from "./serve-node.js";
import { otherServerErrorWording, variants } from "./variants.js";

// The toolkit's own wording is the reference server's too: every case runs here.
const ALL = { withTags: ["wording"] };

const failures = (results: Awaited<ReturnType<typeof runConformance>>) =>
  results.filter((result) => !result.passed).map((result) => `${result.id}: ${result.problems.join(" | ")}`);

describe("the suite against the reference server", () => {
  it("passes every case in process", async () => {
    const results = await runConformance(createReferenceServer(), ALL);
    expect(failures(results)).toEqual([]);
    expect(results.map((result) => result.id)).toEqual(cases.map((testCase) => testCase.id));
  });

  it("passes every case twice in a row on the same server (unique emails per run)", async () => {
    const server = createReferenceServer();
    await runConformance(server, ALL);
    expect(failures(await runConformance(server, ALL))).toEqual([]);
  });

  it("passes every case over real HTTP (node:http, chunked 413 included)", async () => {
    const served = await serveNode(createReferenceServer());
    try {
      expect(failures(await runConformance(served.url, ALL))).toEqual([]);
    } finally {
      await served.close();
    }
  });

  const caught = new Set<string>();
  it.each(variants)("catches $rule by $caughtBy", async ({ apply, caughtBy }) => {
    const results = await runConformance(apply(createReferenceServer()), ALL);
    const failed = results.filter((result) => !result.passed).map((result) => result.id);
    for (const id of failed) caught.add(id);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed).toEqual(expect.arrayContaining([...caughtBy]));
  });

  // A case is only trusted once a broken server is seen failing it (runs after the variants above).
  it("has every case failed by at least one broken variant", () => {
    expect(cases.map((testCase) => testCase.id).filter((id) => !caught.has(id))).toEqual([]);
  });

  it("by default, fails no service on a wording the spec does not give: body errors, 5xx messages", async () => {
    const results = await runConformance(otherServerErrorWording(createReferenceServer()));
    expect(failures(results)).toEqual([]);
    expect(results.map((result) => result.id)).toContain("fault-error");
    expect(results.map((result) => result.id)).not.toContain("body-wording-malformed-json");
  });

  it("takes any OpenAPI 3.1 patch release for the document (3.1.1 is as sound as 3.1.0)", async () => {
    const server = createReferenceServer();
    const patched = async (request: Request) => {
      const response = await server(request);
      if (new URL(request.url).pathname !== "/openapi.json" || request.method !== "GET") return response;
      const document = { ...((await response.json()) as object), openapi: "3.1.1" };
      return new Response(JSON.stringify(document), { status: 200, headers: response.headers });
    };
    expect(failures(await runConformance(patched, { only: ["openapi-document"] }))).toEqual([]);
  });

  it("over HTTP, catches a server without a body limit, chunked or not", async () => {
    const served = await serveNode(createReferenceServer("no-body-limit"));
    try {
      const results = await runConformance(served.url, {
        only: ["register-too-large", "register-too-large-chunked"],
      });
      expect(results.map((result) => [result.id, result.passed, result.got])).toEqual([
        ["register-too-large", false, "201"],
        ["register-too-large-chunked", false, "201"],
      ]);
    } finally {
      await served.close();
    }
  });
});
