import { describe, expect, it } from "vitest";
import type { ConformanceCase } from "./case.js";
import { cases } from "./cases/all.js";
import { hostileCases } from "./hostile/cases/all.js";
import { runCase, selectCases } from "./run.js";

const twoSteps: ConformanceCase = {
  id: "two-steps",
  title: "a setup step feeds the request",
  group: "test",
  setup: [
    {
      request: { method: "POST", path: "/things" },
      status: 201,
      capture: { id: "body.id", where: "header.location" },
    },
  ],
  request: { method: "GET", path: "/things/{{id}}", headers: { "x-from": "{{where}}" } },
  expect: { status: 200, body: { equals: { id: "{{id}}" } } },
};

describe("runCase", () => {
  it("captures setup values into the next request", async () => {
    const seen: string[] = [];
    const result = await runCase(async (request) => {
      seen.push(`${request.method} ${new URL(request.url).pathname} ${request.headers.get("x-from") ?? ""}`);
      const headers = { "X-Request-Id": "req-1", Location: "/things/t1" };
      if (request.method === "POST") return Response.json({ id: "t1" }, { status: 201, headers });
      return Response.json({ id: "t1" }, { headers });
    }, twoSteps);
    expect(seen).toEqual(["POST /things ", "GET /things/t1 /things/t1"]);
    expect(result).toMatchObject({
      id: "two-steps",
      passed: true,
      expected: "200",
      got: "200",
      problems: [],
    });
  });

  it("stops at a setup step that fails", async () => {
    const result = await runCase(() => Response.json({ error: "nope" }, { status: 500 }), twoSteps);
    expect(result.problems).toEqual(["setup 1 (POST /things): expected 201, got 500 nope"]);
  });

  it("reports a target that throws, never throwing itself", async () => {
    const result = await runCase(() => Promise.reject(new Error("boom")), twoSteps);
    expect(result).toMatchObject({ passed: false, got: "no response (boom)" });
    expect(result.problems).toEqual(["setup 1 (POST /things) failed: boom"]);
  });

  it("reports an unreachable URL", async () => {
    const result = await runCase("http://127.0.0.1:1", cases[0] as ConformanceCase);
    expect(result.passed).toBe(false);
    expect(result.got).toMatch(/^no response \(.*ECONNREFUSED/);
  });
});

describe("selectCases", () => {
  it("keeps only and drops skip", () => {
    expect(
      selectCases({ only: ["fault-null", "fault-duck"], skip: ["fault-duck"] }).map((c) => c.id),
    ).toEqual(["fault-null"]);
  });

  it("leaves the toolkit's own wording out unless a run turns it on (withTags, tags or only)", () => {
    const wording = cases.filter((c) => c.tags?.includes("wording")).map((c) => c.id);
    expect(wording.length).toBeGreaterThanOrEqual(7);
    expect(wording.every((id) => id.startsWith("body-wording-"))).toBe(true);
    const ids = (options: Parameters<typeof selectCases>[0]) => selectCases(options).map((c) => c.id);
    expect(ids({})).toHaveLength(cases.length - wording.length);
    expect(ids({})).not.toContain("body-wording-malformed-json");
    expect(ids({ withTags: ["wording"] })).toEqual(cases.map((c) => c.id));
    expect(ids({ tags: ["wording"] })).toEqual(wording);
    expect(ids({ only: ["body-wording-empty-body"] })).toEqual(["body-wording-empty-body"]);
    expect(() => ids({ withTags: ["wordings"] })).toThrow("unknown tag: wordings");
    // A suite without wording cases takes the same option (one option for every suite of a run).
    expect(selectCases({ withTags: ["wording"] }, hostileCases)).toHaveLength(hostileCases.length);
  });

  it("refuses unknown ids, so a typo cannot pass silently", () => {
    expect(() => selectCases({ skip: ["fault-nul"] })).toThrow("unknown case id: fault-nul");
  });
});
