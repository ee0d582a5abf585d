import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { ErrorBody } from "@error-contract/core";
import { expect } from "vitest";

export interface StackAnswer {
  status: number;
  headers: Headers;
  body: ReturnType<typeof ErrorBody.parse>;
}

/**
 * An error answer of a service stack, held to what every error answer keeps, whatever library made
 * it: a body valid against core's schema, JSON, `Cache-Control: no-store`, `X-Request-Id` equal to
 * the body's `traceId` (the one sent), and the headers the stack's middleware set (`kept`: a value,
 * or a pattern it matches). A kept `Access-Control-Allow-Origin` is asked for: its origin is sent.
 */
export async function stackAnswer(
  url: string,
  init: RequestInit,
  kept: Readonly<Record<string, string | RegExp>>,
): Promise<StackAnswer> {
  const traceId = `stack-${Math.random().toString(16).slice(2, 10)}`;
  const origin = kept["access-control-allow-origin"];
  const sent = { ...(typeof origin === "string" ? { Origin: origin } : {}), "X-Request-Id": traceId };
  const response = await fetch(url, { ...init, headers: { ...(init.headers as object), ...sent } });
  const body = ErrorBody.parse(await response.json());
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.headers.get("x-request-id")).toBe(traceId);
  expect(body.traceId).toBe(traceId);
  for (const [name, value] of Object.entries(kept)) {
    if (typeof value === "string") expect(response.headers.get(name), name).toBe(value);
    else expect(response.headers.get(name), name).toMatch(value);
  }
  return { status: response.status, headers: response.headers, body };
}

/** A service the stack calls, which answers 404: its status is not the stack's answer. */
export async function downstream404(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_req, res) => res.writeHead(404).end("no such thing"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
