import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { asDocument, deriveCases, type OpenApiCase, type OpenApiDocument } from "../src/index.js";
import { accessOf } from "../src/openapi/access.js";
import { operationsOf } from "../src/openapi/document.js";
import { DocumentCheck } from "../src/openapi/document-check.js";
import { errorLookingSuccess } from "../src/openapi/run-openapi.js";

const require = createRequire(import.meta.url);

// Documents no one here wrote, read from node_modules (@readme/oas-examples, a devDependency).
async function readme(name: string): Promise<OpenApiDocument> {
  return asDocument(
    JSON.parse(await readFile(require.resolve(`@readme/oas-examples/${name}`), "utf8")),
    name,
  );
}

// What a case sends: GET and HEAD of a secured operation must not go out without its credentials.
function securedWithoutCredentials(document: OpenApiDocument, cases: readonly OpenApiCase[]): string[] {
  const operations = operationsOf(document);
  return cases
    .filter((testCase) => !testCase.withoutCredentials && testCase.operation !== undefined)
    .filter((testCase) => {
      const operation = operations.find(
        (item) => item.method === testCase.operation?.method && item.path === testCase.operation?.path,
      );
      return operation !== undefined && accessOf(document, operation).secured;
    })
    .map((testCase) => testCase.id);
}

describe("ReadMe's security examples", () => {
  it.each(["3.0/json/security.json", "3.1/json/security.json"])(
    "%s: no case expects a 2xx of a secured operation without credentials",
    async (name) => {
      const document = await readme(name);
      const { cases, leftOut } = deriveCases(document, { allowWrites: true });
      expect(securedWithoutCredentials(document, cases)).toEqual([]);
      expect(leftOut.map((item) => item.id)).toEqual(
        expect.arrayContaining(["openapi-get-anything-oauth2-get", "openapi-get-anything-api-key-get"]),
      );
      // A bearer token by any name gets its 401 cases: HTTP bearer, OAuth 2 and OpenID Connect.
      const ids = cases.map((testCase) => testCase.id);
      expect(ids).toEqual(
        expect.arrayContaining([
          "openapi-get-anything-oauth2-no-credentials",
          "openapi-post-anything-bearer-unknown-token",
          "openapi-delete-anything-oauth2-other-scheme",
          "openapi-post-anything-open-id-connect-malformed-credentials",
        ]),
      );
      // An API key in a query or a header is no bearer token: no 401 case with a Bearer challenge.
      expect(ids.filter((id) => /api-key-(no-credentials|unknown-token)/.test(id))).toEqual([]);
    },
  );

  it("with the credentials a scheme needs, GET of the secured operation is derived again", async () => {
    const document = await readme("3.0/json/security.json");
    const withAuthorization = deriveCases(document, { headers: ["Authorization"] }).cases.map((c) => c.id);
    expect(withAuthorization).toContain("openapi-get-anything-oauth2-get");
    // apiKey_query: no header meets it.
    expect(withAuthorization).not.toContain("openapi-get-anything-api-key-get");
    // An optional security alternative ({}) makes the operation open: its GET expects a 2xx.
    expect(deriveCases(document).cases.map((c) => c.id)).toContain("openapi-get-anything-optional-auth-get");
  });

  it("an API key in a header is met by that header given with --header", () => {
    const document: OpenApiDocument = {
      openapi: "3.1.0",
      paths: { "/things": { get: { operationId: "things", responses: { "200": { description: "OK" } } } } },
      security: [{ key: [] }],
      components: { securitySchemes: { key: { type: "apiKey", in: "header", name: "X-API-KEY" } } },
    };
    const ids = (headers: string[]) => deriveCases(document, { headers }).cases.map((c) => c.id);
    expect(ids(["x-api-key"])).toEqual(expect.arrayContaining(["openapi-things-get", "openapi-things-head"]));
    expect(ids(["authorization"])).not.toContain("openapi-things-get");
    expect(ids([])).not.toContain("openapi-things-get");
  });

  it("derives cases from every example without an error", async () => {
    for (const name of [
      "3.0/json/petstore.json",
      "3.1/json/train-travel.json",
      "3.0/json/schema-validation.json",
    ]) {
      const { cases } = deriveCases(await readme(name), { allowWrites: true, hasCredentials: true });
      expect(cases.length).toBeGreaterThan(10);
    }
  });
});

