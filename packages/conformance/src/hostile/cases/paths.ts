import type { HostileCase } from "../hostile-case.js";
import { bytes, head } from "../raw-request.js";

/**
 * Paths match exactly: no dot segments resolved, no case folded, no trailing slash ignored, any
 * segment length; a malformed percent-encoding is a 400.
 */
export const pathsCases: readonly HostileCase[] = [
  ...(
    [
      ["dot-segments", "/users/../users/usr_ada"],
      ["encoded-dot-segments", "/users/%2e%2e/me"],
      ["encoded-dot-segments-upper", "/users/%2E%2E/users/usr_ada"],
      ["upper-case", "/USERS/usr_ada"],
      ["trailing-slash", "/users/usr_ada/"],
      ["long-segment", `/users/${"x".repeat(200)}`],
      ["2000-char-segment", `/users/${"x".repeat(2000)}`],
    ] as const
  ).map(
    ([id, path]): HostileCase => ({
      id: `hostile-path-${id}`,
      title: `GET ${path.length > 60 ? `${path.slice(0, 40)}… (${path.length} chars)` : path} is 404`,
      group: "paths",
      method: "GET",
      bytes: () => bytes(head("GET", path, { Authorization: "Bearer user-token" })),
      expect: { status: [404] },
    }),
  ),
  {
    id: "hostile-path-malformed-percent",
    title: "GET /users/%E0%A4%A (malformed percent-encoding) is 400",
    group: "paths",
    method: "GET",
    bytes: () => bytes(head("GET", "/users/%E0%A4%A")),
    expect: { status: [400] },
  },
];
