import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const BUDGET = 2048;
const entry = new URL("../src/index.ts", import.meta.url).pathname;

// What a browser app pays: esbuild, minified, tree-shaken to the imports it uses, gzipped.
async function gzipped(contents: string): Promise<{ bytes: number; code: string }> {
  const result = await build({
    stdin: { contents, resolveDir: new URL(".", import.meta.url).pathname, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.text ?? "";
  return { bytes: gzipSync(code, { level: 9 }).length, code };
}

describe("bundle budget", () => {
  it(`parse plus actions stay within ${BUDGET} bytes, minified and gzipped`, async () => {
    const { bytes, code } = await gzipped(
      `import { parseError, actionFor, isError } from ${JSON.stringify(entry)}; console.log(parseError, actionFor, isError);`,
    );
    console.info(`parseError + actions: ${bytes} B min+gzip`);
    expect(code).toContain("fix_fields");
    expect(code).toContain("www-authenticate");
    expect(bytes).toBeGreaterThan(500);
    expect(bytes).toBeLessThanOrEqual(BUDGET);
  });

  it("the whole client has no zod in it", async () => {
    const { bytes, code } = await gzipped(`export * from ${JSON.stringify(entry)};`);
    console.info(`whole client: ${bytes} B min+gzip`);
    expect(code).not.toMatch(/zod|ZodError/);
    expect(bytes).toBeLessThanOrEqual(BUDGET + 1024);
  });
});
