import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseOrThrow } from "./parse-or-throw.js";

const User = z.object({ name: z.string().min(2), age: z.number().int().optional() });

describe("parseOrThrow", () => {
  it("returns the schema's output", async () => {
    const Trimmed = z.object({ name: z.string().trim() });
    expect(await parseOrThrow(Trimmed, { name: " ada ", extra: 1 })).toEqual({ name: "ada" });
  });

  it("throws a 400 for structure and a 422 for rules, as fromZodError decides", async () => {
    await expect(parseOrThrow(User, { age: 1 })).rejects.toMatchObject({ status: 400, code: "bad_request" });
    await expect(parseOrThrow(User, { name: "a" })).rejects.toMatchObject({
      status: 422,
      code: "validation_failed",
      fields: { name: expect.any(String) },
    });
  });

  it("runs async refinements", async () => {
    const Slow = z.string().refine(async (value) => value === "ok", "not ok");
    expect(await parseOrThrow(Slow, "ok")).toBe("ok");
    await expect(parseOrThrow(Slow, "no")).rejects.toMatchObject({ status: 422 });
  });
});
