import { defineErrors } from "@error-contract/core";

/** The API's own error codes, each bound to one status. */
export const errors = defineErrors({
  email_taken: { status: 409, message: "Email already registered" },
});
