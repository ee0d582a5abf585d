// RFC 9110 section 10.2.3: `Retry-After: 120` or an HTTP-date, of any of its three formats
// (section 5.6.7: IMF-fixdate, and the obsolete RFC 850 and asctime ones a recipient must accept).
const IMF_OR_RFC850 = /^[A-Z][a-z]{2,8}, \d\d[ -][A-Z][a-z]{2}[ -]\d{2,4} \d\d:\d\d:\d\d GMT$/;
const ASCTIME = /^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4}$/;

/** Seconds to wait (0 for a date in the past), or `undefined` for a missing or invalid value. */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  const text = value?.trim() ?? "";
  if (/^\d+$/.test(text)) return Number(text);
  const at = IMF_OR_RFC850.test(text)
    ? Date.parse(text)
    : ASCTIME.test(text)
      ? Date.parse(`${text} GMT`)
      : Number.NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}
