import type { EvidenceRef, Role } from '../refunds/case';
import { HostAllowlist } from './allowed-hosts';
import { isDataUrl, parseDataUrl } from './data-url';
import { EvidenceStore, type EvidenceWriter, type OpenResult, type ReadResult, type StatResult } from './evidence-store';
import { EvidenceFetcher, type FetchFn } from './fetcher';
import { byteLimitFor, checkFileCount, largestByteLimit, resolveLimits, type EvidenceLimits, type FileCountCheck } from './limits';
import { SNIFF_BYTES, sniff } from './sniff';
import type { EvidenceError, IngestResult, StoredEvidence } from './types';

export { HostAllowlist, parseHostEntry } from './allowed-hosts';
export { isDataUrl, parseDataUrl, type DataUrlResult, type ParsedDataUrl } from './data-url';
export {
  EvidenceStore,
  isSha256Hex,
  type EvidenceMeta,
  type EvidenceWriter,
  type OpenResult,
  type ReadResult,
  type StatResult,
  type StoreLookupError,
  type StoredObject,
} from './evidence-store';
export { EvidenceFetcher, type DownloadRequest, type DownloadResult, type FetchFn, type FetcherOptions } from './fetcher';
export {
  DEFAULT_LIMITS,
  MB,
  byteLimitFor,
  checkFileCount,
  largestByteLimit,
  resolveLimits,
  type EvidenceLimits,
  type FileCountCheck,
} from './limits';
export { signEvidenceUrl, verifyEvidenceSignature, type SignatureCheck } from './signed-url';
export { SNIFF_BYTES, sniff, type SniffResult, type SniffedType } from './sniff';
export { EVIDENCE_ERROR_KINDS, type EvidenceError, type EvidenceErrorKind, type FetchFailure, type IngestResult, type Result, type StoredEvidence } from './types';

/** What the service needs of a Bot Framework attachment. */
export interface IncomingAttachment {
  contentUrl?: string;
  /** The uploader's claim: neither the type nor the limit is taken from it, the bytes decide. */
  contentType?: string;
  name?: string;
}

export interface IngestContext {
  /** The incoming activity's serviceUrl: its host is where the channel keeps uploads. */
  serviceUrl?: string;
  /** Evidence files the case already holds. */
  existingCount: number;
  /** Authorization header value for downloads from the service URL itself (channels that protect attachments). */
  authorization?: string;
}

export interface EvidenceServiceOptions {
  /** Root directory of the content-addressed store. */
  dir: string;
  /** Hosts evidence may also come from, as `host[:port]` (no port: the scheme's default port). */
  allowedHosts?: readonly string[];
  limits?: Partial<EvidenceLimits>;
  /** Whole download, redirects included. Default 10 s. */
  timeoutMs?: number;
  /** Until each response's headers arrive. Default 10 s; matters when timeoutMs is raised for slow links. */
  connectTimeoutMs?: number;
  /** Default 3. */
  maxRedirects?: number;
  fetch?: FetchFn;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_REDIRECTS = 3;
const MAX_NAME_LENGTH = 255;

export class EvidenceService {
  readonly limits: EvidenceLimits;
  private readonly store: EvidenceStore;
  private readonly fetcher: EvidenceFetcher;
  private readonly allowlist: HostAllowlist;

  constructor(options: EvidenceServiceOptions) {
    this.limits = resolveLimits(options.limits);
    this.store = new EvidenceStore({ dir: options.dir });
    this.allowlist = HostAllowlist.of(options.allowedHosts ?? []);
    this.fetcher = new EvidenceFetcher({
      fetch: options.fetch ?? globalThis.fetch,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      connectTimeoutMs: options.connectTimeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxRedirects: options.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
      limits: this.limits,
    });
  }

