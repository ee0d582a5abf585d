import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestServer, type TestServer } from "./test-server.js";

// Debian's chromium (`apt-get install -y chromium`; .ci/run installs it). Missing, the test fails
// loudly: a browser test that skips itself would pass CI without ever running.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

describe("contractFetch in a real headless browser", () => {
  let server: TestServer;
  let browser: Browser | undefined;

  beforeAll(async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    server = await startTestServer();
    if (existsSync(CHROMIUM)) browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    vi.restoreAllMocks();
  });

  it("shows the action and fields of a 422, a 401 and a 409", async () => {
    // The test itself fails (not a skip) when the browser is missing.
    expect(
      existsSync(CHROMIUM),
      `${CHROMIUM} is missing: apt-get update && apt-get install -y chromium`,
    ).toBe(true);
    if (browser === undefined) throw new Error(`${CHROMIUM} did not start`);
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/client-test/`);
    await page.waitForFunction(() => document.getElementById("status")?.textContent === "done", undefined, {
      timeout: 15_000,
    });
    const read = async (id: string) => JSON.parse((await page.textContent(`#${id}`)) ?? "null");
    expect(pageErrors).toEqual([]);
    expect(await read("r422")).toEqual({
      status: 422,
      code: "validation_failed",
      action: "fix_fields",
      fields: { email: expect.any(String), password: expect.any(String) },
      scheme: null,
    });
    expect(await read("r401")).toEqual({
      status: 401,
      code: "unauthenticated",
      action: "reauthenticate",
      fields: null,
      scheme: "Bearer",
    });
    expect(await read("r409")).toEqual({
      status: 409,
      code: "email_taken",
      action: "conflict",
      fields: null,
      scheme: null,
    });
    expect(await page.evaluate(() => navigator.userAgent)).toContain("Chrome");
  });
});
