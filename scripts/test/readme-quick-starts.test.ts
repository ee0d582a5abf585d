// Every TypeScript block of the READMEs compiles as it is shown, against the built packages: the
// quick starts are copied by newcomers word for word. One compiler program for all the blocks.
// A block that is not meant to compile alone (a fragment) says so on the line above its fence:
//   <!-- typecheck: skip (the reason) -->
// A quick start of several files names each block's file there, so that their relative imports
// (`./app.module.js`) resolve to one another:
//   <!-- typecheck: file src/app.module.ts -->
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const SKIP = /^<!--\s*typecheck:\s*skip\b.*-->$/;
const FILE = /^<!--\s*typecheck:\s*file\s+(\S+\.ts)\s*-->$/;
const FENCE = /^```(ts|typescript)\s*$/;

interface Block {
  readme: string;
  /** The fence's line in the README (1-based). */
  line: number;
  /** Where the block is compiled: beside its README, so packages resolve as they do for it. */
  file: string;
  source: string;
}

function extractBlocks(readme: string, text: string): { blocks: Block[]; skipped: number } {
  const lines = text.split("\n");
  const blocks: Block[] = [];
  let skipped = 0;
  for (let index = 0; index < lines.length; index++) {
    if (!FENCE.test(lines[index] as string)) continue;
    const end = lines.findIndex((line, at) => at > index && line.startsWith("```"));
    if (end === -1) throw new Error(`${readme}:${index + 1}: unclosed code block`);
    const previous = lines.slice(0, index).findLast((line) => line.trim() !== "") ?? "";
    if (SKIP.test(previous.trim())) skipped++;
    else {
      // Each block is a module of its own, so that two blocks may declare the same names.
      const source = `${lines.slice(index + 1, end).join("\n")}\nexport {};\n`;
      const named = FILE.exec(previous.trim())?.[1];
      const file = join(
        root,
        dirname(readme),
        named ? `README.files/${named}` : `README.block-${index + 1}.ts`,
      );
      blocks.push({ readme, line: index + 1, file, source });
    }
    index = end;
  }
  return { blocks, skipped };
}

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
  types: ["node"],
  strict: true,
  skipLibCheck: true,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  noEmit: true,
};

/** The compiler's errors for each block, as `README.md:line: message` (the README's line). */
function typecheck(blocks: readonly Block[]): Map<Block, string[]> {
  const byFile = new Map(blocks.map((block) => [block.file, block]));
  const host = ts.createCompilerHost(OPTIONS);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (name) => byFile.has(name) || fileExists(name);
  // The folders of named blocks exist only here: module resolution looks into them first.
  const folders = new Set([...byFile.keys()].map((file) => dirname(file)));
  const { directoryExists } = host;
  host.directoryExists = (name) => folders.has(name) || (directoryExists?.(name) ?? true);
  host.readFile = (name) => byFile.get(name)?.source ?? readFile(name);
  host.getSourceFile = (name, language, ...rest) => {
    const block = byFile.get(name);
    return block ? ts.createSourceFile(name, block.source, language) : getSourceFile(name, language, ...rest);
  };
  const program = ts.createProgram([...byFile.keys()], OPTIONS, host);
  const errors = new Map<Block, string[]>(blocks.map((block) => [block, []]));
  for (const diagnostic of [...program.getGlobalDiagnostics(), ...program.getOptionsDiagnostics()]) {
    throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
  }
  for (const block of blocks) {
    const file = program.getSourceFile(block.file) as ts.SourceFile;
    for (const diagnostic of [
      ...program.getSyntacticDiagnostics(file),
      ...program.getSemanticDiagnostics(file),
    ]) {
      const { line } = file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n").split("\n")[0];
      errors.get(block)?.push(`${block.readme}:${block.line + 1 + line}: TS${diagnostic.code} ${message}`);
    }
  }
  return errors;
}

const readmes = [
  "README.md",
  ...["packages", "apps"].flatMap((dir) =>
    readdirSync(join(root, dir))
      .map((name) => `${dir}/${name}/README.md`)
      .filter((path) => existsSync(join(root, path))),
  ),
];

describe("README quick starts", () => {
  const all = readmes.map((readme) => ({
    readme,
    ...extractBlocks(readme, readFileSync(join(root, readme), "utf8")),
  }));
  let errors: Map<Block, string[]>;

  beforeAll(() => {
    errors = typecheck(all.flatMap(({ blocks }) => blocks));
  }, 120_000);

  it("finds the blocks, and sees a broken one fail", () => {
    expect(all.flatMap(({ blocks }) => blocks).length).toBeGreaterThan(20);
    const [broken] = extractBlocks(
      "packages/core/README.md",
      '```ts\nimport { defineErrors } from "@error-contract/core";\ndefineErrors({ Bad: { status: 200, message: "" } });\n```\n',
    ).blocks;
    const { blocks: skipped } = extractBlocks(
      "README.md",
      "<!-- typecheck: skip (fragment) -->\n```ts\nnope;\n```\n",
    );
    expect(skipped).toEqual([]);
    const twoFiles = extractBlocks(
      "README.md",
      [
        "<!-- typecheck: file src/errors.ts -->",
        "```ts",
        'import { defineErrors } from "@error-contract/core";',
        'export const errors = defineErrors({ email_taken: { status: 409, message: "Taken" } });',
        "```",
        "<!-- typecheck: file src/app.ts -->",
        "```ts",
        'import { errors } from "./errors.js";',
        "const error: string = errors.email_taken();",
        "```",
      ].join("\n"),
    ).blocks;
    expect([...typecheck(twoFiles).values()]).toEqual([
      [],
      [
        expect.stringMatching(
          /^README\.md:9: TS2322 Type 'ApiError<string, ErrorStatus>' is not assignable to type 'string'/,
        ),
      ],
    ]);
    expect(typecheck([broken as Block]).get(broken as Block)).toEqual([
      expect.stringMatching(/^packages\/core\/README\.md:3: TS2322 .*code must be lower_snake_case/),
    ]);
  });

  for (const { readme } of all) {
    it(`${readme}: every TypeScript block compiles`, () => {
      const failures = [...errors].filter(([block]) => block.readme === readme).flatMap(([, list]) => list);
      expect(failures).toEqual([]);
    });
  }
});
