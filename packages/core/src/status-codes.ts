type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
type ToNumber<S> = S extends `${infer N extends number}` ? N : never;

/** Every status an error response may carry: 400 to 599. */
export type ErrorStatus = ToNumber<`${4 | 5}${Digit}${Digit}`>;

interface StatusEntry {
  readonly code: string;
  readonly message: string;
}

// The one status table: each status with a generic code of its own (the reference API's list),
// its code and its fixed message. The types below are derived from it.
const KNOWN = {
  400: { code: "bad_request", message: "Bad request" },
  401: { code: "unauthenticated", message: "Authentication required" },
  403: { code: "forbidden", message: "Forbidden" },
  404: { code: "not_found", message: "Not found" },
  405: { code: "method_not_allowed", message: "Method not allowed" },
  406: { code: "not_acceptable", message: "Not acceptable" },
  408: { code: "request_timeout", message: "Request timeout" },
  409: { code: "conflict", message: "Conflict" },
  410: { code: "gone", message: "Gone" },
  412: { code: "precondition_failed", message: "Precondition failed" },
  413: { code: "payload_too_large", message: "Payload too large" },
  415: { code: "unsupported_media_type", message: "Unsupported media type" },
  422: { code: "validation_failed", message: "Validation failed" },
  428: { code: "precondition_required", message: "Precondition required" },
  429: { code: "too_many_requests", message: "Too many requests" },
  431: { code: "request_header_fields_too_large", message: "Request header fields too large" },
  500: { code: "internal_error", message: "Internal server error" },
  501: { code: "not_implemented", message: "Not implemented" },
  502: { code: "bad_gateway", message: "Bad gateway" },
  503: { code: "service_unavailable", message: "Service unavailable" },
  504: { code: "gateway_timeout", message: "Gateway timeout" },
} as const satisfies Partial<Record<ErrorStatus, StatusEntry>>;

/** The statuses that have a generic code of their own (the reference API's list). */
export type KnownStatus = keyof typeof KNOWN;

/** The generic code of each status, at the type level (`{ bad_request: 400, … }`). */
export type GenericCodeStatus = { [S in KnownStatus as (typeof KNOWN)[S]["code"]]: S };

// RFC 9110 section 15 (and RFC 6585, 7725, 8470, 4918, 8297) reason phrases.
const REASON_PHRASES: Readonly<Partial<Record<ErrorStatus, string>>> = {
  400: "Bad Request",
  401: "Unauthorized",
  402: "Payment Required",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  407: "Proxy Authentication Required",
  408: "Request Timeout",
  409: "Conflict",
  410: "Gone",
  411: "Length Required",
  412: "Precondition Failed",
  413: "Content Too Large",
  414: "URI Too Long",
  415: "Unsupported Media Type",
  416: "Range Not Satisfiable",
  417: "Expectation Failed",
  421: "Misdirected Request",
  422: "Unprocessable Content",
  423: "Locked",
  424: "Failed Dependency",
  425: "Too Early",
  426: "Upgrade Required",
  428: "Precondition Required",
  429: "Too Many Requests",
  431: "Request Header Fields Too Large",
  451: "Unavailable For Legal Reasons",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
  505: "HTTP Version Not Supported",
  506: "Variant Also Negotiates",
  507: "Insufficient Storage",
  508: "Loop Detected",
  511: "Network Authentication Required",
};

export function isErrorStatus(value: unknown): value is ErrorStatus {
  return typeof value === "number" && Number.isInteger(value) && value >= 400 && value <= 599;
}

function knownEntry(status: ErrorStatus): StatusEntry | undefined {
  return (KNOWN as Partial<Record<ErrorStatus, StatusEntry>>)[status];
}

/** The generic code of a status: its own, else `client_error` / `server_error`. */
export function codeForStatus(status: ErrorStatus): string {
  return knownEntry(status)?.code ?? (status < 500 ? "client_error" : "server_error");
}

/** The RFC 9110 reason phrase, used as the problem+json `title`. */
export function reasonPhrase(status: ErrorStatus): string {
  return REASON_PHRASES[status] ?? (status < 500 ? "Client Error" : "Server Error");
}

/** The fixed message of a status: the default on 4xx, the only one ever shown on 5xx. */
export function genericMessage(status: ErrorStatus): string {
  return knownEntry(status)?.message ?? reasonPhrase(status);
}

/** The generic codes with their statuses, for documentation and catalogs. */
export function genericCodes(): ReadonlyArray<{ code: string; status: KnownStatus }> {
  return (Object.keys(KNOWN) as `${KnownStatus}`[]).map((key) => {
    const status = Number(key) as KnownStatus;
    return { code: KNOWN[status].code, status };
  });
}
