import { defineErrors } from "@error-contract/core";

/** This API's own codes, each bound to one status (the generic ones need no declaration). */
export const errors = defineErrors({
  email_taken: { status: 409, message: "Email already registered" },
});
