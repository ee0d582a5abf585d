import { answerHttpEdge } from "@error-contract/core/node";
import { buildApp } from "./app.js";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";

const app = await buildApp();
// What Node's HTTP layer answers by itself (timeouts, no Host, Expect, CONNECT) gets the contract too.
answerHttpEdge(app.server);
const address = await app.listen({ port, host });
console.log(`fastify-sample listening on ${address}`);

// Stop accepting connections, let requests in flight finish, then exit.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    app.close().then(
      () => {
        process.exitCode = 0;
      },
      (error: unknown) => {
        console.error(error);
        process.exitCode = 1;
      },
    );
  });
}
