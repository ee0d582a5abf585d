type Next = (error?: unknown) => void;
type Layer = { handle: (req: unknown, res: unknown, next: Next) => unknown; handle_request?: unknown };

const patched = new WeakSet<object>();

/**
 * Express 4 ignores the promise a handler returns, so an async handler's rejection never reaches
 * the error handler. Its router's `Layer#handle_request` is made to pass rejections to `next`
 * as Express 5 does (a rejection without a value becomes an Error). Express 5 is left alone.
 */
export function catchAsyncOnExpress4(app: unknown): void {
  const stack = (app as { _router?: { stack?: Layer[] } } | undefined)?._router?.stack;
  const layer: Layer | undefined = stack?.[0] && Object.getPrototypeOf(stack[0]);
  if (!layer || patched.has(layer) || typeof layer.handle_request !== "function") return;
  patched.add(layer);
  layer.handle_request = function handle(this: Layer, req: unknown, res: unknown, next: Next) {
    const fn = this.handle;
    if (fn.length > 3) return next(); // an error handler: not for a request without an error
    try {
      const result = fn(req, res, next) as PromiseLike<unknown> | undefined;
      if (typeof result?.then === "function") {
        result.then(undefined, (error: unknown) => next(error ?? new Error("Rejected promise")));
      }
    } catch (error) {
      next(error);
    }
  };
}
