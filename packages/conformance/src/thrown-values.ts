import fc from "fast-check";

/** In every thrown value that can hold text: it must never reach a response. */
export const THROWN_MARKER = "S3CRET-property-marker";
const MARKER = THROWN_MARKER;

const throwing = () => {
  throw new Error(MARKER);
};

function circular(): object {
  const value: Record<string, unknown> = { message: MARKER, statusCode: 418 };
  value.self = value;
  value.cause = value;
  return value;
}

function throwingGetters(): object {
  const value = {};
  for (const key of ["message", "status", "statusCode", "stack", "name", "cause", "code"]) {
    Object.defineProperty(value, key, { get: throwing, enumerable: true });
  }
  return value;
}

function throwingError(): Error {
  const error = new Error(MARKER);
  // `stack` first: redefining it formats the stack, which reads `name` and `message`.
  for (const key of ["stack", "message", "name", "cause"])
    Object.defineProperty(error, key, { get: throwing });
  return error;
}

// Every trap throws, including the ones `instanceof`, `typeof` checks and spreads use.
function hostileProxy(target: object): object {
  return new Proxy(target, {
    get: throwing,
    has: throwing,
    ownKeys: throwing,
    getOwnPropertyDescriptor: throwing,
    getPrototypeOf: throwing,
    set: throwing,
    defineProperty: throwing,
    deleteProperty: throwing,
    isExtensible: throwing,
    preventExtensions: throwing,
    setPrototypeOf: throwing,
  });
}

function causes(depth: number, last: unknown): Error {
  let error: unknown = last;
  for (let i = 0; i < depth; i++) error = new Error(`${MARKER} level ${i}`, { cause: error });
  return error as Error;
}

const text = fc.string({ maxLength: 40 }).map((s) => `${s}${MARKER}\r\n${s}`);

/** A thrown value, built only when the route throws it (fast-check inspects what it generates). */
export interface Thrown {
  readonly label: string;
  readonly make: () => unknown;
}

const of = <T>(label: string, arbitrary: fc.Arbitrary<T>, make: (value: T) => unknown) =>
  arbitrary.map((value): Thrown => ({ label, make: () => make(value) }));
const fixed = (label: string, make: () => unknown) => fc.constant<Thrown>({ label, make });

const leaf: fc.Arbitrary<Thrown> = fc.oneof(
  of("primitive", fc.constantFrom(null, undefined, 0, -1, Number.NaN, true, false, ""), (value) => value),
  of("bigint", fc.bigInt(), (value) => value),
  of("double", fc.double(), (value) => value),
  of("string", text, (value) => value),
  of("symbol", text, (value) => Symbol(value)),
  of("Error", text, (value) => new Error(value)),
  of("TypeError", text, (value) => new TypeError(value)),
  of("SyntaxError", text, (value) => new SyntaxError(value)),
  of("function", text, (value) => () => value),
  of("duck", fc.integer({ min: 100, max: 999 }), (status) => ({
    status,
    statusCode: status,
    message: MARKER,
  })),
  of("Error with status", fc.integer({ min: 100, max: 999 }), (status) =>
    Object.assign(new Error(MARKER), { status, statusCode: status, expose: true }),
  ),
  fixed("throwing toJSON", () => ({ toJSON: throwing, toString: throwing, message: MARKER })),
  fixed("null prototype", () => Object.assign(Object.create(null), { message: MARKER })),
  fixed("circular", circular),
  fixed("throwing getters", throwingGetters),
  fixed("Error with throwing getters", throwingError),
  fixed("Proxy with throwing traps", () => hostileProxy({ message: MARKER })),
  fixed("Proxy of an Error with throwing traps", () => hostileProxy(new Error(MARKER))),
  of(
    "huge message",
    fc.integer({ min: 10_000, max: 200_000 }),
    (size) => new Error(MARKER.repeat(Math.ceil(size / MARKER.length))),
  ),
  fixed("AggregateError", () => new AggregateError([new Error(MARKER), MARKER], MARKER)),
);

/**
 * fast-check arbitrary of values a route may throw: primitives, symbols, BigInts, circular
 * objects, throwing getters and `toJSON`, Proxies whose traps all throw, huge messages, cause
 * chains up to 50 deep. Each holds `THROWN_MARKER` where it can hold text; an adapter must answer
 * every one with a generic 500 that shows nothing of it.
 */
export const hostileThrown: fc.Arbitrary<Thrown> = fc.oneof(
  leaf,
  fc.tuple(fc.integer({ min: 1, max: 50 }), leaf).map(
    ([depth, last]): Thrown => ({
      label: `${depth} causes over ${last.label}`,
      make: () => causes(depth, last.make()),
    }),
  ),
);
