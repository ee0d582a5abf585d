// Writes the committed JSON Schemas from the built package: `npm run schema` after a change
// to the body's zod schema (a test fails while the files and the schemas differ).
import { writeFileSync } from "node:fs";
import { errorBodyJsonSchema, problemBodyJsonSchema } from "../dist/index.js";

const write = (name, schema) =>
  writeFileSync(new URL(`../schema/${name}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
write("error-body.schema.json", errorBodyJsonSchema);
write("problem-body.schema.json", problemBodyJsonSchema);
