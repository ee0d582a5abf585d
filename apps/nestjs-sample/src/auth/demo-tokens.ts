/** Demo bearer tokens and the seeded user each one stands for (a real app verifies a JWT or asks an IdP). */
export const DEMO_TOKENS: ReadonlyMap<string, string> = new Map([
  ["user-token", "usr_ada"],
  ["admin-token", "usr_root"],
]);