  /** Downloads (or decodes) one attachment, checks it and stores it under its sha256. */
  async ingest(attachment: IncomingAttachment, context: IngestContext): Promise<IngestResult> {
    const count = checkFileCount(context.existingCount, this.limits);
    if (!count.ok) return count;
    const url = attachment.contentUrl?.trim();
    if (!url) return fail({ kind: 'fetch_failed', reason: 'no_url' });
    const name = displayName(attachment.name);
    return isDataUrl(url) ? this.ingestDataUrl(url, name) : this.ingestDownload(url, context, name);
  }

  /** Whether a case holding `currentCount` files may take one more. */
  checkFileCount(currentCount: number): FileCountCheck {
    return checkFileCount(currentCount, this.limits);
  }

  /** The file's bytes with its type and size. */
  read(sha256: string): Promise<ReadResult> {
    return this.store.read(sha256);
  }

  /** The file as a stream, for serving it. */
  open(sha256: string): Promise<OpenResult> {
    return this.store.open(sha256);
  }

  stat(sha256: string): Promise<StatResult> {
    return this.store.stat(sha256);
  }

  private async ingestDataUrl(url: string, name: string | undefined): Promise<IngestResult> {
    const parsed = parseDataUrl(url);
    if (!parsed.ok) return parsed;
    const { size } = parsed.value;
    if (size === 0) return fail({ kind: 'empty' });
    const largest = largestByteLimit(this.limits);
    if (size > largest) return fail({ kind: 'too_large', limitBytes: largest, evidenceKind: null, sizeBytes: size });
    // Typed from its first bytes, so an oversized or unsupported payload is refused before it is decoded.
    const sniffed = sniff(parsed.value.head(SNIFF_BYTES));
    if (!sniffed.ok) return sniffed;
    const limit = byteLimitFor(sniffed.value.kind, this.limits);
    if (size > limit) return fail({ kind: 'too_large', limitBytes: limit, evidenceKind: sniffed.value.kind, sizeBytes: size });
    return stored(await this.store.put(parsed.value.decode()), name);
  }

  private async ingestDownload(url: string, context: IngestContext, name: string | undefined): Promise<IngestResult> {
    // The temporary file is created on the first byte: a refused host or status never touches the disk.
    const file: { writer: EvidenceWriter | null } = { writer: null };
    try {
      const downloaded = await this.fetcher.download({
        url,
        allowlist: this.allowlist.withServiceUrl(context.serviceUrl),
        ...(context.authorization && context.serviceUrl
          ? { authorization: { origin: context.serviceUrl, value: context.authorization } }
          : {}),
        sink: {
          write: async (chunk) => {
            file.writer ??= await this.store.begin();
            await file.writer.write(chunk);
          },
        },
      });
      if (!downloaded.ok) return downloaded;
      if (!file.writer) throw new Error('evidence download succeeded without bytes');
      return stored(await file.writer.commit(), name);
    } finally {
      await file.writer?.abort();
    }
  }
}

/** The EvidenceRef the refund service records for a stored file. */
export function toEvidenceRef(evidence: StoredEvidence, addedBy: Role, addedAt: string): EvidenceRef {
  return {
    sha256: evidence.sha256,
    kind: evidence.kind,
    mediaType: evidence.mediaType,
    size: evidence.size,
    ...(evidence.name !== undefined ? { name: evidence.name } : {}),
    addedBy,
    addedAt,
  };
}

function stored(object: { sha256: string; kind: StoredEvidence['kind']; mediaType: string; size: number; alreadyStored: boolean }, name: string | undefined): IngestResult {
  return { ok: true, value: { ...object, ...(name !== undefined ? { name } : {}) } };
}

// The uploader's file name is shown to merchants and CS as a label only: no path, no control characters.
function displayName(name: string | undefined): string | undefined {
  if (!name) return undefined;
  // eslint-disable-next-line no-control-regex
  const cleaned = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return cleaned === '' ? undefined : cleaned.slice(0, MAX_NAME_LENGTH);
}

const fail = (error: EvidenceError): IngestResult => ({ ok: false, error });
