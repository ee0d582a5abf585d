/**
 * A 101 (Switching Protocols: a WebSocket upgrade) hands the connection over, so it goes out as the
 * runtime made it: an adapter adds no header to it. Rebuilding it to add one (`new Response(body,
 * it)`) throws outside 200-599 on Node and Deno, and on Workers would lose its socket.
 */
export function isProtocolSwitch(response: { readonly status: number }): boolean {
  return response.status === 101;
}
