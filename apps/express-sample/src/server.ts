import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { answerHttpEdge } from "@error-contract/core/node";
import { createApp } from "./app.js";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";

// What Node's HTTP layer answers by itself (parser refusals, timeouts, no Host, Expect, CONNECT)
// gets the contract too.
const server = answerHttpEdge(createServer(createApp()));

server.listen(port, host, () => {
  const { address, port: actual } = server.address() as AddressInfo;
  const shown = address.includes(":") ? `[${address}]` : address;
  console.log(`express-sample listening on http://${shown}:${actual}`);
});

// Stop accepting connections, let requests in flight finish, then exit.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close((error) => {
      if (error) console.error(error);
      process.exitCode = error ? 1 : 0;
    });
  });
}
