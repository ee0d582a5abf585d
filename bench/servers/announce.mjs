// The child's side of the orchestrator's protocol (IPC): "listening on port N", then the
// process's own CPU time on request, so the CPU is measured where the work is done.

/** Tells the orchestrator the port, then answers every "cpu" message with `process.cpuUsage()`. */
export function announce(port) {
  process.on("message", (message) => {
    if (message === "cpu") process.send({ cpu: process.cpuUsage() });
  });
  // The orchestrator gone (crashed or killed): no orphaned server.
  process.on("disconnect", () => process.exit(0));
  process.send({ port });
}

/** The variant to serve (`contract`, `plain` or `default`) from the command line. */
export function variantArg() {
  const variant = process.argv[2];
  if (!["contract", "plain", "default"].includes(variant)) {
    throw new Error(`variant must be contract, plain or default, not "${variant}"`);
  }
  return variant;
}
