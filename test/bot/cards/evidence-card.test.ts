import type { EvidenceError, EvidenceErrorKind } from '../../../services/evidence';
import { DEFAULT_LIMITS, EVIDENCE_ERROR_KINDS, MB } from '../../../services/evidence';
import { evidenceCard, evidenceErrorText, fileSizeText } from '../../../bot/cards/buyer/evidence-card';
import { LANGS, cardText, expectValid, submits, tr, unfilled } from './filing-cards-support';

const EVERY_ERROR: Record<EvidenceErrorKind, EvidenceError> = {
  host_not_allowed: { kind: 'host_not_allowed', host: 'evil.example', viaRedirect: false },
  too_large: { kind: 'too_large', limitBytes: 10 * MB, evidenceKind: 'image', sizeBytes: 12.5 * MB },
  unsupported_type: { kind: 'unsupported_type', detected: 'exe' },
  fetch_failed: { kind: 'fetch_failed', reason: 'http_status', status: 404 },
  timeout: { kind: 'timeout', phase: 'total', timeoutMs: 10_000 },
  too_many_files: { kind: 'too_many_files', limit: 9, count: 9 },
  empty: { kind: 'empty' },
  bad_data_url: { kind: 'bad_data_url', reason: 'encoding' },
};

const context = { action: 'file_refund', mode: 'refund', orderId: 'DEMO-1002' };

describe('evidence card', () => {
  it.each(LANGS)('words every evidence error kind, naming the file (%s)', (lang) => {
    const t = tr(lang);
    const words = EVIDENCE_ERROR_KINDS.map((kind) => evidenceErrorText(t, 'x.jpg', EVERY_ERROR[kind]));
    for (const w of words) {
      expect(w).toContain('x.jpg');
      expect(unfilled(w)).toEqual([]);
    }
    expect(new Set(words).size).toBe(words.length);
    expect(words[0]).toContain('evil.example');
    expect(words[1]).toMatch(/12\.5 MB.*10 MB/s);
    expect(words[2]).toContain(lang === 'zh-CN' ? '可执行程序' : 'a program');
    expect(words[5]).toContain('9');
  });

  it('says the limit when the size was refused before any byte was seen', () => {
    const text = evidenceErrorText(tr('en-US'), 'big.mov', { kind: 'too_large', limitBytes: 50 * MB, evidenceKind: null });
    expect(text).toBe('big.mov is too large; a file may be at most 50 MB.');
  });

  it('names unknown formats without guessing', () => {
    expect(evidenceErrorText(tr('zh-CN'), 'a.bin', { kind: 'unsupported_type', detected: 'weird' })).toContain('无法识别的格式');
  });

  it('shows sizes in KB under a megabyte and in MB above', () => {
    expect(fileSizeText(300)).toBe('1 KB');
    expect(fileSizeText(200 * 1024)).toBe('200 KB');
    expect(fileSizeText(3.25 * MB)).toBe('3.3 MB');
  });

  it.each(LANGS)('asks for required evidence with the limits, and offers a person instead of skipping (%s)', (lang) => {
    const card = evidenceCard({ need: 'required', reason: 'Q', limits: DEFAULT_LIMITS, count: 0, hasPhotoOrVideo: false, context }, tr(lang));
    expectValid(card);
    const text = cardText(card);
    expect(text).toContain('9');
    expect(text).toContain('10 MB');
    expect(text).toContain('50 MB');
    expect(submits(card).map((s) => s.data.action === 'human' ? 'human' : s.data.choice)).toEqual(['human']);
  });

  it('lets optional evidence be skipped, and finished once files arrived', () => {
    const empty = evidenceCard({ need: 'optional', reason: 'Q', limits: DEFAULT_LIMITS, count: 0, hasPhotoOrVideo: false, context }, tr('zh-CN'));
    expect(submits(empty).map((s) => s.data.choice)).toEqual(['skip']);
    const received = evidenceCard(
      {
        need: 'required',
        reason: '质量问题',
        limits: DEFAULT_LIMITS,
        count: 1,
        hasPhotoOrVideo: true,
        received: [
          { status: 'accepted', name: 'a.png', kind: 'image', size: 2048 },
          { status: 'refused', name: 'b.jpg', error: EVERY_ERROR.unsupported_type },
          { status: 'duplicate', name: 'c.png' },
        ],
        context,
      },
      tr('zh-CN'),
    );
    expectValid(received);
    const text = cardText(received);
    expect(text).toContain('✓ 已收到：a.png（照片，2 KB）');
    expect(text).toContain('✗ 未收下：b.jpg 不是照片、视频或 PDF');
    expect(text).toContain('c.png 之前已经收到过');
    expect(text).toContain('已收到 1 个文件');
    expect(submits(received)[0]!.data).toEqual({ ...context, step: 'evidence', choice: 'done' });
  });

  it('keeps asking for a photo or video when only a PDF came for a reason that needs one', () => {
    const card = evidenceCard({ need: 'required', reason: 'Quality problem', limits: DEFAULT_LIMITS, count: 1, hasPhotoOrVideo: false, context }, tr('en-US'));
    expect(cardText(card)).toContain('"Quality problem" needs at least one photo or video');
    expect(submits(card).map((s) => s.data.choice ?? s.data.action)).toEqual(['human']);
  });
});
