// What is benchmarked: the targets (a framework on its server), the routes every target serves,
// what each route must answer, and the comparisons with their thresholds.
//
// A new target (Express, Fastify, …) joins by one entry in `targets` and one server file:
//   1. bench/servers/<name>.mjs serving the three variants (`node <file> contract|plain|default
//      [args]`) with the routes listed in `routesOf` below (copy servers/hono.mjs: the `plain`
//      variant uses servers/hand-written.mjs, so every target's baseline does the same work),
//      calling `announce(port)` from servers/announce.mjs once it listens;
//   2. an entry here: `name`, `label`, `server` (file and the arguments after the variant),
//      `frameworkDefault` (what `default`'s GET /e answers) and `bare404` (what the framework
//      answers for an unknown route with no handler of one's own).
// Every mode (`npm run bench`, `--quick`, `--instructions`, `--targets <names>`) then runs it.
import { TRACE } from "./lib/verify.mjs";

const USER = '{"id":"usr_ada","email":"ada@example.com","name":"Ada"}';
const NOT_FOUND = `{"error":"not_found","message":"No such user","traceId":"${TRACE}"}`;
const NEST_DEFAULT = '{"message":"No such user","error":"Not Found","statusCode":404}';
const NEST_BARE_404 = '{"message":"Cannot GET /nope","error":"Not Found","statusCode":404}';
const htmlPage = (text) =>
  `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>${text}</pre>\n</body>\n</html>\n`;
const FASTIFY_DEFAULT = '{"statusCode":404,"error":"Not Found","message":"No such user"}';
const FASTIFY_BARE_404 = '{"message":"Route GET:/nope not found","error":"Not Found","statusCode":404}';
const INTERNAL = `{"error":"internal_error","message":"Internal server error","traceId":"${TRACE}"}`;
const INVALID = `{"error":"validation_failed","message":"Validation failed: password","fields":{"password":"min 12 chars"},"traceId":"${TRACE}"}`;

