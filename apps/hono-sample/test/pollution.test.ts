import { expectErrorContract } from "@error-contract/conformance";
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";

const SMUGGLED = [
  '{"__proto__":{"email":"p@example.com","password":"correct-horse-9-battery","polluted":true}}',
  '{"constructor":{"prototype":{"email":"p@example.com","password":"correct-horse-9-battery","polluted":true}}}',
  '{"email":"p@example.com","password":"correct-horse-9-battery","name":{"__proto__":{"polluted":true}}}',
];

// In process, the proof the hostile suite can only infer over HTTP: no prototype changed.
describe("hono-sample and prototype keys", () => {
  it.each(SMUGGLED)("answers %s with a 400 and pollutes nothing", async (body) => {
    const app = createApp();
    const post = (text: string) =>
      app.request("/users", { method: "POST", body: text, headers: { "Content-Type": "application/json" } });
    await expectErrorContract(await post(body), { status: 400, error: "bad_request" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).email).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, "polluted")).toBe(false);
    await expectErrorContract(await post("{}"), {
      status: 400,
      error: "bad_request",
      fields: ["email", "password"],
    });
  });
});
