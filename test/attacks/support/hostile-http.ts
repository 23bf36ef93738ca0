import fc from 'fast-check';
import { EDGE_STRINGS } from './hostile-activities';

// Generated requests for the other HTTP surfaces: the operator API (paths, query strings, Authorization
// headers), the widget's Direct Line endpoint (activity bodies, tokens) and its upload endpoint (multipart).

export interface HttpAttack {
  kind: string;
  method: 'GET' | 'POST';
  /** Path and query, as sent (may be malformed on purpose). */
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

const edge = fc.constantFrom(...EDGE_STRINGS.filter((s) => s.length < 2_000));
const text = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 20 }), edge);
/** Percent-encoded UTF-8 (lone surrogates become U+FFFD, as a browser sends them). */
const percent = (s: string): string => [...Buffer.from(s, 'utf8')].map((b) => (/[A-Za-z0-9._~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0').toUpperCase()}`)).join('');
/** What a URL cannot carry percent-encoded, with some raw `%`, `..` and `/` kept on purpose. */
const urlPart = fc.oneof(
  text.map(percent),
  fc.constantFrom('%', '%E0%A4%A', '%00', '..', '../..', '%2e%2e%2f', '%2F', '\\', 'RD-000001', 'RD-000002', 'RD-999999', 'a'.repeat(100), 'a'.repeat(5_000), '__proto__', 'constructor'),
);

const OPERATOR_PATHS = ['/api/v1/cases', '/api/v1/cases.csv', '/api/v1/stats/monthly', '/api/v1/stats/shops', '/api/v1/stats/open', '/api/v1/openapi.json'];
const QUERY_KEYS = ['state', 'shop', 'reason', 'type', 'buyer', 'order', 'from', 'to', 'overdue', 'sort', 'page', 'pageSize', 'month', 'days', 'x', '__proto__', 'constructor', 'state[]', 'state[a]', 'page[0]', '__proto__[polluted]', 'a[b][c][d][e][f][g]'];
const QUERY_VALUES = fc.oneof(
  urlPart,
  fc.constantFrom('pending_merchant', 'pending_merchant,closed', 'refunded,,', 'shop-201', 'buyer-1001', 'DEMO-2001', '2026-01-01', '2026-13-45', '2026-02', '9999-99', 'true', 'maybe', 'newest', '-1', '0', '1e9', '1.5', 'NaN', 'Infinity', '999999999999999999999', '[]', '{}'),
);

export function operatorAttacks(goodToken: string): fc.Arbitrary<HttpAttack> {
  const auth = fc.oneof(
    { weight: 5, arbitrary: fc.constant({ authorization: `Bearer ${goodToken}` }) },
    {
      weight: 3,
      arbitrary: fc.constantFrom<Record<string, string>>(
        {},
        { authorization: '' },
        { authorization: 'Bearer' },
        { authorization: 'Bearer ' },
        { authorization: `bearer ${goodToken}x` },
        { authorization: `Bearer ${goodToken.slice(0, -1)}` },
        { authorization: `Basic ${Buffer.from(`ops:${goodToken}`).toString('base64')}` },
        { authorization: `Bearer ${goodToken} ${goodToken}` },
        { authorization: `Bearer ${'x'.repeat(8_000)}` },
        { authorization: `Token ${goodToken}` },
      ),
    },
  );
  const query = fc
    .array(fc.tuple(fc.constantFrom(...QUERY_KEYS), QUERY_VALUES), { maxLength: 6 })
    .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : ''));
  const path = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...OPERATOR_PATHS) },
    { weight: 3, arbitrary: urlPart.map((id) => `/api/v1/cases/${id}`) },
    { weight: 1, arbitrary: fc.constantFrom('/api/v1/cases/', '/api/v1//cases', '/api/v1/cases/RD-000001/../../stats/open', '/api/v1/CASES', '/api/v1/cases/RD-000001.csv', '/api/v1/cases/RD-000001?', '/api/v2/cases') },
  );
  return fc.tuple(path, query, auth).map(([p, q, headers]) => ({ kind: `operator:${headers.authorization === `Bearer ${goodToken}` ? 'token' : 'no-token'}`, method: 'GET' as const, path: `${p}${q}`, headers }));
}

