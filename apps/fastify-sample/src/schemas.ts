import { z } from "zod";

/** POST /users. Unknown keys are dropped; shape problems are 400, broken rules 422. */
export const RegisterBody = z.object({
  email: z.email(),
  password: z.string().min(12, "min 12 chars").regex(/\d/, "at least one digit"),
  name: z.string().min(1).max(100).optional(),
});
