import { gzipSync } from "node:zlib";
import type { HostileCase } from "../hostile-case.js";
import { bytes, head } from "../raw-request.js";
import { registration } from "./requests.js";

/** Request bodies are not content-coded: a 415, whatever the bytes. */
export const codingsCases: readonly HostileCase[] = [
  {
    id: "hostile-content-coding-gzip",
    title: "a gzip-coded registration",
    group: "codings",
    method: "POST",
    bytes: (v) => {
      const body = gzipSync(registration(v.email as string));
      return bytes(
        head("POST", "/users", {
          "Content-Type": "application/json",
          "Content-Encoding": "gzip",
          "Content-Length": String(body.length),
        }),
        body,
      );
    },
    expect: { status: [415] },
  },
  {
    id: "hostile-content-coding-corrupt",
    title: "Content-Encoding: gzip on bytes that are not gzip",
    group: "codings",
    method: "POST",
    bytes: () =>
      bytes(
        head("POST", "/users", {
          "Content-Type": "application/json",
          "Content-Encoding": "gzip",
          "Content-Length": "9",
        }),
        "not-gzip!",
      ),
    expect: { status: [415] },
  },
];
