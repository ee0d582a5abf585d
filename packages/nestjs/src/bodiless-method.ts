// The reference API's routes that take no body: whatever body and Content-Type they are sent is
// ignored (not parsed, not refused), so it changes nothing in the answer.
const BODILESS = new Set(["GET", "HEAD", "DELETE"]);

/** Whether a request's method takes no body, so its body is never parsed. */
export const takesNoBody = (method: string | undefined): boolean => BODILESS.has(method ?? "GET");
