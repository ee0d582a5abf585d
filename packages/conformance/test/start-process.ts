import { type ChildProcess, spawn } from "node:child_process";

export interface StartedProcess {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** Spawns a server process and resolves with the first `http://127.0.0.1:<port>` it prints. */
export function startProcess(
  command: string,
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<StartedProcess> {
  const child: ChildProcess = spawn(command, [...args], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", NO_COLOR: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${command} ${args.join(" ")} printed no URL within 20 s:\n${output}`));
    }, 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (url !== undefined) {
        clearTimeout(timer);
        resolve({ url, output: () => output, stop });
      }
    };
    // Both pipes are read to the end: an unread pipe would fill up and block the server.
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${command} ${args.join(" ")} exited before listening:\n${output}`));
    });
  });
}
