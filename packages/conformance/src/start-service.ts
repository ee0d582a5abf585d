import { type ChildProcess, spawn } from "node:child_process";
import { connect } from "node:net";

export interface StartServiceOptions {
  /** The program to run (default: this Node, `process.execPath`). */
  command?: string | undefined;
  args?: readonly string[] | undefined;
  cwd?: string | undefined;
  /** Added to `process.env` after the defaults `PORT=0`, `HOST=127.0.0.1`, `NO_COLOR=1`, which it may override. */
  env?: Readonly<Record<string, string | undefined>> | undefined;
  /** How long the service may take to listen (default 30 s); then it is killed. */
  timeoutMs?: number | undefined;
  /** How long `stop()` waits after SIGTERM before SIGKILL (default 5 s). */
  stopTimeoutMs?: number | undefined;
  /**
   * Start with an IPC channel (a forked Node service): it may then announce `{ port }` or
   * `{ url }` through `process.send` instead of printing its URL; `stop()` closes the channel
   * first, so the service can exit by itself.
   */
  ipc?: boolean | undefined;
}

export interface Service {
  /** The service's origin, e.g. `http://127.0.0.1:41234`. */
  url: string;
  pid: number;
  /** The process itself (its pipes are already being read). */
  child: ChildProcess;
  /** Everything it wrote so far, stdout and stderr interleaved as they arrived. */
  output(): string;
  stdout(): string;
  stderr(): string;
  /** The first output line matching `pattern`, once it has arrived (output comes through a pipe, a little later). */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Whether the process is still running. */
  running(): boolean;
  /** SIGTERM (or closing the IPC channel), SIGKILL after the grace; resolves with how it exited. */
  stop(): Promise<Exit>;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

// The first loopback http URL printed, complete (followed by something that is not a digit, so
// a port split across two chunks is never read half).
const LOOPBACK_URL = /http:\/\/(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\]):(\d{1,5})(?=\D)/;

// Every child still running, killed with its process group when this process exits.
const live = new Set<ChildProcess>();
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group has gone already (ESRCH).
  }
}

function killAll(): void {
  for (const child of live) killGroup(child, "SIGKILL");
  live.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  killAll();
  untrack();
  // Nobody else handles the signal: let it do what it would have done without us.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function track(child: ChildProcess): void {
  if (live.size === 0) {
    process.on("exit", killAll);
    for (const signal of SIGNALS) process.on(signal, onSignal);
  }
  live.add(child);
}

function untrack(child?: ChildProcess): void {
  if (child !== undefined) live.delete(child);
  if (live.size > 0) return;
  process.off("exit", killAll);
  for (const signal of SIGNALS) process.off(signal, onSignal);
}

/** Resolves once a TCP connection to `url` is accepted (the printed URL really listens). */
function accepts(url: URL): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname.replace(/^\[|\]$/g, ""), port: Number(url.port) });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * Starts a service in its own process (and process group) on a free loopback port and resolves
 * once it listens: the first loopback `http://` URL it prints on stdout or stderr (whatever the
 * words around it), or the port it announces over IPC, and a TCP connection there is accepted.
 * The child is killed on every failure path (timeout, early exit, spawn error) before the
 * promise rejects, and when this process exits.
 */
export async function startService(options: StartServiceOptions): Promise<Service> {
  const { command = process.execPath, args = [], timeoutMs = 30_000, stopTimeoutMs = 5_000 } = options;
  const name = [command, ...args].join(" ");
  const child = spawn(command, [...args], {
    cwd: options.cwd,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", NO_COLOR: "1", ...options.env },
    stdio: ["ignore", "pipe", "pipe", ...(options.ipc ? (["ipc"] as const) : [])],
    detached: true, // its own process group: what it starts is stopped with it
  });
  track(child);
  let output = "";
  let stdout = "";
  let stderr = "";
  // Both pipes are read to the end: an unread pipe would fill up and block the service.
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    output += chunk.toString();
  });
  const exited = new Promise<Exit>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
    child.once("error", () => {
      if (child.pid === undefined) resolve({ code: null, signal: null });
    });
  });
  void exited.then(() => {
    killGroup(child, "SIGKILL"); // anything it left running in its group
    untrack(child);
  });
  const running = () => child.exitCode === null && child.signalCode === null && child.pid !== undefined;

  const stop = async (): Promise<Exit> => {
    if (running()) {
      if (child.connected) child.disconnect();
      else killGroup(child, "SIGTERM");
      const timer = setTimeout(() => killGroup(child, "SIGKILL"), stopTimeoutMs);
      const exit = await exited;
      clearTimeout(timer);
      return exit;
    }
    return exited;
  };

  const fail = async (reason: string): Promise<never> => {
    killGroup(child, "SIGKILL");
    await exited;
    throw new Error(`${name} ${reason}:\n${output}`);
  };

  let announced: string | undefined;
  child.on("message", (message: { port?: unknown; url?: unknown }) => {
    if (announced !== undefined || typeof message !== "object" || message === null) return;
    if (typeof message.url === "string") announced = new URL(message.url).origin;
    else if (typeof message.port === "number") announced = `http://127.0.0.1:${message.port}`;
  });
  let spawnError: Error | undefined;
  child.once("error", (error) => {
    spawnError = error;
  });

  const deadline = Date.now() + timeoutMs;
  while (true) {
    if (!running()) {
      const { code, signal } = await exited;
      if (spawnError !== undefined) return fail(`could not be started (${spawnError.message})`);
      return fail(`exited (${code ?? signal}) before listening`);
    }
    if (Date.now() > deadline) return fail(`did not listen within ${timeoutMs} ms`);
    const match = LOOPBACK_URL.exec(output);
    const found = announced ?? (match ? `http://${match[1]}:${match[2]}` : undefined);
    if (found !== undefined && (await accepts(new URL(found)))) {
      return {
        url: found,
        pid: child.pid as number,
        child,
        output: () => output,
        stdout: () => stdout,
        stderr: () => stderr,
        waitForOutput: async (pattern, waitMs = 2_000) => {
          const until = Date.now() + waitMs;
          while (true) {
            const line = output.split("\n").find((candidate) => pattern.test(candidate));
            if (line !== undefined) return line;
            if (Date.now() > until)
              throw new Error(`no output line of ${name} matches ${pattern}:\n${output}`);
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        },
        running,
        stop,
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
