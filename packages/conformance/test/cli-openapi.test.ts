import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectCases } from "../src/run.js";
import { createOpenApiServer } from "./openapi-server.js";
import { referenceDocument } from "./reference-openapi.js";
import { createReferenceServer } from "./reference-server.js";
import { cli } from "./run-cli.js";
import { type Served, serveNode } from "./serve-node.js";

describe("error-contract check --openapi, compare, --list, --version, tags", () => {
  let good: Served;
  let broken: Served;
  let dir: string;
  let document: string;
  beforeAll(async () => {
    [good, broken, dir] = await Promise.all([
      serveNode(createOpenApiServer()),
      serveNode(createOpenApiServer("validation-as-400")),
      mkdtemp(join(tmpdir(), "conformance-openapi-")),
    ]);
    document = join(dir, "reference.json");
    await writeFile(document, JSON.stringify(referenceDocument));
  });
  afterAll(async () => {
    await Promise.all([good.close(), broken.close(), rm(dir, { recursive: true, force: true })]);
  });

  it("checks a server against its document, with table, JSON and JUnit reports", async () => {
    const junit = join(dir, "openapi.xml");
    const run = await cli(
      "check",
      good.url,
      "--openapi",
      document,
      "--allow-writes",
      "--header",
      "Authorization: Bearer user-token",
      "--rate",
      "1000",
      "--junit",
      junit,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`error-contract check ${good.url} (openapi)`);
    expect(run.stdout).toMatch(
      /^openapi-register-pattern-password\s+422 validation_failed\s+422 validation_failed\s+PASS$/m,
    );
    expect(run.stdout).toContain("44 passed, 0 failed, 44 cases");
    expect((await readFile(junit, "utf8")).match(/<testcase /g)).toHaveLength(44);
    const json = await cli("check", good.url, "--openapi", document, "--rate", "1000", "--json");
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ suite: "openapi", failed: 0 });
    expect(report.leftOut.length).toBeGreaterThan(0);
  });

  it("reads a YAML document too, and refuses what is not OpenAPI 3.x", async () => {
    const yaml = join(dir, "reference.yaml");
    const { stringify } = await import("yaml");
    await writeFile(yaml, stringify(referenceDocument));
    const run = await cli("check", good.url, "--openapi", yaml, "--tag", "problem-json", "--rate", "1000");
    expect(run.stdout).toContain("3 passed, 0 failed, 3 cases");
    const swagger = join(dir, "swagger.json");
    await writeFile(swagger, JSON.stringify({ swagger: "2.0", paths: {} }));
    const refused = await cli("check", good.url, "--openapi", swagger);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("is Swagger 2.0: convert it to OpenAPI 3.x first");
  });

  it("exits 1 against a server breaking a rule the document states", async () => {
    const run = await cli(
      "check",
      broken.url,
      "--openapi",
      document,
      "--allow-writes",
      "--tag",
      "body",
      "--rate",
      "1000",
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^openapi-register-format-email\s+422 validation_failed\s+400 bad_request\s+FAIL\s+status: expected 422, got 400/m,
    );
  });

  it("stops a run over --max-requests before sending", async () => {
    const run = await cli("check", good.url, "--openapi", document, "--max-requests", "5");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/the cases need \d+ requests, over --max-requests 5/);
    expect(run.stdout).toBe(""); // refused before the table's header
  });

  it("compare exits 1 and names each difference, 0 when the services agree", async () => {
    const differ = await cli(
      "compare",
      good.url,
      broken.url,
      "--openapi",
      document,
      "--allow-writes",
      "--tag",
      "body",
      "--rate",
      "1000",
      "--json",
    );
    expect(differ.code).toBe(1);
    const report = JSON.parse(differ.stdout);
    expect(report.differences).toEqual(
      expect.arrayContaining([
        { id: "openapi-register-format-email", aspect: "status", values: ["422", "400"] },
        { id: "openapi-register-format-email", aspect: "code", values: ["validation_failed", "bad_request"] },
      ]),
    );
    const same = await cli(
      "compare",
      good.url,
      good.url,
      "--only",
      "user-found,me-no-credentials,route-unknown-get",
    );
    expect(same.code).toBe(0);
    expect(same.stdout).toContain("no difference in 3 cases across 2 services");
  });

  it("--list prints one line per case with its tags; --skip-tag faults leaves the fault cases out", async () => {
    const all = await cli("check", "--list");
    expect(all.code).toBe(0);
    expect(all.stdout.trimEnd().split("\n")).toHaveLength(selectCases({}).length);
    expect(all.stdout).toMatch(/^fault-duck\s+faults\s+/m);
    expect(all.stdout).toMatch(/^register-database-fault\s+register,faults\s+/m);
    const withoutFaults = await cli("check", "--list", "--skip-tag", "faults");
    const ids = withoutFaults.stdout
      .trimEnd()
      .split("\n")
      .map((line) => line.split(" ")[0]);
    expect(ids).not.toContain("fault-duck");
    expect(ids).not.toContain("problem-json-server-error");
    expect(ids).not.toContain("delete-database-fault");
    expect(ids).toContain("register-created");
    const derived = await cli("check", "--list", "--openapi", document);
    expect(derived.stdout).toMatch(
      /^openapi-me-unknown-token\s+auth,me\s+GET \/me with a well-formed token/m,
    );
    expect(derived.stdout).toMatch(/^left out: .*\d+ \(POST is not safe: give --allow-writes\)/m);
    const hostile = await cli("check", "--list", "--suite", "hostile", "--tag", "faults");
    expect(hostile.stdout).toMatch(/^hostile-head-fault-unknown\s/m);
  });

  it("--version prints the package version; unknown tags and misplaced flags are usage errors", async () => {
    const version = await cli("--version");
    expect(version.code).toBe(0);
    const { version: wanted } = JSON.parse(
      await readFile(join(import.meta.dirname, "../package.json"), "utf8"),
    );
    expect(version.stdout.trim()).toBe(wanted);
    for (const [args, message] of [
      [["check", good.url, "--tag", "nope"], "unknown tag: nope"],
      [["check", good.url, "--allow-writes"], "--allow-writes need --openapi"],
      [
        ["check", good.url, "--openapi", document, "--suite", "hostile"],
        "--suite and --openapi exclude each other",
      ],
      [["compare", good.url], "compare needs at least two <base-url>s"],
      [["check", good.url, "--openapi", document, "--header", "nocolon"], '--header needs "Name: value"'],
    ] as const) {
      const run = await cli(...args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(message);
    }
  });

  it("the reference suite against the reference server is unchanged: no hint", async () => {
    const plain = await serveNode(createReferenceServer());
    try {
      const run = await cli("check", plain.url, "--only", "user-found,route-unknown-get");
      expect(run.code).toBe(0);
      expect(run.stderr).toBe("");
    } finally {
      await plain.close();
    }
  });
});
