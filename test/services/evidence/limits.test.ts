import { DEFAULT_LIMITS, MB, byteLimitFor, checkFileCount, largestByteLimit, resolveLimits } from '../../../services/evidence/limits';

describe('evidence limits', () => {
  it('defaults to 10 MB images, 50 MB videos, 10 MB PDFs and 9 files per case', () => {
    expect(DEFAULT_LIMITS).toEqual({ imageBytes: 10 * MB, videoBytes: 50 * MB, pdfBytes: 10 * MB, filesPerCase: 9 });
    expect(byteLimitFor('video', DEFAULT_LIMITS)).toBe(50 * MB);
  });

  it('fills overrides over the defaults once, and rejects nonsense', () => {
    expect(resolveLimits({ imageBytes: 1000 })).toEqual({ ...DEFAULT_LIMITS, imageBytes: 1000 });
    expect(() => resolveLimits({ filesPerCase: 0 })).toThrow(RangeError);
    expect(() => resolveLimits({ videoBytes: 1.5 })).toThrow(RangeError);
  });

  it('allows a file while the case holds fewer than the limit', () => {
    expect(checkFileCount(0)).toEqual({ ok: true });
    expect(checkFileCount(8)).toEqual({ ok: true });
    expect(checkFileCount(9)).toEqual({ ok: false, error: { kind: 'too_many_files', limit: 9, count: 9 } });
    expect(checkFileCount(2, { filesPerCase: 2 })).toEqual({ ok: false, error: { kind: 'too_many_files', limit: 2, count: 2 } });
    expect(() => checkFileCount(-1)).toThrow(RangeError);
  });

  it('knows the largest limit, which applies while the kind is unknown', () => {
    expect(largestByteLimit(DEFAULT_LIMITS)).toBe(50 * MB);
    expect(largestByteLimit(resolveLimits({ pdfBytes: 80 * MB }))).toBe(80 * MB);
  });
});
