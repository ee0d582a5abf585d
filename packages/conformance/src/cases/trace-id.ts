import type { ConformanceCase, Expectation } from "../case.js";
import { ADA, get, register, STRONG_PASSWORD } from "./requests.js";

const group = "trace-id";
const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const TRACEPARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`;
const MISSING = "/no-such-route-{{suffix}}";
const notFoundWith = (traceId: NonNullable<Expectation["traceId"]>): Expectation => ({
  status: 404,
  error: "not_found",
  traceId,
});
const fresh = notFoundWith("fresh");

/** The trace id rules: traceparent, else X-Request-Id, else a new id; invalid values never echoed. */
export const traceIdCases: readonly ConformanceCase[] = [
  {
    id: "trace-traceparent",
    title: "a valid traceparent gives the trace id",
    group,
    request: get(MISSING, { traceparent: TRACEPARENT }),
    expect: notFoundWith({ equals: TRACE_ID }),
  },
  {
    id: "trace-traceparent-over-request-id",
    title: "a valid traceparent wins over X-Request-Id",
    group,
    request: get(MISSING, { traceparent: TRACEPARENT, "x-request-id": "req-{{suffix}}" }),
    expect: notFoundWith({ equals: TRACE_ID }),
  },
  {
    id: "trace-request-id-echoed",
    title: "a valid X-Request-Id is used as it is",
    group,
    request: get(MISSING, { "x-request-id": "Req-{{suffix}}.a_b~c:d" }),
    expect: notFoundWith({ equals: "Req-{{suffix}}.a_b~c:d" }),
  },
  {
    id: "trace-request-id-128-chars",
    title: "an X-Request-Id of 128 characters is used",
    group,
    request: get(MISSING, { "x-request-id": `${"r".repeat(112)}{{suffix}}` }),
    expect: notFoundWith({ equals: `${"r".repeat(112)}{{suffix}}` }),
  },
  {
    id: "trace-invalid-traceparent-uses-request-id",
    title: "an invalid traceparent falls back to a valid X-Request-Id",
    group,
    request: get(MISSING, { traceparent: TRACEPARENT.toUpperCase(), "x-request-id": "req-{{suffix}}" }),
    expect: notFoundWith({ equals: "req-{{suffix}}" }),
  },
  ...(
    [
      ["traceparent-upper-case", "an upper-case traceparent", { traceparent: TRACEPARENT.toUpperCase() }],
      [
        "traceparent-zero-trace-id",
        "a traceparent with an all-zero trace id",
        { traceparent: `00-${"0".repeat(32)}-00f067aa0ba902b7-01` },
      ],
      [
        "traceparent-zero-parent-id",
        "a traceparent with an all-zero parent id",
        { traceparent: `00-${TRACE_ID}-${"0".repeat(16)}-01` },
      ],
      [
        "traceparent-bad-version",
        "a traceparent of version ff",
        { traceparent: `ff-${TRACE_ID}-00f067aa0ba902b7-01` },
      ],
      [
        "request-id-too-long",
        "an X-Request-Id of 129 characters",
        { "x-request-id": `${"r".repeat(113)}{{suffix}}` },
      ],
      ["request-id-space", "an X-Request-Id with a space", { "x-request-id": "req {{suffix}}" }],
      ["request-id-illegal-chars", "an X-Request-Id with < and >", { "x-request-id": "<req-{{suffix}}>" }],
    ] as const
  ).map(
    ([id, what, headers]): ConformanceCase => ({
      id: `trace-${id}`,
      title: `${what} is ignored: a new id, never an echo`,
      group,
      request: get(MISSING, headers),
      expect: fresh,
    }),
  ),
  {
    id: "trace-on-success",
    title: "a success carries the incoming X-Request-Id",
    group,
    request: get(`/users/${ADA.id}`, { "x-request-id": "req-{{suffix}}" }),
    expect: { status: 200, traceId: { equals: "req-{{suffix}}" } },
  },
  {
    id: "trace-generated-on-success",
    title: "a success without incoming id carries a new one",
    group,
    request: get(`/users/${ADA.id}`),
    expect: { status: 200, traceId: "fresh" },
  },
  {
    id: "trace-on-created",
    title: "a 201 carries the traceparent's trace id",
    group,
    request: register({ email: "{{email}}", password: STRONG_PASSWORD }, { traceparent: TRACEPARENT }),
    expect: { status: 201, traceId: { equals: TRACE_ID } },
  },
];
