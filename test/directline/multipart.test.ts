import fc from 'fast-check';
import { boundaryOf, parsePartHeaders, readMultipart } from '../../bot/directline/multipart';
import type { MultipartLimits, MultipartPart } from '../../bot/directline/multipart';

// The upload reader: the same parts whatever the chunking of the body, and refusals for bodies too large, parts
// too large, too many parts and broken formats.

const LIMITS: MultipartLimits = { maxBytes: 1_000_000, maxPartBytes: 100_000, maxParts: 10 };

function body(boundary: string, parts: { headers: string; data: Buffer }[], preamble = ''): Buffer {
  const chunks: Buffer[] = [Buffer.from(preamble)];
  for (const p of parts) chunks.push(Buffer.from(`--${boundary}\r\n${p.headers}\r\n\r\n`), p.data, Buffer.from('\r\n'));
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

async function* chunked(buffer: Buffer, cuts: number[]): AsyncGenerator<Buffer> {
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut <= at || cut >= buffer.length) continue;
    yield buffer.subarray(at, cut);
    at = cut;
  }
  yield buffer.subarray(at);
}

async function read(buffer: Buffer, boundary: string, cuts: number[] = [], limits = LIMITS) {
  const parts: (MultipartPart & { data: Buffer })[] = [];
  const result = await readMultipart(chunked(buffer, cuts), boundary, (part) => {
    const chunks: Buffer[] = [];
    return { write: (c) => void chunks.push(c), end: () => void parts.push({ ...part, data: Buffer.concat(chunks) }) };
  }, limits);
  return { result, parts };
}

const BOUNDARY = '----WebKitFormBoundaryAbC123';
const activity = { headers: 'Content-Disposition: form-data; name="activity"; filename="blob"\r\nContent-Type: application/vnd.microsoft.activity', data: Buffer.from('{"type":"message"}') };
const photo = (data: Buffer) => ({ headers: 'Content-Disposition: form-data; name="file"; filename="照片 1.png"\r\nContent-Type: image/png', data });

describe('reading multipart uploads', () => {
  it('finds the boundary of a form-data content type', () => {
    expect(boundaryOf(`multipart/form-data; boundary=${BOUNDARY}`)).toBe(BOUNDARY);
    expect(boundaryOf('multipart/form-data; charset=utf-8; boundary="a b"')).toBe('a b');
    expect(boundaryOf('application/json')).toBeNull();
    expect(boundaryOf('multipart/form-data')).toBeNull();
    expect(boundaryOf(`multipart/form-data; boundary=${'x'.repeat(71)}`)).toBeNull();
  });

  it('reads the parts, names, types and bytes, whatever the chunks', async () => {
    const data = Buffer.concat([Buffer.from('\r\n--'), Buffer.alloc(300, 7), Buffer.from(`\r\n--${BOUNDARY.slice(0, -1)}`)]);
    const buffer = body(BOUNDARY, [activity, photo(data)], 'preamble to ignore\r\n');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: buffer.length - 1 }), { maxLength: 12 }), async (cuts) => {
        const { result, parts } = await read(buffer, BOUNDARY, cuts);
        expect(result).toEqual({ ok: true, parts: 2 });
        expect(parts.map((p) => [p.name, p.filename, p.contentType])).toEqual([
          ['activity', 'blob', 'application/vnd.microsoft.activity'],
          ['file', '照片 1.png', 'image/png'],
        ]);
        expect(parts[0]!.data.toString()).toBe('{"type":"message"}');
        expect(parts[1]!.data.equals(data)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a body, a part or a count over the limits', async () => {
    const big = body(BOUNDARY, [photo(Buffer.alloc(2_000))]);
    expect((await read(big, BOUNDARY, [], { ...LIMITS, maxBytes: 1_000 })).result).toEqual({ ok: false, error: { kind: 'too_large', limitBytes: 1_000 } });
    expect((await read(big, BOUNDARY, [100, 700], { ...LIMITS, maxPartBytes: 1_000 })).result).toEqual({
      ok: false,
      error: { kind: 'part_too_large', limitBytes: 1_000, name: 'file', filename: '照片 1.png' },
    });
    const many = body(BOUNDARY, Array.from({ length: 3 }, () => photo(Buffer.from('x'))));
    expect((await read(many, BOUNDARY, [], { ...LIMITS, maxParts: 2 })).result).toEqual({ ok: false, error: { kind: 'too_many_parts', limit: 2 } });
  });

  it('refuses broken bodies: cut short, no boundary, headers that are not form-data', async () => {
    const whole = body(BOUNDARY, [photo(Buffer.from('abc'))]);
    expect((await read(whole.subarray(0, whole.length - 10), BOUNDARY)).result).toMatchObject({ ok: false, error: { kind: 'malformed' } });
    expect((await read(Buffer.from('no boundary here'), BOUNDARY)).result).toMatchObject({ ok: false, error: { kind: 'malformed' } });
    const notForm = body(BOUNDARY, [{ headers: 'Content-Disposition: attachment; name="x"', data: Buffer.from('x') }]);
    expect((await read(notForm, BOUNDARY)).result).toMatchObject({ ok: false, error: { kind: 'malformed', reason: 'part headers' } });
  });

  it('parses part headers', () => {
    expect(parsePartHeaders('Content-Disposition: form-data; name="file"; filename="a \\"b\\".png"\r\nContent-Type: IMAGE/PNG')).toEqual({
      name: 'file',
      filename: 'a "b".png',
      contentType: 'image/png',
    });
    expect(parsePartHeaders('Content-Disposition: form-data; filename="x.png"')).toBeNull();
    expect(parsePartHeaders('Content-Disposition: form-data; name=plain')).toEqual({ name: 'plain', contentType: 'application/octet-stream' });
  });
});
