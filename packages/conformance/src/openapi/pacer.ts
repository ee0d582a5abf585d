/** Bounds what a run sends: at most `maxRequests` requests, at most `perSecond` a second. */
export class Pacer {
  readonly #interval: number;
  readonly #maxRequests: number;
  #sent = 0;
  #next = 0;

  constructor({ maxRequests, perSecond }: { maxRequests: number; perSecond: number }) {
    if (!(maxRequests > 0) || !(perSecond > 0))
      throw new RangeError("maxRequests and perSecond must be positive");
    this.#maxRequests = maxRequests;
    this.#interval = 1000 / perSecond;
  }

  get sent(): number {
    return this.#sent;
  }

  /** Resolves when the next request may go out; throws once the budget is spent. */
  async next(): Promise<void> {
    if (this.#sent >= this.#maxRequests) {
      throw new Error(
        `request budget spent: ${this.#maxRequests} requests (raise --max-requests or narrow with --tag/--only)`,
      );
    }
    this.#sent++;
    const now = performance.now();
    const at = Math.max(now, this.#next);
    this.#next = at + this.#interval;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }
}
