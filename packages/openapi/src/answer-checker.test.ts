import { describe, expect, it } from "vitest";
import { createAnswerChecker, type RecordedAnswer } from "./answer-checker.js";
import { createDocument } from "./create-document.js";
import { errorResponses } from "./error-responses.js";

const document = createDocument({
  info: { title: "Items", version: "1.0.0" },
  paths: {
    "/items/{id}": {
      get: {
        operationId: "getItem",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": {
            description: "The item",
            content: {
              "application/json": {
                schema: { type: "object", required: ["id"], properties: { id: { type: "string" } } },
              },
            },
          },
          ...errorResponses([401, 404]),
        },
      },
    },
  },
});

const errorHeaders = (contentType = "application/json") =>
  new Headers({ "Content-Type": contentType, "Cache-Control": "no-store", "X-Request-Id": "t-1" });
const answer = (overrides: Partial<RecordedAnswer>): RecordedAnswer => ({
  method: "GET",
  path: "/items/a1",
  status: 404,
  headers: errorHeaders(),
  body: JSON.stringify({ error: "not_found", message: "No such item", traceId: "t-1" }),
  ...overrides,
});

describe("createAnswerChecker", () => {
  const checker = createAnswerChecker(document);
  const WHERE = "operation getItem (GET /items/{id})";

  it("accepts documented answers, in either rendering, HEAD included", async () => {
    expect(await checker.check(answer({}))).toEqual([]);
    expect(await checker.check(answer({ method: "HEAD", body: "" }))).toEqual([]);
    const problem = {
      type: "about:blank",
      title: "Not Found",
      status: 404,
      detail: "No such item",
      error: "not_found",
      traceId: "t-1",
    };
    expect(
      await checker.check(
        answer({ headers: errorHeaders("application/problem+json"), body: JSON.stringify(problem) }),
      ),
    ).toEqual([]);
    const ok = answer({
      status: 200,
      headers: new Headers({ "Content-Type": "application/json" }),
      body: '{"id":"a1"}',
    });
    expect(await checker.check(ok)).toEqual([]);
  });

  it("fails a status the operation does not document", async () => {
    expect(await checker.check(answer({ status: 409 }))).toEqual([`${WHERE}: status 409 is not documented`]);
  });

  it("fails an undocumented media type", async () => {
    expect(await checker.check(answer({ headers: errorHeaders("text/plain") }))).toEqual([
      `${WHERE}: media type "text/plain" is not documented (application/json, application/problem+json)`,
    ]);
  });

  it("fails a missing required header, and a header against its schema", async () => {
    const headers = errorHeaders();
    headers.delete("X-Request-Id");
    headers.set("Cache-Control", "max-age=60");
    const problems = await checker.check(answer({ headers }));
    expect(problems).toContain(`${WHERE}: required header X-Request-Id is missing`);
    expect(problems.some((problem) => problem.includes("cache-control"))).toBe(true);
    const unauthorized = await checker.check(
      answer({
        status: 401,
        body: JSON.stringify({ error: "unauthenticated", message: "No", traceId: "t-1" }),
      }),
    );
    expect(unauthorized).toEqual([`${WHERE}: required header WWW-Authenticate is missing`]);
  });

  it("fails a body that breaks the schema of its media type", async () => {
    const wrongCode = await checker.check(
      answer({ body: JSON.stringify({ error: "gone", message: "x", traceId: "t" }) }),
    );
    expect(wrongCode.join("\n")).toMatch(
      /application\/json body \/error must be equal to one of the allowed values/,
    );
    const extra = await checker.check(
      answer({ body: JSON.stringify({ error: "not_found", message: "x", traceId: "t", stack: "..." }) }),
    );
    expect(extra.join("\n")).toMatch(/must NOT have additional properties/);
    const problemAsJson = await checker.check(
      answer({ headers: errorHeaders("application/problem+json") }), // a default body under problem+json
    );
    expect(problemAsJson.length).toBeGreaterThan(0);
  });

  it("checks answers on no documented route against the component response of their status", async () => {
    expect(await checker.check(answer({ path: "/nope" }))).toEqual([]);
    expect(await checker.check(answer({ path: "/nope", status: 200 }))).toEqual([
      "no operation, component response 200: status 200 is not documented",
    ]);
  });
});
