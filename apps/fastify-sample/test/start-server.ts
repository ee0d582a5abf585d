import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const SERVER = fileURLToPath(new URL("../dist/server.js", import.meta.url));
const LISTENING = /fastify-sample listening on (http:\/\/127\.0\.0\.1:\d+)/;

export interface StartedServer {
  url: string;
  child: ChildProcess;
  /** Everything the server wrote to stderr so far (its 5xx log lines). */
  stderr(): string;
  stop(): void;
}

/** Starts the built server on a free port and resolves once it prints its URL. */
export async function startServer(): Promise<StartedServer> {
  if (!existsSync(SERVER))
    throw new Error(`${SERVER} is missing: run \`npm run build -w fastify-sample\` first`);
  const child = spawn(process.execPath, [SERVER], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  // Both pipes are read to the end: an unread pipe would fill up and block the server.
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no URL printed within 10 s:\n${stdout}${stderr}`)),
      10_000,
    );
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const found = LISTENING.exec(stdout)?.[1];
      if (found !== undefined) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${stdout}${stderr}`));
    });
  });
  return {
    url,
    child,
    stderr: () => stderr,
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
  };
}
