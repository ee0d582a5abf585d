import { answerClientError } from "@error-contract/core/node";
import { serve } from "@hono/node-server";
import { app } from "./app.js";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "127.0.0.1";

const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
  const host = info.address.includes(":") ? `[${info.address}]` : info.address;
  console.log(`hono-sample listening on http://${host}:${info.port}`);
});

// Requests Node's HTTP parser refuses (unknown method, oversize headers) get the contract too.
server.on("clientError", answerClientError);

// Stop accepting connections, let requests in flight finish, then exit.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close((error) => {
      if (error) console.error(error);
      process.exitCode = error ? 1 : 0;
    });
  });
}
