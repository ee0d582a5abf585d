import { answerHttpEdge } from "@error-contract/core/node";
import { serve } from "@hono/node-server";
import { createNodeFetch } from "./app.js";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "127.0.0.1";

const server = serve({ fetch: createNodeFetch(), port, hostname }, (info) => {
  const host = info.address.includes(":") ? `[${info.address}]` : info.address;
  console.log(`hono-sample listening on http://${host}:${info.port}`);
});

// What Node's HTTP layer answers by itself (parser refusals, timeouts, no Host, Expect, CONNECT)
// gets the contract too, and a pipelined answer in flight goes out whole before a refusal.
answerHttpEdge(server as Parameters<typeof answerHttpEdge>[0]);

// Stop accepting connections, let requests in flight finish, then exit.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close((error) => {
      if (error) console.error(error);
      process.exitCode = error ? 1 : 0;
    });
  });
}
