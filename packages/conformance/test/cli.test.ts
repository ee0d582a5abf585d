import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases, hostileCases } from "../src/index.js";
import { selectCases } from "../src/run.js";
import { createReferenceServer } from "./reference-server.js";
import { type Served, serveNode } from "./serve-node.js";

// The built CLI (root `npm test` builds before vitest; alone: `npm run build -w @error-contract/conformance`).
const CLI = join(import.meta.dirname, "../dist/cli.js");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

// Asynchronous on purpose: the servers answering the CLI run in this very process.
function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({
        code: error === null ? 0 : typeof error.code === "number" ? error.code : null,
        stdout,
        stderr,
      });
    });
  });
}

// What `check` runs by default: every case but the toolkit's own wording (tag `wording`).
const byDefault = selectCases({});

describe("error-contract check", () => {
  let good: Served;
  let broken: Served;
  let dir: string;
  beforeAll(async () => {
    [good, broken, dir] = await Promise.all([
      serveNode(createReferenceServer()),
      serveNode(createReferenceServer("no-www-authenticate")),
      mkdtemp(join(tmpdir(), "conformance-cli-")),
    ]);
  });
  afterAll(async () => {
    await Promise.all([good.close(), broken.close(), rm(dir, { recursive: true, force: true })]);
  });

  it("exits 0 against a conforming server and prints the table", async () => {
    const run = await cli("check", good.url);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^case\s+expected\s+got\s+verdict\s+first problem$/m);
    expect(run.stdout).toMatch(/^register-broken-json\s+400 bad_request\s+400 bad_request\s+PASS$/m);
    expect(run.stdout).toContain(`${byDefault.length} passed, 0 failed, ${byDefault.length} cases`);
    expect(run.stdout).not.toMatch(/^body-wording-/m);
  });

  it("--with-tag wording turns on the cases of the toolkit's own wording", async () => {
    const run = await cli("check", good.url, "--with-tag", "wording", "--json");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ total: cases.length, failed: 0 });
  });

  it("prints JSON with --json and writes well-formed JUnit with --junit", async () => {
    const junit = join(dir, "results.xml");
    const run = await cli("check", good.url, "--json", "--junit", junit);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ total: byDefault.length, passed: byDefault.length, failed: 0 });
    expect(report.results[0]).toMatchObject({ id: cases[0]?.id, passed: true, problems: [] });
    const xml = await readFile(junit, "utf8");
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites tests="\d+" failures="0"/);
    expect(xml.match(/<testcase /g)).toHaveLength(byDefault.length);
    expect(xml.trimEnd().endsWith("</testsuites>")).toBe(true);
  });

  it("exits 1 against a broken server, naming the failed cases", async () => {
    const junit = join(dir, "broken.xml");
    const run = await cli("check", broken.url, "--only", "me-no-credentials,me-user", "--junit", junit);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^me-no-credentials\s+401 unauthenticated\s+401 unauthenticated\s+FAIL\s+401 without/m,
    );
    expect(run.stdout).toMatch(/^me-user\s+200\s+200\s+PASS$/m);
    expect(run.stdout).toContain("failed: --only me-no-credentials");
    expect(await readFile(junit, "utf8")).toContain(
      '<failure message="expected 401 unauthenticated, got 401 unauthenticated"',
    );
  });

  it("runs the hostile suite with --suite hostile, failing a server that keeps 413s alive", async () => {
    const keepAlive = await serveNode(createReferenceServer(), { keepAliveOnUnreadBody: true });
    try {
      const passing = await cli("check", good.url, "--suite", "hostile", "--json");
      expect(passing.code).toBe(0);
      expect(JSON.parse(passing.stdout)).toMatchObject({
        suite: "hostile",
        total: hostileCases.length,
        failed: 0,
      });
      const failing = await cli(
        "check",
        keepAlive.url,
        "--suite",
        "hostile",
        "--only",
        "hostile-size-chunked",
      );
      expect(failing.code).toBe(1);
      expect(failing.stdout).toMatch(
        /^hostile-size-chunked\s+413, Connection: close\s+413 payload_too_large\s+FAIL/m,
      );
    } finally {
      await keepAlive.close();
    }
  });

  it("runs only what --only and --skip leave", async () => {
    const run = await cli(
      "check",
      good.url,
      "--json",
      "--only",
      "user-found,me-user,fault-null",
      "--skip",
      "me-user",
    );
    expect(JSON.parse(run.stdout).results.map((result: { id: string }) => result.id)).toEqual([
      "user-found",
      "fault-null",
    ]);
  });

  it.each([
    [["check"], "missing <base-url>"],
    [["lint", "http://127.0.0.1:1"], "unknown command: lint"],
    [["check", "ftp://example.com"], "not an http(s) URL"],
    [["check", "http://127.0.0.1:1", "--only", "no-such-case"], "unknown case id: no-such-case"],
    [["check", "http://127.0.0.1:1", "--bogus"], "Unknown option '--bogus'"],
    [["check", "http://127.0.0.1:1", "--skip", ","], "--skip needs comma-separated case ids"],
    [["check", "http://127.0.0.1:1", "--suite", "evil"], "unknown suite: evil"],
    [["check", "http://127.0.0.1:1", "--suite", "hostile", "--only", "register-created"], "unknown case id"],
  ])("exits 2 for a usage error: %j", async (args, message) => {
    const run = await cli(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain("Usage: error-contract check <base-url>");
  });

  it("exits 2 when the server cannot be reached", async () => {
    const run = await cli("check", "http://127.0.0.1:1");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("cannot reach http://127.0.0.1:1");
  });

  it("prints help with --help", async () => {
    const run = await cli("--help");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("--junit <file>");
  });
});
