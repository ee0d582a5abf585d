import type { HostileCase } from "../hostile-case.js";
import { bytes, head } from "../raw-request.js";

/** What is no Bearer credential (two headers, a tab, two tokens, a bare scheme) is a 401. */
export const bearerCases: readonly HostileCase[] = [
  {
    id: "hostile-bearer-two-headers",
    title: "two Authorization headers, both valid, are no credential",
    group: "bearer",
    method: "GET",
    bytes: () =>
      bytes(
        "GET /me HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer user-token\r\nAuthorization: Bearer admin-token\r\n\r\n",
      ),
    expect: { status: [401] },
  },
  ...(
    [
      ["tab", "Bearer\tuser-token"],
      ["two-tokens", "Bearer user-token admin-token"],
      ["bare", "Bearer"],
      ["two-spaces", "Bearer  user-token"],
    ] as const
  ).map(
    ([id, authorization]): HostileCase => ({
      id: `hostile-bearer-${id}`,
      title: `Authorization: ${JSON.stringify(authorization)} is no credential`,
      group: "bearer",
      method: "GET",
      bytes: () => bytes(head("GET", "/me", { Authorization: authorization })),
      expect: { status: [401] },
    }),
  ),
];
