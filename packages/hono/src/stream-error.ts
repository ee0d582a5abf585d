import type { Context } from "hono";
import type { StreamingApi } from "hono/utils/stream";
import { nodeBindings } from "./node-server.js";

/** The third argument of Hono's `stream`, `streamText` and `streamSSE`. */
export type StreamErrorHandler = (error: Error, stream: StreamingApi) => Promise<void>;

/**
 * Ends a streamed response whose producer failed after the headers went out. No error response
 * is possible any more, and closing normally would pass a truncated body off as complete: the
 * connection is aborted instead. On @hono/node-server the socket is destroyed (the server then
 * logs nothing of its own); elsewhere the stream is errored, which the runtime turns into an abort.
 */
export async function abortStream(c: Context, stream: StreamingApi): Promise<void> {
  const { outgoing } = nodeBindings(c.env);
  if (outgoing) {
    outgoing.destroy();
    return;
  }
  // StreamingApi has no public way to error its stream (close() would end it cleanly).
  const { writer } = stream as unknown as { writer?: WritableStreamDefaultWriter };
  await writer?.abort(new Error("response aborted after its headers were sent")).catch(() => {});
}
