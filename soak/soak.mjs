import { Agent, request as httpRequest } from "node:http";
import { checkResponse } from "@error-contract/conformance";
import { startServer, stopServer } from "../scripts/lib/server-process.mjs";
import { kindOf } from "./mix.mjs";
import { rssGrowth, sampleRss } from "./rss.mjs";

/** The bound the soak holds the server to: RSS may grow at most this much after warm-up. */
export const RSS_GROWTH_LIMIT_KIB = 32 * 1024;
/**
 * The server's heap is capped: V8 otherwise grows its heap lazily for a long while (a Hono server
 * was seen at 150 → 267 MiB over 150,000 requests, and flat at 81 MiB over 120,000 with a 40 MiB
 * cap: no leak). Capped, a leak shows as growth or as the server dying of it; garbage does not.
 */
export const SERVER_HEAP_MIB = 128;
const TIMEOUT_MS = 10_000;

/**
 * Sends `requests` requests of the mix over `connections` keep-alive connections to one target
 * (started here, stopped at the end) and checks every response against the contract.
 */
export async function soak(target, appDir, { requests, connections, onProgress } = {}) {
  const capped = {
    ...target,
    env: { ...target.env, NODE_OPTIONS: `--max-old-space-size=${SERVER_HEAP_MIB}` },
  };
  const server = await startServer(capped, appDir);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const violations = [];
  const socketErrors = [];
  const traceIds = new Map();
  let next = 0;
  let done = 0;
  const rss = sampleRss(server.pid, () => done);
  const started = performance.now();
  const worker = async () => {
    while (next < requests) {
      const n = next++;
      const kind = kindOf(n);
      // Half the requests bring their own id (it must come back), half get a new one.
      const ownId = n % 2 === 0 ? `soak-${n}` : undefined;
      const outgoing = kind.request(n);
      try {
        const result = await send(agent, server.url, outgoing, ownId);
        const problems = checkResponse(result, kind.expect, { method: outgoing.method });
        const id = result.headers.get("x-request-id");
        if (ownId !== undefined && id !== ownId)
          problems.push(`X-Request-Id ${id} is not the one sent (${ownId})`);
        if (id !== null) {
          if (traceIds.has(id)) problems.push(`trace id ${id} also answered request ${traceIds.get(id)}`);
          traceIds.set(id, n);
        }
        if (problems.length > 0) violations.push({ n, kind: kind.name, status: result.status, problems });
      } catch (error) {
        socketErrors.push({ n, kind: kind.name, error: error.code ?? error.message });
      }
      done++;
      if (done % 1000 === 0) onProgress?.(done);
    }
  };
  try {
    await Promise.all(Array.from({ length: connections }, worker));
  } finally {
    agent.destroy();
  }
  const seconds = (performance.now() - started) / 1000;
  const samples = rss.stop();
  const alive = server.running();
  await stopServer(server);
  return {
    target: target.name,
    requests: done,
    seconds,
    violations,
    socketErrors,
    uniqueTraceIds: traceIds.size,
    rss: rssGrowth(samples, requests),
    serverAlive: alive,
  };
}

/** Whether a soak result holds every rule; the reasons when it does not. */
export function verdict(result) {
  const reasons = [];
  if (result.violations.length > 0)
    reasons.push(`${result.violations.length} responses outside the contract`);
  if (result.socketErrors.length > 0) reasons.push(`${result.socketErrors.length} socket errors`);
  if (!result.serverAlive) reasons.push("the server died");
  if (result.rss !== undefined && result.rss.growthKiB > RSS_GROWTH_LIMIT_KIB) {
    reasons.push(
      `RSS grew ${Math.round(result.rss.growthKiB / 1024)} MiB after warm-up (limit ${RSS_GROWTH_LIMIT_KIB / 1024} MiB)`,
    );
  }
  return reasons;
}

function send(agent, base, { method, path, headers = {}, body }, ownId) {
  return new Promise((resolve, reject) => {
    let answered = false;
    const all = ownId === undefined ? headers : { ...headers, "x-request-id": ownId };
    const outgoing = httpRequest(
      `${base}${path}`,
      { method, headers: all, agent, timeout: TIMEOUT_MS },
      (incoming) => {
        answered = true;
        const chunks = [];
        incoming.on("data", (chunk) => chunks.push(chunk));
        incoming.on("error", reject);
        incoming.on("end", () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(incoming.headers)) {
            for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
          }
          resolve({
            status: incoming.statusCode ?? 0,
            headers,
            body: Buffer.concat(chunks).toString("utf8"),
          });
        });
      },
    );
    outgoing.on("timeout", () => outgoing.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)));
    // A server may answer (413) and close before the upload ends: the answer is what counts.
    outgoing.on("error", (error) => {
      if (!answered) reject(error);
    });
    outgoing.end(body);
  });
}
