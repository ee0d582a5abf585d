import axios from "axios";
import ky from "ky";
import { ofetch } from "ofetch";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  ContractError,
  contractBeforeError,
  contractInterceptor,
  contractResponseError,
} from "../src/index.js";
import { startTestServer, type TestServer } from "./test-server.js";

// Each integration with its real library, over real HTTP to the reference API on 127.0.0.1.
let server: TestServer;
beforeAll(async () => {
  vi.spyOn(console, "error").mockImplementation(() => {});
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
  vi.restoreAllMocks();
});

const weak = { email: "nope", password: "short" };
const taken = { email: "ADA@example.com", password: "long enough 123" };

async function caught(promise: Promise<unknown>): Promise<ContractError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ContractError);
  return error as ContractError;
}

function expectTheThree(errors: {
  weak: ContractError;
  me: ContractError;
  taken: ContractError;
  problem: ContractError;
}) {
  expect(errors.weak).toMatchObject({
    status: 422,
    code: "validation_failed",
    action: "fix_fields",
    contract: true,
  });
  expect(Object.keys(errors.weak.fields ?? {}).sort()).toEqual(["email", "password"]);
  expect(errors.weak.traceId).toMatch(/^[0-9a-f]{32}$/);
  expect(errors.me).toMatchObject({ status: 401, code: "unauthenticated", action: "reauthenticate" });
  expect(errors.me.challenge?.scheme).toBe("Bearer");
  expect(errors.taken).toMatchObject({
    status: 409,
    code: "email_taken",
    action: "conflict",
    contract: true,
  });
  // The problem+json rendering, negotiated by Accept, reads the same.
  expect(errors.problem).toMatchObject({
    status: 404,
    code: "not_found",
    action: "not_found",
    contract: true,
  });
}

describe("ky beforeError hook", () => {
  it("throws a ContractError with the body read", async () => {
    const api = ky.create({ prefixUrl: server.url, retry: 0, hooks: { beforeError: [contractBeforeError] } });
    expectTheThree({
      weak: await caught(api.post("users", { json: weak })),
      me: await caught(api.get("me")),
      taken: await caught(api.post("users", { json: taken })),
      problem: await caught(api.get("nope", { headers: { accept: "application/problem+json" } })),
    });
  });
});

describe("axios interceptor", () => {
  it("rejects with a ContractError instead of an AxiosError", async () => {
    const api = axios.create({ baseURL: server.url });
    api.interceptors.response.use(undefined, contractInterceptor);
    expectTheThree({
      weak: await caught(api.post("/users", weak)),
      me: await caught(api.get("/me")),
      taken: await caught(api.post("/users", taken)),
      problem: await caught(api.get("/nope", { headers: { accept: "application/problem+json" } })),
    });
  });

  it("passes an error without an answer on as it is", async () => {
    const api = axios.create({ baseURL: "http://127.0.0.1:1" });
    api.interceptors.response.use(undefined, contractInterceptor);
    const error = await api.get("/").catch((reason: unknown) => reason);
    expect(axios.isAxiosError(error)).toBe(true);
  });
});

describe("ofetch onResponseError", () => {
  it("throws a ContractError from the answer ofetch read", async () => {
    const api = ofetch.create({ baseURL: server.url, onResponseError: contractResponseError });
    expectTheThree({
      weak: await caught(api("/users", { method: "POST", body: weak })),
      me: await caught(api("/me")),
      taken: await caught(api("/users", { method: "POST", body: taken })),
      problem: await caught(api("/nope", { headers: { accept: "application/problem+json" } })),
    });
  });
});

describe("the client against answers that are not the contract, over HTTP", () => {
  it("ky, axios and ofetch all give contract: false and the status's generic code", async () => {
    // Hono's own text/plain answer: a raw Hono app without the contract.
    const { Hono } = await import("hono");
    const { serve } = await import("@hono/node-server");
    const raw = new Hono().get("/boom", () => {
      throw new Error("boom");
    });
    const plain = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const started = serve({ fetch: raw.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(started));
    });
    const address = plain.address();
    const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/boom`;
    try {
      const axiosApi = axios.create();
      axiosApi.interceptors.response.use(undefined, contractInterceptor);
      for (const error of [
        await caught(ky.get(url, { retry: 0, hooks: { beforeError: [contractBeforeError] } })),
        await caught(axiosApi.get(url)),
        await caught(ofetch(url, { retry: 0, onResponseError: contractResponseError })),
      ]) {
        expect(error).toMatchObject({
          status: 500,
          code: "internal_error",
          contract: false,
          action: "report",
        });
        expect(error.body).toBe("Internal Server Error");
      }
    } finally {
      await new Promise((resolve) => plain.close(resolve));
    }
  });
});
