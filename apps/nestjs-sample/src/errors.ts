import { defineErrors } from "@error-contract/core";

/** The API's own error codes, each bound to one status. */
export const errors = defineErrors({
  email_taken: { status: 409, message: "Email already registered" },
});

/** The error contract's options, for `ErrorContractModule.forRoot()` and Fastify's own refusals. */
export const contractOptions = { format: "negotiate", catalog: errors } as const;
