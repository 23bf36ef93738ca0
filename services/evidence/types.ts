import type { EvidenceKind } from '../refunds/case';

export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

/** A stored evidence file: an EvidenceRef without who added it and when (the refund service records those). */
export interface StoredEvidence {
  sha256: string;
  kind: EvidenceKind;
  mediaType: string;
  size: number;
  name?: string;
  /** The same bytes were already stored (uploaded earlier, possibly by someone else). */
  alreadyStored: boolean;
}

export type FetchFailure =
  /** The attachment has no contentUrl. */
  | 'no_url'
  /** Not a URL, not http(s), or carries credentials. */
  | 'bad_url'
  | 'http_status'
  | 'network'
  | 'too_many_redirects'
  /** A redirect without a usable Location. */
  | 'bad_redirect';

// Codes with data, never prose: the bot words them in the buyer's language.
export type EvidenceError =
  | { kind: 'host_not_allowed'; host: string; viaRedirect: boolean }
  /**
   * evidenceKind: the kind (from the bytes) whose limit applied; null when the size was refused before any byte was
   * seen (the largest limit applied). sizeBytes: the size, when known without reading it all (Content-Length, data URL).
   */
  | { kind: 'too_large'; limitBytes: number; evidenceKind: EvidenceKind | null; sizeBytes?: number }
  /** detected: what the bytes look like (`gif`, `exe`, `svg`, `html`, `zip`, `avif`, `unknown`...). */
  | { kind: 'unsupported_type'; detected: string }
  | { kind: 'fetch_failed'; reason: FetchFailure; status?: number }
  | { kind: 'timeout'; phase: 'connect' | 'total'; timeoutMs: number }
  | { kind: 'too_many_files'; limit: number; count: number }
  | { kind: 'empty' }
  | { kind: 'bad_data_url'; reason: 'syntax' | 'encoding' };

export type EvidenceErrorKind = EvidenceError['kind'];

/** Every error kind, for the message catalog to prove it words each one. */
export const EVIDENCE_ERROR_KINDS = [
  'host_not_allowed',
  'too_large',
  'unsupported_type',
  'fetch_failed',
  'timeout',
  'too_many_files',
  'empty',
  'bad_data_url',
] as const satisfies readonly EvidenceErrorKind[];

export type IngestResult = Result<StoredEvidence, EvidenceError>;
