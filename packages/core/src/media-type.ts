const JSON_MEDIA_TYPE = /^application\/(?:[!#$&^_.+\-a-z0-9]*\+)?json$/;

/** True for `application/json` and `application/*+json`, with or without parameters. */
export function isJsonContentType(contentType: string | null | undefined): boolean {
  if (typeof contentType !== "string") return false;
  const mediaType = contentType.split(";", 1)[0] ?? "";
  return JSON_MEDIA_TYPE.test(mediaType.trim().toLowerCase());
}
