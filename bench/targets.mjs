// What is benchmarked: the targets (a framework on its server), the routes every target
// serves, what each route must answer, and the comparisons with their thresholds.
import { TRACE } from "./lib/verify.mjs";

const USER = '{"id":"usr_ada","email":"ada@example.com","name":"Ada"}';
// X, D and C answer the same JSON; only who builds it differs.
const NOT_FOUND = `{"error":"not_found","message":"No such user","traceId":"${TRACE}"}`;
const NEST_DEFAULT = '{"message":"No such user","error":"Not Found","statusCode":404}';

/** `server`: the file under bench/servers and its arguments (before it, the variant). */
export const targets = [
  {
    name: "hono",
    label: "Hono 4 on @hono/node-server",
    server: ["hono.mjs"],
    frameworkDefault: { contentType: "text/plain", body: "No such user" },
  },
  {
    name: "nest-express",
    label: "Nest 11 on Express",
    server: ["nest.mjs", "express"],
    frameworkDefault: { contentType: "application/json", body: NEST_DEFAULT },
  },
  {
    name: "nest-fastify",
    label: "Nest 11 on Fastify",
    server: ["nest.mjs", "fastify"],
    frameworkDefault: { contentType: "application/json", body: NEST_DEFAULT },
  },
];

/**
 * The routes of a target: `variant` is the server process that serves it (`contract`: the app
 * with the adapter; `plain`: the same app without it, with a hand-written error handler;
 * `default`: no error handling of one's own). `requestId`: the contract's X-Request-Id.
 */
export function routesOf(target) {
  const json = "application/json";
  return {
    "ok (adapter)": {
      variant: "contract",
      path: "/ok",
      status: 200,
      contentType: json,
      body: USER,
      requestId: true,
    },
    ok: { variant: "plain", path: "/ok", status: 200, contentType: json, body: USER },
    X: {
      variant: "contract",
      path: "/x",
      status: 404,
      contentType: json,
      body: NOT_FOUND,
      requestId: true,
      headers: { "cache-control": "no-store" },
    },
    D: { variant: "plain", path: "/d", status: 404, contentType: json, body: NOT_FOUND },
    C: { variant: "plain", path: "/c", status: 404, contentType: json, body: NOT_FOUND },
    default: { variant: "default", path: "/e", status: 404, ...target.frameworkDefault },
  };
}

/** A/B: the ratio is A's requests per second over B's; `threshold`: the minimum to pass (or none). */
export const comparisons = [
  {
    name: "(1) success",
    a: "ok (adapter)",
    b: "ok",
    description: "success route, app with the adapter / the same app without it",
    threshold: 0.97,
  },
  {
    name: "(2) X/D",
    a: "X",
    b: "D",
    description: "ApiError answered by the adapter / hand-written global handler, same JSON",
    threshold: 1.0,
  },
  {
    name: "(3) X/C",
    a: "X",
    b: "C",
    description: "ApiError answered by the adapter / inline JSON response from the handler (floor)",
    threshold: 0.85,
  },
  {
    name: "(4) X/default",
    a: "X",
    b: "default",
    description: "ApiError answered by the adapter / the framework's own default error path",
    threshold: null,
  },
];