/** Bodies posted to /v3/directline/conversations/:id/activities with a valid token. */
export function directLineBodies(): fc.Arbitrary<{ kind: string; body: string }> {
  const wrong = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 3 }));
  const deep = fc.constantFrom(100, 1_000, 5_000, 20_000).chain((depth) => fc.constantFrom(`${'['.repeat(depth)}1${']'.repeat(depth)}`, `${'{"a":'.repeat(depth)}0${'}'.repeat(depth)}`));
  const fields = {
    type: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('message', 'event') }, { weight: 1, arbitrary: fc.constantFrom('invoke', 'conversationUpdate', 'typing', 'message ') }, { weight: 1, arbitrary: text }, { weight: 1, arbitrary: wrong }),
    text: fc.oneof({ weight: 6, arbitrary: text }, { weight: 1, arbitrary: fc.constantFrom('z'.repeat(5_000), 'z'.repeat(5_001)) }, { weight: 1, arbitrary: wrong }),
    value: fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant({ action: 'file_refund', orderId: 'DEMO-2001' }), fc.constant({ blob: 'v'.repeat(40_000) })),
    channelData: fc.oneof(fc.constant({ buyerToken: 'forged.token.here' }), fc.jsonValue({ maxDepth: 2 }), fc.constant({ clientActivityID: 'c'.repeat(40_000) })),
    from: fc.oneof(fc.constant({ id: 'buyer-1002', role: 'user' }), fc.constant({ id: 'refund-desk', role: 'bot' }), wrong),
    conversation: fc.oneof(fc.constant({ id: 'someone-elses-conversation' }), wrong),
    serviceUrl: fc.constantFrom('http://127.0.0.1:9/', 'javascript:alert(1)'),
    attachments: fc.oneof(
      fc.constant([{ contentType: 'image/png', contentUrl: 'file:///etc/passwd' }]),
      fc.constant([{ contentType: 'image/png', contentUrl: 'http://evil.localhost/x.png' }]),
      fc.constant([{ contentType: 'image/png', contentUrl: 'data:image/png;base64,iVBORw0KGgo=' }]),
      fc.constant(Array.from({ length: 11 }, () => ({ contentUrl: 'x' }))),
      wrong,
    ),
    entities: fc.oneof(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 20 }), wrong),
    locale: fc.oneof(text, wrong),
    name: fc.oneof(fc.constantFrom('handoff.status', 'webchat/join', 'x'.repeat(200)), text),
    replyToId: fc.oneof(text, wrong),
    thumbnailUrl: text,
  };
  // A message with text, and one or two hostile fields on top.
  const activity = fc
    .tuple(fields.type, fields.text, fc.shuffledSubarray(Object.keys(fields).filter((k) => k !== 'type' && k !== 'text') as (keyof typeof fields)[], { minLength: 1, maxLength: 2 }))
    .chain(([type, text, keys]) =>
      fc.tuple(...keys.map((k) => fields[k] as fc.Arbitrary<unknown>)).map((values) => ({ type, text, ...Object.fromEntries(keys.map((k, i) => [k, values[i]])) }) as Record<string, unknown>),
    );
  return fc.oneof(
    { weight: 8, arbitrary: activity.map((a) => ({ kind: `dl:${typeof a.type === 'string' ? a.type.slice(0, 16) : 'odd-type'}`, body: JSON.stringify(a) })) },
    { weight: 1, arbitrary: fc.tuple(deep, fc.constantFrom('value', 'channelData', 'entities')).map(([json, field]) => ({ kind: `dl:deep-${field}`, body: `{"type":"message","text":"deep","${field}":${json}}` })) },
    { weight: 1, arbitrary: fc.constantFrom('', 'null', '[]', '"message"', '{', '{"type":"message","text":"a"', '\u0000').map((body) => ({ kind: 'dl:not-json', body })) },
  );
}

/** Multipart bodies for the upload endpoint: broken boundaries, parts without names, lying headers. */
export function uploadBodies(): fc.Arbitrary<{ kind: string; contentType: string; body: Buffer }> {
  const boundary = 'XyZzy';
  const part = (headers: string, content: string | Buffer): Buffer => Buffer.concat([Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`), Buffer.isBuffer(content) ? content : Buffer.from(content), Buffer.from('\r\n')]);
  const end = Buffer.from(`--${boundary}--\r\n`);
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  const cases: { kind: string; contentType: string; body: Buffer }[] = [
    { kind: 'upload:no-boundary', contentType: 'multipart/form-data', body: Buffer.from('hello') },
    { kind: 'upload:wrong-type', contentType: 'application/json', body: Buffer.from('{"type":"message"}') },
    { kind: 'upload:empty', contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.alloc(0) },
    { kind: 'upload:only-end', contentType: `multipart/form-data; boundary=${boundary}`, body: end },
    { kind: 'upload:truncated', contentType: `multipart/form-data; boundary=${boundary}`, body: part('Content-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png', png).subarray(0, 60) },
    { kind: 'upload:no-disposition', contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat([part('Content-Type: image/png', png), end]) },
    { kind: 'upload:activity-not-json', contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat([part('Content-Disposition: form-data; name="activity"', '{not json'), part('Content-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png', png), end]) },
    { kind: 'upload:two-activities', contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat([part('Content-Disposition: form-data; name="activity"', '{}'), part('Content-Disposition: form-data; name="activity"', '{}'), part('Content-Disposition: form-data; name="file"; filename="a.png"', png), end]) },
    { kind: 'upload:path-name', contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat([part('Content-Disposition: form-data; name="file"; filename="../../../etc/passwd"\r\nContent-Type: image/png', png), end]) },
    { kind: 'upload:html-as-png', contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat([part('Content-Disposition: form-data; name="file"; filename="x.png"\r\nContent-Type: image/png', '<html><script>alert(1)</script></html>'), end]) },
    { kind: 'upload:header-flood', contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat([part(`Content-Disposition: form-data; name="file"; filename="a.png"\r\n${'X-Junk: y\r\n'.repeat(2_000)}Content-Type: image/png`, png), end]) },
    { kind: 'upload:many-parts', contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat([...Array.from({ length: 40 }, (_, i) => part(`Content-Disposition: form-data; name="file"; filename="p${i}.png"\r\nContent-Type: image/png`, png)), end]) },
    { kind: 'upload:long-boundary', contentType: `multipart/form-data; boundary=${'b'.repeat(500)}`, body: Buffer.from(`--${'b'.repeat(500)}--\r\n`) },
    { kind: 'upload:activity-with-foreign-attachments', contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat([part('Content-Disposition: form-data; name="activity"', JSON.stringify({ type: 'message', attachments: [{ contentUrl: 'file:///etc/passwd', thumbnailUrl: 'javascript:alert(1)', contentType: 'text/html' }] })), part('Content-Disposition: form-data; name="file"; filename="a.png"', png), end]) },
  ];
  return fc.constantFrom(...cases);
}
