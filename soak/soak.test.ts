import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { targets } from "../scripts/lib/targets.mjs";
import { soak, verdict } from "./soak.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));

// The short soak of `npm test` (the long one: `npm run soak`): 2,000 mixed requests at 64
// keep-alive connections per target, each response checked against the contract.
describe.each(targets)("soak $name", (target) => {
  it("keeps the contract on every response, with no socket error and unique trace ids", async () => {
    const result = await soak(target, `${root}/${target.app}`, { requests: 2_000, connections: 64 });
    expect(result.violations.slice(0, 5)).toEqual([]);
    expect(result.socketErrors.slice(0, 5)).toEqual([]);
    expect(result.uniqueTraceIds).toBe(2_000);
    expect(verdict(result)).toEqual([]);
  });
});
