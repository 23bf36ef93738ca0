import type { EvidenceKind } from '../refunds/case';
import { HostAllowlist, hostOf, isFetchableScheme, sameOrigin } from './allowed-hosts';
import { byteLimitFor, largestByteLimit, type EvidenceLimits } from './limits';
import { SNIFF_BYTES, sniff, type SniffedType } from './sniff';
import type { EvidenceError, FetchFailure, Result } from './types';

export type FetchFn = typeof fetch;

export interface FetcherOptions {
  fetch: FetchFn;
  /** Until the response headers arrive: connection, TLS and the server's first answer, per request. */
  connectTimeoutMs: number;
  /** The whole download, redirects included. */
  timeoutMs: number;
  maxRedirects: number;
  limits: EvidenceLimits;
}

export interface ByteSink {
  write(chunk: Uint8Array): Promise<void>;
}

export interface DownloadRequest {
  url: string;
  allowlist: HostAllowlist;
  /** An Authorization header value, sent only to `origin` (the channel's service URL), never to redirect targets elsewhere. */
  authorization?: { origin: string; value: string };
  sink: ByteSink;
}

export type DownloadResult = Result<{ type: SniffedType; size: number }, EvidenceError>;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

type TimeoutPhase = 'connect' | 'total';

export class EvidenceFetcher {
  constructor(private readonly options: FetcherOptions) {}

  async download(request: DownloadRequest): Promise<DownloadResult> {
    let url = parseFetchableUrl(request.url);
    if (!url) return fetchFailed('bad_url');
    if (!request.allowlist.allows(url)) return fail({ kind: 'host_not_allowed', host: hostOf(url), viaRedirect: false });

    const controller = new AbortController();
    let timedOut: TimeoutPhase | null = null;
    const timeout = (phase: TimeoutPhase) => () => {
      timedOut ??= phase;
      controller.abort();
    };
    const totalTimer = setTimeout(timeout('total'), this.options.timeoutMs);
    const failure = (): DownloadResult =>
      timedOut
        ? fail({ kind: 'timeout', phase: timedOut, timeoutMs: timedOut === 'total' ? this.options.timeoutMs : this.options.connectTimeoutMs })
        : fetchFailed('network');

    try {
      for (let redirects = 0; ; redirects++) {
        const headersTimer = setTimeout(timeout('connect'), this.options.connectTimeoutMs);
        let response: Response;
        try {
          response = await this.options.fetch(url, {
            method: 'GET',
            redirect: 'manual',
            signal: controller.signal,
            headers: this.headersFor(url, request),
          });
        } catch {
          return failure();
        } finally {
          clearTimeout(headersTimer);
        }

        if (REDIRECT_STATUSES.has(response.status)) {
          await discard(response);
          if (redirects >= this.options.maxRedirects) return fetchFailed('too_many_redirects');
          const next = parseFetchableUrl(response.headers.get('location'), url);
          if (!next) return fetchFailed('bad_redirect');
          if (!request.allowlist.allows(next)) return fail({ kind: 'host_not_allowed', host: hostOf(next), viaRedirect: true });
          url = next;
          continue;
        }
        if (response.status !== 200) {
          await discard(response);
          return fail({ kind: 'fetch_failed', reason: 'http_status', status: response.status });
        }
        return await this.readBody(response, request, failure);
      }
    } finally {
      clearTimeout(totalTimer);
      // Ends whatever is still open (a refused body, a connection mid-stream); a no-op after a complete read.
      controller.abort();
    }
  }

  private headersFor(url: URL, request: DownloadRequest): Record<string, string> {
    // identity keeps Content-Length about the stored bytes; a server that compresses anyway is decoded, and the
    // decoded bytes are what the limit counts.
    const headers: Record<string, string> = { accept: 'image/*, video/*, application/pdf', 'accept-encoding': 'identity' };
    if (request.authorization && sameOrigin(url, request.authorization.origin)) headers.authorization = request.authorization.value;
    return headers;
  }

  private async readBody(response: Response, request: DownloadRequest, failure: () => DownloadResult): Promise<DownloadResult> {
    const { limits } = this.options;
    // Announced types are not trusted to pick a limit: until the first bytes tell the kind, the largest limit applies.
    let limitKind: EvidenceKind | null = null;
    let limit = largestByteLimit(limits);
    const contentLength = parseContentLength(response.headers.get('content-length'));
    const tooLarge = (): Failure =>
      fail({ kind: 'too_large', limitBytes: limit, evidenceKind: limitKind, ...(contentLength !== null ? { sizeBytes: contentLength } : {}) });
    if (contentLength !== null && contentLength > limit) return tooLarge();
    if (!response.body) return fail({ kind: 'empty' });

    const reader = response.body.getReader();
    const head: Uint8Array[] = [];
    let headLength = 0;
    let type: SniffedType | null = null;
    let size = 0;

    const detect = (): Result<SniffedType, EvidenceError> => {
      const sniffed = sniff(Buffer.concat(head));
      if (!sniffed.ok) return sniffed;
      limitKind = sniffed.value.kind;
      limit = byteLimitFor(sniffed.value.kind, limits);
      // An honest Content-Length over the detected kind's limit is refused now, not after the download.
      if ((contentLength !== null && contentLength > limit) || size > limit) return tooLarge();
      return sniffed;
    };

    for (;;) {
      const chunk = await reader.read().catch(() => null);
      if (!chunk) return failure();
      if (chunk.done) break;
      const bytes = chunk.value;
      size += bytes.length;
      if (!type) {
        head.push(bytes);
        headLength += bytes.length;
        if (headLength >= SNIFF_BYTES) {
          const detected = detect();
          if (!detected.ok) return detected;
          type = detected.value;
        }
      }
      // Counted as it streams: a server that lies about its length, or sends none, is cut off here.
      if (size > limit) return tooLarge();
      await request.sink.write(bytes);
    }

    if (size === 0) return fail({ kind: 'empty' });
    if (!type) {
      const detected = detect();
      if (!detected.ok) return detected;
      type = detected.value;
    }
    return { ok: true, value: { type, size } };
  }
}

function parseFetchableUrl(raw: string | null | undefined, base?: URL): URL | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return null;
  }
  // Credentials in a URL would be sent to whoever the URL names: refused, like any non-http(s) scheme.
  if (!isFetchableScheme(url) || url.username !== '' || url.password !== '') return null;
  return url;
}

function parseContentLength(value: string | null): number | null {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return null;
  const length = Number(value);
  return Number.isSafeInteger(length) ? length : null;
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

type Failure = { ok: false; error: EvidenceError };

const fail = (error: EvidenceError): Failure => ({ ok: false, error });
const fetchFailed = (reason: FetchFailure): Failure => fail({ kind: 'fetch_failed', reason });