// An excerpt of GitHub's REST description (@octokit/openapi, api.github.com.json): its whole
// document is 400 MB unpacked with its siblings, too big a devDependency for four paths.
const github: OpenApiDocument = {
  openapi: "3.0.3",
  paths: {
    "/enterprises/{enterprise}/teams/{enterprise-team}/memberships": {
      get: op("enterprise-teams/list-members"),
    },
    "/enterprises/{enterprise}/teams/{enterprise-team}/memberships/add": { post: op("enterprise-teams/add") },
    "/enterprises/{enterprise}/teams/{enterprise-team}/memberships/{username}": {
      get: op("enterprise-teams/get-membership"),
      put: op("enterprise-teams/add-membership"),
      delete: op("enterprise-teams/remove-membership"),
    },
    "/orgs/{org}/attestations/{subject_digest}": { get: op("orgs/list-attestations") },
    "/orgs/{org}/attestations/{attestation_id}": { delete: op("orgs/delete-attestations-by-id") },
  },
};

function op(operationId: string) {
  return { operationId, responses: { "200": { description: "OK" } } };
}

describe("GitHub's REST description", () => {
  it("derives no unserved-method case for a method another template serves at that path", () => {
    for (const allowWrites of [false, true]) {
      const { cases } = deriveCases(github, { allowWrites });
      const unserved = Object.fromEntries(
        cases
          .filter((testCase) => testCase.id.startsWith("openapi-unserved-method-"))
          .map((testCase) => [testCase.request.path.replace(/^.*\//, ""), testCase.request.method]),
      );
      // …/memberships/add is also …/memberships/{username}: GET, PUT and DELETE are served there.
      expect(unserved.add).toBe(allowWrites ? "PATCH" : "TRACE");
      // …/{attestation_id} is also …/{subject_digest}, whose GET serves it.
      expect(unserved["conformance-{{suffix}}"]).toBeDefined();
      expect(
        cases.find((c) => c.id === "openapi-unserved-method-orgs-org-attestations-attestation-id")?.request
          .method,
      ).toBe(allowWrites ? "PUT" : "TRACE");
      expect(unserved.memberships).toBe(allowWrites ? "DELETE" : "TRACE");
    }
  });
});

describe("a 2xx whose document declares an error member", () => {
  const document: OpenApiDocument = {
    openapi: "3.1.0",
    paths: {
      "/jobs/{id}": {
        get: {
          responses: {
            "200": {
              description: "A job, with the error it ended with",
              content: {
                "application/json": {
                  schema: {
                    allOf: [
                      { type: "object", properties: { id: { type: "string" } } },
                      { type: "object", properties: { error: { type: ["string", "null"] } } },
                    ],
                  },
                },
              },
            },
          },
        },
      },
      "/users/{id}": { get: { responses: { "200": { description: "A user" } } } },
    },
  };
  const answer = { status: 200, headers: new Headers(), body: '{"id":"job_1","error":"timed out"}' };
  const check = new DocumentCheck(document);

  it("is the document's choice where the 2xx schema declares it", () => {
    const declared = check.declaredMembers({ method: "GET", path: "/jobs/{id}" }, 200);
    expect([...declared].sort()).toEqual(["error", "id"]);
    expect(errorLookingSuccess(answer, declared)).toEqual([]);
  });

  it("is still an error in disguise where it does not", () => {
    const declared = check.declaredMembers({ method: "GET", path: "/users/{id}" }, 200);
    expect(errorLookingSuccess(answer, declared)).toEqual([
      'a 200 whose body has an error member: "{\\"id\\":\\"job_1\\",\\"error\\":\\"timed out\\"}"',
    ]);
  });
});
