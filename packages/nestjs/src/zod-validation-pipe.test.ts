import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ZodValidationPipe } from "./zod-validation-pipe.js";

describe("ZodValidationPipe", () => {
  const Signup = z.object({
    email: z.email().refine(async (email) => email !== "taken@example.com", "taken"),
  });
  const pipe = new ZodValidationPipe(Signup);

  it("resolves the parsed value", async () => {
    await expect(pipe.transform({ email: "ada@example.com", extra: 1 })).resolves.toEqual({
      email: "ada@example.com",
    });
  });

  it("awaits async refinements: a broken rule is a 422 with fields", async () => {
    await expect(pipe.transform({ email: "taken@example.com" })).rejects.toMatchObject({
      status: 422,
      fields: { email: "taken" },
    });
  });

  it("answers a wrong structure with a 400", async () => {
    await expect(pipe.transform({})).rejects.toMatchObject({ status: 400, fields: { email: "required" } });
  });
});
