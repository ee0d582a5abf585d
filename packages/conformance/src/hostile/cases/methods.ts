import type { HostileCase } from "../hostile-case.js";
import { bytes, head } from "../raw-request.js";

/** Methods the API does not know or serve, CONNECT, and HEAD on every kind of route. */
export const methodsCases: readonly HostileCase[] = [
  {
    id: "hostile-method-unknown",
    title: "FOO /users (a method no one defines)",
    group: "methods",
    method: "FOO",
    bytes: () => bytes(head("FOO", "/users")),
    expect: { status: [400, 404, 405, 501], parserMayReject: true },
  },
  {
    id: "hostile-method-webdav",
    title: "PROPFIND /users (a method the API does not serve)",
    group: "methods",
    method: "PROPFIND",
    bytes: () => bytes(head("PROPFIND", "/users")),
    expect: { status: [404, 405, 501] },
  },
  {
    id: "hostile-method-trace",
    title: "TRACE /me",
    group: "methods",
    method: "TRACE",
    bytes: () => bytes(head("TRACE", "/me", { Authorization: "Bearer user-token" })),
    expect: { status: [404, 405, 501] },
  },
  ...(
    [
      ["users", "/users", [404, 405]],
      ["me", "/me", [401]],
      ["user-unknown", "/users/usr_missing_{{suffix}}", [404]],
      ["fault-unknown", "/faults/no-such-kind", [404]],
      ["route-unknown", "/no-such-route-{{suffix}}", [404]],
    ] as const
  ).map(
    ([name, path, status]): HostileCase => ({
      id: `hostile-head-${name}`,
      title: `HEAD ${path}`,
      group: "methods",
      method: "HEAD",
      bytes: (v) => bytes(head("HEAD", path.replace("{{suffix}}", v.suffix ?? ""))),
      expect: { status },
    }),
  ),
  {
    id: "hostile-connect",
    title: "CONNECT example.com:443",
    group: "methods",
    method: "CONNECT",
    bytes: () => bytes("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n"),
    expect: { status: [404, 405], closes: true },
  },
];
