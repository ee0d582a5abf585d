// Starts the built sample (dist/main.js) on a free port and reads the URL it prints.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const MAIN = fileURLToPath(new URL("../dist/main.js", import.meta.url));
const LISTENING = /listening on (http:\/\/\S+)/;

export interface RunningServer {
  url: string;
  /** Everything the server wrote, stdout and stderr. */
  output(): string;
  /** Resolves once the output has a line matching `pattern` (it arrives through a pipe, a little later). */
  waitForOutput(pattern: RegExp): Promise<string>;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startServer(platform: "express" | "fastify"): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    env: { ...process.env, NEST_PLATFORM: platform, PORT: "0", HOST: "127.0.0.1", NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const waitForOutput = async (pattern: RegExp) => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const line = output.split("\n").find((candidate) => pattern.test(candidate));
      if (line !== undefined) return line;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no output line matches ${pattern}:\n${output}`);
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    return exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`nestjs-sample (${platform}) did not start in time:\n${output}`));
    }, 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = LISTENING.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1] as string, output: () => output, waitForOutput, stop });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(
        new Error(`nestjs-sample (${platform}) exited (${code ?? signal}) before listening:\n${output}`),
      );
    });
  });
}
