// Core micro-benchmarks (tinybench): what the error path costs in @error-contract/core, each
// next to what it replaces. `node bench/core.mjs [--quick]` runs them alone; run.mjs runs
// them too. A ratio here is a cost: A's time per call over B's (lower is cheaper).
import { pathToFileURL } from "node:url";
import {
  ApiError,
  defineErrors,
  fromZodError,
  generateTraceId,
  notFound,
  renderError,
  resolveTraceId,
  toApiError,
  unauthenticated,
  validationFailed,
} from "@error-contract/core";
import { Bench } from "tinybench";
import { z } from "zod";

// Each task runs its operation BATCH times per sample, so the timer's own cost is negligible.
const BATCH = 200;

const errors = defineErrors({ email_taken: { status: 409, message: "Email already registered" } });
const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

// The sample app's register body, and two typical failures: a broken rule (422), a wrong shape (400).
const RegisterBody = z.object({
  email: z.email(),
  password: z.string().min(12, "min 12 chars").regex(/\d/, "at least one digit"),
  name: z.string().min(1).max(100).optional(),
});
const ruleInput = { email: "ada@example.com", password: "short" };
const shapeInput = { email: 42 };
const ruleError = RegisterBody.safeParse(ruleInput).error;
const shapeError = RegisterBody.safeParse(shapeInput).error;

// What an adapter renders per error: the options the sample apps use.
const render = (thrown) =>
  renderError(toApiError(thrown), {
    traceId: TRACE_ID,
    format: "negotiate",
    accept: undefined,
    catalog: errors,
  });

const thrownErrors = {
  "404 notFound": notFound("No such user"),
  "401 unauthenticated": unauthenticated({ error: "invalid_token" }),
  "422 with fields": validationFailed({ password: "min 12 chars; at least one digit" }),
  "409 catalog code": errors.email_taken(),
  "500 from an Error": new Error("database down"),
};

const fetchHeaders = {
  none: new Headers(),
  traceparent: new Headers({ traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01` }),
  "X-Request-Id": new Headers({ "x-request-id": "req-8f3a2c" }),
};

/** `{ name, a, b?, threshold? }`: operation A, what it is compared with (B), the most A/B may be. */
function cases() {
  const renders = Object.entries(thrownErrors).map(([name, thrown]) => {
    const body = JSON.parse(render(thrown).body);
    return {
      name: `render ${name} / JSON.stringify`,
      a: () => render(thrown),
      b: () => JSON.stringify(body),
      threshold: 2.5,
    };
  });
  return [
    ...renders,
    {
      name: "new ApiError 4xx (notFound) / new Error",
      a: () => notFound("No such user"),
      b: () => new Error("No such user"),
    },
    {
      name: "new ApiError 5xx / new Error",
      a: () => new ApiError({ status: 503 }),
      b: () => new Error("No such user"),
    },
    {
      name: "generateTraceId (pooled hex) / randomUUID without dashes",
      a: () => generateTraceId(),
      b: () => crypto.randomUUID().replaceAll("-", ""),
    },
    {
      name: "resolveTraceId, no header (new id) / generateTraceId",
      a: () => resolveTraceId(fetchHeaders.none),
      b: generateTraceId,
    },
    { name: "resolveTraceId, traceparent", a: () => resolveTraceId(fetchHeaders.traceparent) },
    { name: "resolveTraceId, X-Request-Id", a: () => resolveTraceId(fetchHeaders["X-Request-Id"]) },
    { name: "resolveTraceId, Node headers, none", a: () => resolveTraceId({}) },
    {
      name: "fromZodError, register rule failure (422) / safeParse",
      a: () => fromZodError(ruleError, { input: ruleInput }),
      b: () => RegisterBody.safeParse(ruleInput),
    },
    {
      name: "fromZodError, register shape failure (400) / safeParse",
      a: () => fromZodError(shapeError, { input: shapeInput }),
      b: () => RegisterBody.safeParse(shapeInput),
    },
  ];
}

// The last result is returned, so the optimizer cannot drop the calls as unused.
function batched(operation) {
  return () => {
    let result;
    for (let i = 0; i < BATCH; i++) result = operation();
    return result;
  };
}

/** Runs every case; returns `{ name, nsA, nsB?, ratio?, threshold? }` (ns per call, medians). */
export async function runCoreBenchmarks({ quick = false } = {}) {
  const bench = new Bench({ time: quick ? 30 : 400, warmupTime: quick ? 10 : 150, throws: true });
  const list = cases();
  list.forEach(({ a, b }, index) => {
    bench.add(`${index} A`, batched(a));
    if (b) bench.add(`${index} B`, batched(b));
  });
  await bench.run();
  const nsPerCall = (label) => (bench.getTask(label).result.latency.p50 * 1e6) / BATCH;
  return list.map(({ name, b, threshold }, index) => {
    const nsA = nsPerCall(`${index} A`);
    if (!b) return { name, nsA };
    const nsB = nsPerCall(`${index} B`);
    return { name, nsA, nsB, ratio: nsA / nsB, ...(threshold === undefined ? {} : { threshold }) };
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await runCoreBenchmarks({ quick: process.argv.includes("--quick") });
  console.table(
    results.map(({ name, nsA, nsB, ratio, threshold }) => ({
      case: name,
      "A ns": nsA.toFixed(0),
      "B ns": nsB?.toFixed(0) ?? "",
      "A/B": ratio?.toFixed(2) ?? "",
      target: threshold === undefined ? "" : `≤ ${threshold}`,
    })),
  );
}
