// The soak's request mix: every kind of answer the reference API gives, each with what its
// response must show (checked by the conformance package's own rules).
const JSON_TYPE = { "content-type": "application/json" };
const ADA = { id: "usr_ada", email: "ada@example.com", name: "Ada" };
const PASSWORD = "correct-horse-9-battery";

/** `{ name, weight, request(n), expect }`: `request` builds the n-th request of the kind. */
export const mix = [
  {
    name: "user-found",
    weight: 6,
    request: () => get("/users/usr_ada"),
    expect: { status: 200, body: { equals: ADA } },
  },
  {
    name: "register-created",
    weight: 3,
    request: (n) => post({ email: `soak-${n}-${process.pid}@example.com`, password: PASSWORD }),
    expect: { status: 201, body: { keys: ["id", "email", "name"] } },
  },
  {
    name: "head-user",
    weight: 2,
    request: () => ({ method: "HEAD", path: "/users/usr_ada" }),
    expect: { status: 200, body: { empty: true } },
  },
  {
    name: "register-empty-object",
    weight: 2,
    request: () => post({}),
    expect: { status: 400, fields: ["email", "password"] },
  },
  {
    name: "register-invalid-email",
    weight: 2,
    request: () => post({ email: "not-an-email", password: PASSWORD }),
    expect: { status: 422, error: "validation_failed", fields: ["email"] },
  },
  {
    name: "register-broken-json",
    weight: 2,
    request: () => post('{"email": "a@exa'),
    expect: { status: 400 },
  },
  {
    name: "register-text-plain",
    weight: 1,
    request: () => ({
      method: "POST",
      path: "/users",
      headers: { "content-type": "text/plain" },
      body: "{}",
    }),
    expect: { status: 415 },
  },
  {
    name: "register-too-large",
    weight: 1,
    request: () => post(`{"padding":"${"x".repeat(70_000)}"}`),
    expect: { status: 413 },
  },
  {
    // Declared over the limit, then the client stops: the server must close, not keep alive.
    name: "register-declared-too-large",
    weight: 1,
    request: () => ({
      method: "POST",
      path: "/users",
      headers: { ...JSON_TYPE, "content-length": "100000" },
      body: "{",
    }),
    expect: { status: 413 },
  },
  {
    name: "register-email-taken",
    weight: 1,
    request: () => post({ email: "ADA@example.com", password: PASSWORD }),
    expect: { status: 409, error: "email_taken" },
  },
  {
    name: "me-no-credentials",
    weight: 2,
    request: () => get("/me"),
    expect: { status: 401, headers: { "www-authenticate": { startsWith: "Bearer" } } },
  },
  {
    name: "delete-as-user",
    weight: 1,
    request: (n) => ({
      method: "DELETE",
      path: `/users/usr_missing_${n}`,
      headers: { authorization: "Bearer user-token" },
    }),
    expect: { status: 403 },
  },
  { name: "route-unknown", weight: 3, request: (n) => get(`/no-such-route-${n}`), expect: { status: 404 } },
  {
    name: "head-unknown",
    weight: 1,
    request: (n) => ({ method: "HEAD", path: `/no-such-route-${n}` }),
    expect: { status: 404 },
  },
  // An unserved method on a known path: a 404 on every target (the spec allows 405 too, but all alike).
  { name: "method-not-served", weight: 1, request: () => post({}, "PUT"), expect: { status: 404 } },
  { name: "native-429", weight: 1, request: () => get("/faults/native-429"), expect: { status: 429 } },
  { name: "fault-error", weight: 2, request: () => get("/faults/error"), expect: { status: 500 } },
  { name: "fault-duck", weight: 1, request: () => get("/faults/duck"), expect: { status: 500 } },
  { name: "fault-null", weight: 1, request: () => get("/faults/null"), expect: { status: 500 } },
  {
    name: "database-fault",
    weight: 1,
    request: () => get("/users/usr_ada", { "x-fault": "database" }),
    expect: { status: 500 },
  },
  {
    name: "problem-json",
    weight: 2,
    request: (n) => get(`/no-such-route-${n}`, { accept: "application/problem+json" }),
    expect: { status: 404, format: "problem+json" },
  },
];

function get(path, headers = {}) {
  return { method: "GET", path, headers };
}

function post(body, method = "POST") {
  return {
    method,
    path: "/users",
    headers: JSON_TYPE,
    body: typeof body === "string" ? body : JSON.stringify(body),
  };
}

const total = mix.reduce((sum, kind) => sum + kind.weight, 0);

/** The kind of the n-th request: a fixed interleaving, so every run sends the same mix. */
export function kindOf(n) {
  let slot = (n * 7919) % total;
  for (const kind of mix) {
    if (slot < kind.weight) return kind;
    slot -= kind.weight;
  }
  return mix[0];
}
