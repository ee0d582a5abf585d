import { existsSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { answerClientError } from "@error-contract/core/node";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { createApp } from "hono-sample/src/app.js";

const BUNDLE = fileURLToPath(new URL("../dist/index.js", import.meta.url));
const PAGE = fileURLToPath(new URL("./fixtures/page.html", import.meta.url));

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The reference API (the Hono sample's app, fresh store) on 127.0.0.1, with a page and the
 * built client bundle served from the same origin: `/client-test/` and `/client-test/client.js`.
 */
export async function startTestServer(): Promise<TestServer> {
  if (!existsSync(BUNDLE))
    throw new Error(`${BUNDLE} is missing: run \`npm run build -w @error-contract/client\` first`);
  const api = createApp();
  const app = new Hono()
    .get("/client-test/", (c) => c.html(readFileSync(PAGE, "utf8")))
    .get("/client-test/client.js", (c) =>
      c.body(readFileSync(BUNDLE, "utf8"), 200, { "content-type": "text/javascript; charset=utf-8" }),
    )
    .mount("/", api.fetch);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(started));
  });
  // As the sample's own server does: what Node's HTTP parser refuses gets the contract too.
  server.on("clientError", answerClientError);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
