// The contract every product served by the emulator implements (fnf, CAMS, CynosDB). The
// server owns transport (routing by version, signatures, faults, response envelopes); a product
// only maps an action and its parameters to a result or an ApiError.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ObjectService } from '../objects/service';

/**
 * A service error as the wire shows it: HTTP status, the service's code and its message. For
 * TC3 products the status is not sent (Tencent answers errors with HTTP 200 and an `Error` body).
 */
export class ApiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: string,
    message: string,
    /** The message in other languages, keyed by language tag (Tencent's `zh-CN`). */
    readonly translations: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The message in `language` when there is a translation, else the default (English) one. */
  messageIn(language: string | undefined): string {
    return (language !== undefined ? this.translations[language] : undefined) ?? this.message;
  }
}

/**
 * Request parameters. Alibaba RPC products receive every value as a string (query or form);
 * Tencent TC3 products receive the parsed JSON body, so values keep their JSON types.
 */
export type RequestParams = Record<string, unknown>;

/** What a handler knows about the call it serves. */
export interface RequestContext {
  /** The id echoed as `RequestId` in the response (and in error responses). */
  readonly requestId: string;
  readonly action: string;
  readonly version: string;
  /** The caller's verified access key id. */
  readonly accessKeyId: string;
  /** The base URL of the emulator, e.g. `http://127.0.0.1:4568`, for URLs a product hands out. */
  readonly endpoint: string;
  /** Region from the request (`RegionId` for RPC, `X-TC-Region` for TC3), if any. */
  readonly region: string | undefined;
  /** Aborted when the client disconnects (long polls stop waiting). */
  readonly signal: AbortSignal;
}

/** An append-only, fsync'd JSON-lines journal a product may use to persist its own state. */
export interface ProductJournal {
  /** The records in the file when it was opened (in order), including those from earlier runs. */
  readonly records: readonly unknown[];
  /**
   * Appends one record; resolves once it is on disk. `apply` (the change in memory) runs the moment
   * it is on disk, so a compaction's snapshot never misses a record the file already has.
   */
  append(record: unknown, apply?: () => void): Promise<void>;
  /**
   * Says what is live, once the product has built its state from `records`: from then on the
   * journal is rewritten with `live()` when it is mostly garbage (at once, if it already is), as
   * the fnf log is. Replaying `live()` must give exactly the product's state.
   */
  compactTo(live: () => readonly unknown[]): Promise<void>;
  /** Records in the file now (live and garbage), for tests and measurements. */
  readonly fileRecords: number;
}

/** What the server gives a product when it is created. */
export interface ProductEnvironment {
  readonly dataDir: string;
  readonly workspaceDir: string | undefined;
  /** Multiplies waits that model service time (1 = real time, 0.01 = a hundred times faster). */
  readonly timeScale: number;
  /** The clock; injected so tests can control it. */
  now(): number;
  /** The emulator's base URL (known once the server listens). */
  endpoint(): string;
  /** Says something the user should know that is not an error of a request (a torn log tail cut off). */
  warn(message: string): void;
  /** A URL for `pathname` on the emulator that anyone may GET until `expiresAt` (ms since the epoch). */
  presign(pathname: string, expiresAt: number): string;
  /** Opens (creating if needed) a journal file named `<name>.jsonl` in the data folder. */
  openJournal(name: string): Promise<ProductJournal>;
  /** The OSS-compatible object store every product shares (CAMS uploads, Map item readers). */
  readonly objects: ObjectService;
}

/** A route outside the RPC dispatch, e.g. serving a file URL a product handed out. */
export interface ExtraRoute {
  readonly method: 'GET' | 'PUT' | 'POST';
  /** Matched against the start of the request path, e.g. `/cams/assets/`. */
  readonly pathPrefix: string;
  /** The largest body accepted (default: the API's 1,024 KiB). */
  readonly maxBodyBytes?: number;
  /**
   * Serves an authenticated request (signed with ACS3, or a URL from `presign`) whose body was
   * read already. May throw ApiError.
   */
  handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void>;
}

export interface ProductApi {
  /** 'fnf' | 'cams' | 'cynosdb' */
  readonly name: string;
  /** The API version that routes a request here: '2019-03-15', '2020-06-06', '2019-01-07'. */
  readonly version: string;
  /** Alibaba RPC (signature v1 / ACS3) or Tencent TC3-HMAC-SHA256. */
  readonly style: 'rpc' | 'tc3';
  /**
   * Handles one action. Resolves to the response body without `RequestId` (the server adds it,
   * and for TC3 wraps it in `Response`). Throws ApiError for service errors; an unknown action
   * should throw `unknownAction(action)` (400 `ActionNotSupported`).
   */
  handle(action: string, params: RequestParams, ctx: RequestContext): Promise<unknown>;
  /**
   * The errors fault mode injects for this product. Default: fnf's 429 `ResourceThrottled` and
   * 500 `InternalServerError` for RPC; Tencent's `RequestLimitExceeded` / `InternalError` for TC3.
   */
  readonly faultErrors?: { readonly throttled: ApiError; readonly internal: ApiError };
  /** The errors a bad Alibaba signature gets (AccessKey, signature, time). Default: fnf's codes. */
  readonly signInErrors?: SignInErrors;
  /** Extra HTTP routes this product serves. */
  routes?(): ExtraRoute[];
  /** Called when the emulator closes: stop timers, finish writes. */
  close?(): Promise<void>;
}

/** Builds a product once the emulator's environment exists. */
export type ProductFactory = (env: ProductEnvironment) => Promise<ProductApi> | ProductApi;

/** The sign-in failures an Alibaba RPC product answers with (fnf's own codes by default:
 * transport/errors.ts). Declared here, with the product, since each product may bring its own. */
export interface SignInErrors {
  missingParam(name: string): ApiError;
  missingHeader(name: string): ApiError;
  invalidArgument(detail: string): ApiError;
  invalidAccessKeyId(id: string): ApiError;
  signatureNotMatch(): ApiError;
  timeTooSkewed(requestTime: string, now: string): ApiError;
}

/** The error a product throws for an action it does not implement (the service's template). */
export function unknownAction(action: string): ApiError {
  return new ApiError(400, 'ActionNotSupported', `The requested API operation '${action}' is incorrect. Please check.`);
}

const registered: ProductFactory[] = [];

/**
 * Adds a product to every emulator started afterwards. The built-in products are listed in
 * `./products`; this is for products that live outside that list (and for tests).
 */
export function registerProduct(factory: ProductFactory): void {
  registered.push(factory);
}

export function registeredProducts(): readonly ProductFactory[] {
  return registered;
}
