// Loaded into a sample app's process with `node --import` (NODE_OPTIONS) before the app: the
// OpenTelemetry SDK with its in-memory exporter and Node's HTTP instrumentation, as an app
// sets them up. The finished spans are written to EC_OTEL_SPANS_FILE after each one ends, so
// that the test in another process can read what the in-memory exporter holds.
import { renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-node";

const file = process.env.EC_OTEL_SPANS_FILE;
if (!file) throw new Error("otel-preload: EC_OTEL_SPANS_FILE is not set");

const exporter = new InMemorySpanExporter();
const plain = (span) => ({
  name: span.name,
  kind: span.kind,
  traceId: span.spanContext().traceId,
  spanId: span.spanContext().spanId,
  parentSpanId: span.parentSpanContext?.spanId,
  status: span.status,
  attributes: span.attributes,
  events: span.events.map((event) => ({ name: event.name, attributes: event.attributes })),
});
/** After the in-memory exporter took a span: its whole content, to the file. */
const window = {
  onStart() {},
  onEnd() {
    // Written whole, then renamed: a reader never sees half a file.
    setImmediate(() => {
      writeFileSync(`${file}.tmp`, JSON.stringify(exporter.getFinishedSpans().map(plain)));
      renameSync(`${file}.tmp`, file);
    });
  },
  forceFlush: async () => {},
  shutdown: async () => {},
};
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter), window] });
provider.register();
const http = new HttpInstrumentation();
http.setTracerProvider(provider);
// The instrumentation patches `http` when it is required; ESM apps import it instead, and the
// patch is on the shared `Server.prototype`: one require here patches every server.
createRequire(import.meta.url)("node:http");
