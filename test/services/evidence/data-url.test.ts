import fc from 'fast-check';
import { isDataUrl, parseDataUrl } from '../../../services/evidence/data-url';

describe('parseDataUrl', () => {
  it('knows the decoded size before decoding, and decodes any bytes exactly (base64)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.integer({ min: 0, max: 700 }), fc.boolean(), (raw, n, stripPadding) => {
        const bytes = Buffer.from(raw);
        const base64 = stripPadding ? bytes.toString('base64').replace(/=+$/, '') : bytes.toString('base64');
        const parsed = parseDataUrl(`data:application/octet-stream;base64,${base64}`);
        if (!parsed.ok) return false;
        return (
          parsed.value.size === bytes.length &&
          parsed.value.decode().equals(bytes) &&
          parsed.value.head(n).equals(bytes.subarray(0, n))
        );
      }),
      { numRuns: 300 },
    );
  });

  it('decodes percent-encoded payloads exactly', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 0, max: 400 }), (raw, n) => {
        const bytes = Buffer.from(raw);
        const encoded = [...bytes].map((b) => (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7a) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`).join('');
        const parsed = parseDataUrl(`data:,${encoded}`);
        return parsed.ok && parsed.value.size === bytes.length && parsed.value.decode().equals(bytes) && parsed.value.head(n).equals(bytes.subarray(0, n));
      }),
      { numRuns: 200 },
    );
  });

  it('accepts whitespace inside base64 and upper-case scheme and parameters', () => {
    const parsed = parseDataUrl('DATA:image/png;charset=x;BASE64,iVBO Rw0K\nGgo=');
    expect(parsed.ok && parsed.value.decode()).toEqual(Buffer.from('iVBORw0KGgo=', 'base64'));
  });

  it('tells data URLs from other URLs', () => {
    expect(isDataUrl('data:image/png;base64,AAAA')).toBe(true);
    expect(isDataUrl('Data:,x')).toBe(true);
    expect(isDataUrl('https://example.com/data:x')).toBe(false);
  });

  it.each([
    ['data:image/png;base64', 'syntax'],
    ['data:text/html<script>;base64,AAAA', 'syntax'],
    ['data:image/png;base64,AA-_', 'encoding'],
    ['data:image/png;base64,A', 'encoding'],
    ['data:image/png;base64,AAA==', 'encoding'],
    ['data:,%zz', 'encoding'],
    ['data:,caf\u00e9', 'encoding'],
  ])('refuses %j', (url, reason) => {
    expect(parseDataUrl(url)).toEqual({ ok: false, error: { kind: 'bad_data_url', reason } });
  });
});
