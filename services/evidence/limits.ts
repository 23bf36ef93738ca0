import type { EvidenceKind } from '../refunds/case';

export const MB = 1024 * 1024;

export interface EvidenceLimits {
  imageBytes: number;
  videoBytes: number;
  pdfBytes: number;
  /** Evidence files one case may hold. */
  filesPerCase: number;
}

export const DEFAULT_LIMITS: EvidenceLimits = {
  imageBytes: 10 * MB,
  videoBytes: 50 * MB,
  pdfBytes: 10 * MB,
  filesPerCase: 9,
};

export function resolveLimits(overrides: Partial<EvidenceLimits> = {}): EvidenceLimits {
  const limits = { ...DEFAULT_LIMITS, ...overrides };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`evidence limit ${name} must be a positive integer`);
  }
  return limits;
}

export function byteLimitFor(kind: EvidenceKind, limits: EvidenceLimits): number {
  switch (kind) {
    case 'image':
      return limits.imageBytes;
    case 'video':
      return limits.videoBytes;
    case 'pdf':
      return limits.pdfBytes;
    default: {
      const unreachable: never = kind;
      throw new Error(`unknown evidence kind ${String(unreachable)}`);
    }
  }
}

/** The largest of the per-kind caps: what applies while the kind is not known yet. */
export function largestByteLimit(limits: EvidenceLimits): number {
  return Math.max(limits.imageBytes, limits.videoBytes, limits.pdfBytes);
}

export type FileCountCheck = { ok: true } | { ok: false; error: { kind: 'too_many_files'; limit: number; count: number } };

/** Whether one more file may be added to a case that already holds `currentCount`. */
export function checkFileCount(currentCount: number, limits: Pick<EvidenceLimits, 'filesPerCase'> = DEFAULT_LIMITS): FileCountCheck {
  if (!Number.isSafeInteger(currentCount) || currentCount < 0) throw new RangeError('currentCount must be a non-negative integer');
  if (currentCount >= limits.filesPerCase) {
    return { ok: false, error: { kind: 'too_many_files', limit: limits.filesPerCase, count: currentCount } };
  }
  return { ok: true };
}

