import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describeConformance } from "@error-contract/conformance/vitest";
import { afterAll, describe, expect, it } from "vitest";

const SERVER = fileURLToPath(new URL("../dist/server.js", import.meta.url));
const LISTENING = /hono-sample listening on (http:\/\/127\.0\.0\.1:\d+)/;

let server: ChildProcess | undefined;

/** Starts the built server on a free port and resolves with the URL it prints. */
async function start(): Promise<string> {
  if (!existsSync(SERVER))
    throw new Error(`${SERVER} is missing: run \`npm run build -w hono-sample\` first`);
  const child = spawn(process.execPath, [SERVER], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server = child;
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed within 10 s:\n${output}`)), 10_000);
    // stderr is read too (the 5xx log lines): an unread pipe would fill up and block the server.
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const url = LISTENING.exec(output)?.[1];
      if (url !== undefined) {
        clearTimeout(timer);
        resolve(url);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

describeConformance("hono-sample over HTTP", start);

describe("hono-sample server", () => {
  it("exits with 0 on SIGTERM", async () => {
    expect(server?.exitCode).toBeNull();
    const exited = once(server as ChildProcess, "exit");
    server?.kill("SIGTERM");
    const [code, signal] = await exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
  });
});

afterAll(() => {
  if (server?.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
});
