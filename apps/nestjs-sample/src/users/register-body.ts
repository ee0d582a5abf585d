import { z } from "zod";

/** POST /users. Unknown keys are dropped; `name` may be left out, not set to null. */
export const RegisterBody = z.object({
  email: z.email({ error: "must be an email address" }),
  password: z
    .string()
    .min(12, { error: "must be at least 12 characters" })
    .regex(/\d/, { error: "must contain a digit" }),
  name: z
    .string()
    .min(1, { error: "must not be empty" })
    .max(100, { error: "at most 100 characters" })
    .optional(),
});
export type RegisterBody = z.output<typeof RegisterBody>;
