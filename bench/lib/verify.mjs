// What each route must answer: checked once in full (status, headers, body) before any load,
// then status and body on every response under load.

/** Stands for a trace id (32 lowercase hex characters) in an expected body. */
export const TRACE = "<trace>";
const TRACE_PATTERN = "[0-9a-f]{32}";

/** A test of a whole response body against its template (`TRACE` matching any trace id). */
export function bodyMatcher(template, traceId) {
  const escaped = template
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    .split(TRACE)
    .join(traceId ?? TRACE_PATTERN);
  const pattern = new RegExp(`^${escaped}$`);
  return (body) => pattern.test(body);
}

/** The request of a route, for fetch and autocannon alike. */
export function requestOf(route) {
  return { method: route.method ?? "GET", headers: route.headers ?? {}, body: route.send };
}

/** One request to the route: the list of what is wrong with the answer (empty when right). */
export async function checkRoute(url, route) {
  const response = await fetch(`${url}${route.path}`, requestOf(route));
  const body = await response.text();
  const problems = [];
  if (response.status !== route.status) problems.push(`status ${response.status}, expected ${route.status}`);
  const contentType = response.headers.get("content-type") ?? "";
  if (!contentType.startsWith(route.contentType)) {
    problems.push(`Content-Type "${contentType}", expected ${route.contentType}`);
  }
  for (const [name, value] of Object.entries(route.expectHeaders ?? {})) {
    const actual = response.headers.get(name);
    if (actual !== value) problems.push(`${name}: "${actual}", expected "${value}"`);
  }
  if (!bodyMatcher(route.body, route.traceId)(body)) problems.push(`body ${body}, expected ${route.body}`);
  if (route.requestId) {
    // The contract: one trace id per request, in the header and (on errors) the body.
    const requestId = response.headers.get("x-request-id");
    if (!new RegExp(`^${route.traceId ?? TRACE_PATTERN}$`).test(requestId ?? "")) {
      problems.push(`X-Request-Id "${requestId}"`);
    }
    if (route.body.includes(TRACE) && !body.includes(`"traceId":"${requestId}"`)) {
      problems.push("body traceId differs from X-Request-Id");
    }
  }
  return problems;
}
