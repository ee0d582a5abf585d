import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// What a user reads when a definition or a code is wrong: the compiler's own diagnostics for a
// file of mistakes, one per line, each of which must name the reason.
const here = fileURLToPath(new URL(".", import.meta.url));
const fixtureName = `${here}type-error-fixture.ts`;
const LINES = [
  ["code must be lower_snake_case", `defineErrors({ EmailTaken: { status: 409, message: "x" } });`],
  ["status must be 400-599", `defineErrors({ moved: { status: 301, message: "x" } });`],
  ["status must be 400-599", `defineErrors({ late: { status: 600, message: "x" } });`],
  ["not_found is the generic code of 404", `defineErrors({ not_found: { status: 400, message: "x" } });`],
  ["message must not be empty", `defineErrors({ blank: { status: 400, message: "" } });`],
  ["code must be lower_snake_case", `new ApiError({ status: 400, code: "Bad-Code" });`],
  ["not_found is the generic code of 404", `new ApiError({ status: 400, code: "not_found" });`],
  [undefined, `defineErrors({ email_taken: { status: 409, message: "Email already registered" } });`],
  [undefined, `new ApiError({ status: 409, code: "email_taken" });`],
] as const;

function diagnosticsByLine(): Map<number, string> {
  const source = [
    `import { ApiError, defineErrors } from "./index.js";`,
    ...LINES.map(([, line]) => line),
  ].join("\n");
  const options: ts.CompilerOptions = {
    strict: true,
    exactOptionalPropertyTypes: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    skipLibCheck: true,
    noEmit: true,
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (name) => name === fixtureName || fileExists(name);
  host.readFile = (name) => (name === fixtureName ? source : readFile(name));
  host.getSourceFile = (name, version, ...rest) =>
    name === fixtureName ? ts.createSourceFile(name, source, version) : getSourceFile(name, version, ...rest);
  const program = ts.createProgram([fixtureName], options, host);
  const file = program.getSourceFile(fixtureName);
  const byLine = new Map<number, string>();
  for (const diagnostic of program.getSemanticDiagnostics(file)) {
    const { line } = ts.getLineAndCharacterOfPosition(
      diagnostic.file as ts.SourceFile,
      diagnostic.start ?? 0,
    );
    const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    byLine.set(line - 1, `${byLine.get(line - 1) ?? ""}${text}\n`);
  }
  return byLine;
}

describe("type errors", () => {
  it("name the reason in the compiler's message, on the wrong line only", { timeout: 30_000 }, () => {
    const byLine = diagnosticsByLine();
    LINES.forEach(([reason, line], index) => {
      const message = byLine.get(index);
      if (reason === undefined) expect(message, line).toBeUndefined();
      else {
        expect(message, line).toContain(`"${reason}"`);
        expect(message, line).not.toContain("'never'");
      }
    });
  });
});
