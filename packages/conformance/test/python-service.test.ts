import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Service, startService } from "../src/index.js";
import { cli } from "./run-cli.js";

const DIR = join(import.meta.dirname, "python-service");
const DOCUMENT = join(DIR, "openapi.json");

// A service in another language: Python's standard library only, with its own OpenAPI document.
describe("a Python http.server service with its own document", () => {
  let service: Service;
  beforeAll(async () => {
    service = await startService({ command: "python3", args: [join(DIR, "orders.py")] });
  });
  afterAll(() => service?.stop());

  it("passes check --openapi, writes included, with credentials for the positive path", async () => {
    const run = await cli(
      "check",
      service.url,
      "--openapi",
      DOCUMENT,
      "--allow-writes",
      "--header",
      "Authorization: Bearer orders-token",
      "--rate",
      "500",
      "--json",
    );
    const report = JSON.parse(run.stdout);
    const failed = report.results.filter((result: { passed: boolean }) => !result.passed);
    expect(failed).toEqual([]);
    expect(run.code).toBe(0);
    expect(report.total).toBe(41);
    expect(report.results.map((result: { id: string }) => result.id)).toEqual(
      expect.arrayContaining([
        "openapi-create-order-pattern-item",
        "openapi-create-order-enum-priority",
        "openapi-create-order-maximum-quantity",
        "openapi-get-order-unknown-token",
        "openapi-get-order-head",
      ]),
    );
  });

  it("sends only safe methods by default and says what it left out", async () => {
    const run = await cli("check", service.url, "--openapi", DOCUMENT, "--rate", "500");
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/^openapi-create-order-/m);
    expect(run.stdout).toMatch(
      /^openapi-unserved-method-orders\s+405\|404\s+405 method_not_allowed\s+PASS$/m,
    );
    // GET /orders/{id} is bearer-secured: without --header, its 401 cases go out, not its GET and HEAD.
    expect(run.stdout).toContain(
      "left out: 2 (a secured operation: give its credentials with --header); 21 (POST is not safe: give --allow-writes)",
    );
  });

  it("agrees with itself under compare, and --tag narrows the suite", async () => {
    const run = await cli(
      "compare",
      service.url,
      service.url,
      "--openapi",
      DOCUMENT,
      "--tag",
      "trace-id",
      "--rate",
      "500",
    );
    expect(run.stdout).toContain("no difference in 7 cases across 2 services");
    expect(run.code).toBe(0);
  });
});
