/**
 * A machine-readable error code: lower snake case. The one pattern every check of a code uses:
 * the `ErrorCode` schema, `new ApiError()` and `defineErrors`.
 */
export const CODE_PATTERN = /^[a-z][a-z0-9_]*$/;