/** The incoming trace context of the traceparent path (W3C Trace Context's own example). */
export const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const TRACEPARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`;
const BROWSER_ACCEPT =
  "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
const JSON_TYPE = { "content-type": "application/json" };
const VALID_BODY = JSON.stringify({ email: "ada@example.com", password: "correct horse 42" });
const INVALID_BODY = JSON.stringify({ email: "ada@example.com", password: "short1" });

/** `server`: the file under bench/servers and its arguments (after the variant). */
export const targets = [
  {
    name: "hono",
    label: "Hono 4 on @hono/node-server",
    server: ["hono.mjs"],
    frameworkDefault: { contentType: "text/plain", body: "No such user" },
    bare404: { contentType: "text/plain", body: "404 Not Found" },
  },
  {
    name: "nest-express",
    label: "Nest 11 on Express",
    server: ["nest.mjs", "express"],
    frameworkDefault: { contentType: "application/json", body: NEST_DEFAULT },
    bare404: { contentType: "application/json", body: NEST_BARE_404 },
  },
  {
    name: "nest-fastify",
    label: "Nest 11 on Fastify",
    server: ["nest.mjs", "fastify"],
    frameworkDefault: { contentType: "application/json", body: NEST_DEFAULT },
    bare404: { contentType: "application/json", body: NEST_BARE_404 },
  },
  {
    name: "express",
    label: "Express 5",
    server: ["express.mjs"],
    // finalhandler's page (NODE_ENV=production: the status's name, not the stack).
    frameworkDefault: { contentType: "text/html", body: htmlPage("Not Found") },
    bare404: { contentType: "text/html", body: htmlPage("Cannot GET /nope") },
  },
  {
    name: "fastify",
    label: "Fastify 5",
    server: ["fastify.mjs"],
    frameworkDefault: { contentType: "application/json", body: FASTIFY_DEFAULT },
    bare404: { contentType: "application/json", body: FASTIFY_BARE_404 },
  },
];

/**
 * The routes of a target. `variant`: the server process that serves it (`contract`: the app with
 * the adapter; `plain`: the same app without it, hand-written; `default`: no error handling of
 * one's own). `method`, `path`, `headers`, `send` (a body): the request. `status`, `contentType`, `body`
 * (with `TRACE` for any trace id), `expectHeaders`: the answer; `requestId`: X-Request-Id carries the
 * trace id (equal to `traceId` when set).
 */
export function routesOf(target) {
  const json = "application/json";
  const contract = { requestId: true, expectHeaders: { "cache-control": "no-store" } };
  const notFound = { status: 404, contentType: json, body: NOT_FOUND };
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
    "POST (adapter)": {
      variant: "contract",
      method: "POST",
      path: "/users",
      headers: JSON_TYPE,
      send: VALID_BODY,
      body: USER,
      status: 201,
      contentType: json,
      requestId: true,
    },
    POST: {
      variant: "plain",
      method: "POST",
      path: "/users",
      headers: JSON_TYPE,
      send: VALID_BODY,
      body: USER,
      status: 201,
      contentType: json,
    },
    X: { variant: "contract", path: "/x", ...notFound, ...contract },
    "X, JSON Accept": {
      variant: "contract",
      path: "/x",
      headers: { accept: json },
      ...notFound,
      ...contract,
    },
    "X, browser Accept": {
      variant: "contract",
      path: "/x",
      headers: { accept: BROWSER_ACCEPT },
      ...notFound,
      ...contract,
    },
    "X, traceparent": {
      variant: "contract",
      path: "/x",
      headers: { traceparent: TRACEPARENT },
      ...notFound,
      ...contract,
      traceId: TRACE_ID,
    },
    D: { variant: "plain", path: "/d", ...notFound },
    C: { variant: "plain", path: "/c", ...notFound },
    "C′": { variant: "plain", path: "/c2", ...notFound, ...contract },
    "C′, JSON Accept": { variant: "plain", path: "/c2", headers: { accept: json }, ...notFound, ...contract },
    "C′, browser Accept": {
      variant: "plain",
      path: "/c2",
      headers: { accept: BROWSER_ACCEPT },
      ...notFound,
      ...contract,
    },
    "C′, traceparent": {
      variant: "plain",
      path: "/c2",
      headers: { traceparent: TRACEPARENT },
      ...notFound,
      ...contract,
      traceId: TRACE_ID,
    },
    "422 (adapter)": {
      variant: "contract",
      method: "POST",
      path: "/users",
      headers: JSON_TYPE,
      send: INVALID_BODY,
      body: INVALID,
      status: 422,
      contentType: json,
      ...contract,
    },
    422: {
      variant: "plain",
      method: "POST",
      path: "/users",
      headers: JSON_TYPE,
      send: INVALID_BODY,
      body: INVALID,
      status: 422,
      contentType: json,
    },
    "500 + log (adapter)": {
      variant: "contract",
      path: "/boom",
      status: 500,
      contentType: json,
      body: INTERNAL,
      ...contract,
    },
    "500 + log": { variant: "plain", path: "/boom", status: 500, contentType: json, body: INTERNAL },
    "miss (adapter)": {
      variant: "contract",
      path: "/nope",
      status: 404,
      contentType: json,
      body: `{"error":"not_found","message":"Not found","traceId":"${TRACE}"}`,
      ...contract,
    },
    "bare 404": { variant: "default", path: "/nope", status: 404, ...target.bare404 },
    default: { variant: "default", path: "/e", status: 404, ...target.frameworkDefault },
  };
}

/**
 * A/B: the ratio is B's cost per request over A's (server CPU time; instructions with
 * `--instructions`), so above 1 means A is the cheaper; `threshold`: the least it may be (or none).
 */
export const comparisons = [
  {
    name: "(1) success",
    a: "ok (adapter)",
    b: "ok",
    description: "GET, app with the adapter / the same app without it",
    threshold: 0.95,
  },
  {
    name: "(1) POST",
    a: "POST (adapter)",
    b: "POST",
    description: "POST with a JSON body, validated: with the adapter / hand-written",
    threshold: 0.95,
  },
  {
    name: "(2) X/D",
    a: "X",
    b: "D",
    description: "ApiError answered by the adapter / hand-written global handler, same JSON",
    threshold: 1.0,
  },
  {
    name: "(3) X/C′",
    a: "X",
    b: "C′",
    description:
      "ApiError answered by the adapter / inline answer with the contract's headers (the fair floor)",
    threshold: 0.9,
  },
  {
    name: "(3) X/C′ JSON Accept",
    a: "X, JSON Accept",
    b: "C′, JSON Accept",
    description: "the same with `Accept: application/json`",
    threshold: 0.9,
  },
  {
    name: "(3) X/C′ browser Accept",
    a: "X, browser Accept",
    b: "C′, browser Accept",
    description: "the same with a browser's `Accept`",
    threshold: 0.9,
  },
  {
    name: "(3) X/C′ traceparent",
    a: "X, traceparent",
    b: "C′, traceparent",
    description: "the same with an incoming `traceparent`",
    threshold: 0.9,
  },
  {
    name: "(2) 422/D",
    a: "422 (adapter)",
    b: "422",
    description: "a 422 through validation: the adapter's validation / hand-written zod and handler",
    threshold: 1.0,
  },
  {
    name: "(2) 500+log/D",
    a: "500 + log (adapter)",
    b: "500 + log",
    description: "a thrown Error: 500 and its log line, adapter / hand-written",
    threshold: 1.0,
  },
  {
    name: "miss/bare 404",
    a: "miss (adapter)",
    b: "bare 404",
    description: "router miss: the contract's 404 / the framework's bare 404",
    threshold: 0.9,
  },
  {
    name: "X/C",
    a: "X",
    b: "C",
    description:
      "ApiError answered by the adapter / inline JSON without the contract's headers (the old floor)",
    threshold: null,
  },
  {
    name: "X/default",
    a: "X",
    b: "default",
    description: "ApiError answered by the adapter / the framework's own default error path",
    threshold: null,
  },
];

/** The routes whose heap allocation per request is measured, and the 4xx target (bytes, over C′). */
export const allocation = {
  routes: [
    "X",
    "C′",
    "422 (adapter)",
    "422",
    "500 + log (adapter)",
    "500 + log",
    "miss (adapter)",
    "bare 404",
    "ok (adapter)",
    "ok",
  ],
  errorPath: { a: "X", b: "C′", maxBytes: 2048 },
};
