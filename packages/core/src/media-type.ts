/**
 * `application/json` and `application/*+json`, lowercase, with or without parameters: a content
 * type (a platform's parser table takes it as is) that `isJsonContentType` reads.
 */
export const JSON_CONTENT_TYPE = /^application\/(?:[!#$&^_.+\-a-z0-9]*\+)?json\s*(?:;|$)/;

/** True for `application/json` and `application/*+json`, with or without parameters. */
export function isJsonContentType(contentType: string | null | undefined): boolean {
  return typeof contentType === "string" && JSON_CONTENT_TYPE.test(contentType.trim().toLowerCase());
}
