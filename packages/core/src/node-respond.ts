import type { ErrorAnswer, ErrorPath, ErrorRequest } from "./error-path.js";
import { describeThrown } from "./log-line.js";
import { type NodeResponseLike, writeNodeAnswer } from "./node-response.js";

/**
 * Answers `thrown` on Node's response through the error path. When no answer can be written
 * (the headers went out already, or `write` throws), the error is reported once (`abandon`)
 * and the response destroyed: the client sees a broken response, never a wrong complete one.
 * `write` is the platform's own (a Fastify reply's), by default `writeNodeAnswer(response, …)`.
 */
export function respondOnNode<R extends ErrorRequest>(
  path: ErrorPath<R>,
  thrown: unknown,
  request: R,
  response: NodeResponseLike,
  write: (answer: ErrorAnswer) => void = (answer) => writeNodeAnswer(response, answer),
): void {
  if (response.headersSent) {
    path.abandon(thrown, request);
    response.destroy();
    return;
  }
  const answer = path.answer(thrown, request);
  try {
    write(answer);
  } catch (failure) {
    const what = `error-contract: writing the answer failed: ${describeThrown(failure)}`;
    path.abandon(new Error(what, { cause: thrown }), request);
    response.destroy();
  }
}
