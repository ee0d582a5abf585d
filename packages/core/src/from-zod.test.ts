import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fromZodError } from "./from-zod.js";

const Register = z.object({
  email: z.email("must be a valid email address"),
  password: z.string().min(12, "min 12 chars").regex(/\d/, "at least one digit"),
  name: z.string().min(1).max(100).optional(),
});

function errorFor(schema: z.ZodType, input: unknown, options = {}) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected a failure");
  return fromZodError(result.error, { input, ...options });
}

describe("fromZodError", () => {
  it("answers missing fields with 400 and 'required'", () => {
    const error = errorFor(Register, {});
    expect(error.status).toBe(400);
    expect(error.code).toBe("bad_request");
    expect(error.fields).toEqual({ email: "required", password: "required" });
  });

  it("answers wrong types with 400 and the expected type", () => {
    expect(errorFor(Register, { email: "a@b.co", password: 123456789012 }).fields).toEqual({
      password: "expected string",
    });
  });

  it.each([[[]], [null], ["text"], [42]])("answers a non-object body %j with 400 and no fields", (input) => {
    const error = errorFor(Register, input);
    expect(error.status).toBe(400);
    expect(error.fields).toBeUndefined();
  });

  it("answers broken rules with 422 and every broken rule by path", () => {
    const error = errorFor(Register, { email: "nope", password: "short", name: "" });
    expect(error.status).toBe(422);
    expect(error.code).toBe("validation_failed");
    expect(error.fields).toEqual({
      email: "must be a valid email address",
      password: "min 12 chars; at least one digit",
      name: expect.any(String),
    });
  });

  it("answers 400 when structure and rules are broken at once", () => {
    const error = errorFor(Register, { email: "nope", password: 5 });
    expect(error.status).toBe(400);
    expect(error.fields).toEqual({ email: "must be a valid email address", password: "expected string" });
  });

  it("uses dotted paths for nested objects and arrays", () => {
    const Order = z.object({
      address: z.object({ city: z.string().min(2) }),
      items: z.array(z.object({ qty: z.int().positive() })),
    });
    expect(errorFor(Order, { address: { city: "X" }, items: [{ qty: 1 }, { qty: 0 }] }).fields).toEqual({
      "address.city": expect.any(String),
      "items.1.qty": expect.any(String),
    });
  });

  it("treats unknown keys of a strict object as structure, naming only safe keys", () => {
    const Strict = z.strictObject({ a: z.string() });
    const error = errorFor(Strict, { a: "x", extra: 1, "<script>": 2 });
    expect(error.status).toBe(400);
    expect(error.fields).toEqual({ extra: "unknown field" });
    expect(JSON.stringify(error.fields)).not.toContain("script");
  });

  it("names keys such as constructor and __proto__ without reading Object's own", () => {
    const Strict = z.strictObject({ a: z.string() });
    const input = JSON.parse('{"a":"x","constructor":1,"toString":2,"__proto__":3}');
    expect({ ...errorFor(Strict, input).fields }).toEqual(
      JSON.parse('{"constructor":"unknown field","toString":"unknown field","__proto__":"unknown field"}'),
    );
  });

  it("treats a union that matches no shape as structure", () => {
    const Shape = z.object({ v: z.union([z.string(), z.number()]) });
    expect(errorFor(Shape, { v: true }).status).toBe(400);
    const Tagged = z.discriminatedUnion("t", [
      z.object({ t: z.literal("a") }),
      z.object({ t: z.literal("b") }),
    ]);
    expect(errorFor(Tagged, { t: "c" }).status).toBe(400);
  });

  it("treats a union whose members only break rules as a rule", () => {
    const Contact = z.object({ contact: z.union([z.email(), z.url()]) });
    expect(errorFor(Contact, { contact: "neither" }).status).toBe(422);
  });

  it("treats enums, formats, sizes and refinements as rules", () => {
    const Schema = z.object({
      kind: z.enum(["a", "b"]),
      tags: z.array(z.string()).max(1),
      even: z.number().refine((n) => n % 2 === 0, "must be even"),
    });
    const error = errorFor(Schema, { kind: "c", tags: ["x", "y"], even: 3 });
    expect(error.status).toBe(422);
    expect(Object.keys(error.fields ?? {})).toEqual(["kind", "tags", "even"]);
    expect(error.fields?.even).toBe("must be even");
  });

  it("never echoes the rejected values", () => {
    const secret = "S3CRET-value-hunter2";
    const Schema = z.object({
      email: z.email(),
      n: z.number(),
      kind: z.enum(["a"]),
      r: z.record(z.string(), z.number()),
    });
    const error = errorFor(Schema, { email: secret, n: secret, kind: secret, r: { key: secret } });
    expect(JSON.stringify({ m: error.message, f: error.fields })).not.toContain("S3CRET");
  });

  it("tells missing from wrong type by zod's message when no input is given", () => {
    const result = z.object({ email: z.string(), password: z.string() }).safeParse({ password: 1 });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(fromZodError(result.error).fields).toEqual({ email: "required", password: "expected string" });
    }
  });

  it("lets the policy be overridden", () => {
    const error = errorFor(
      Register,
      { email: "nope", password: "long-enough-1" },
      {
        classify: (issue: { code: string }) => (issue.code === "invalid_format" ? "structure" : undefined),
      },
    );
    expect(error.status).toBe(400);
  });

  it("names the broken fields in its message", () => {
    expect(errorFor(Register, { email: "nope", password: "long-enough-1" }).message).toBe(
      "Validation failed: email",
    );
  });
});
