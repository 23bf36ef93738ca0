import type { CommandError } from '../../../services/refunds';
import { translator } from '../../../bot/i18n';
import type { Lang } from '../../../bot/i18n';
import { outcomeWords } from '../../../dialogs/cases/outcome-words';

const ctx = (lang: Lang) => ({ t: translator(lang), lang, timeZone: 'Asia/Shanghai' });

const ERRORS: CommandError[] = [
  { kind: 'not_found' },
  { kind: 'forbidden', reason: 'role_not_allowed' },
  { kind: 'invalid_state', status: 'refunding', command: 'buyer_cancel' },
  { kind: 'invalid_input', issues: ['stars: too big'] },
  { kind: 'conflict', status: 'merchant_rejected', by: { role: 'merchant', id: 'm-1', shopId: 'shop-1' }, at: '2026-03-05T04:00:00.000Z', event: 'merchant_reject', version: 2 },
  { kind: 'key_reused' },
  { kind: 'refused', refusals: [] },
];

describe('command outcomes in words', () => {
  it.each(ERRORS.map((e) => [e.kind, e] as const))('words %s in both languages, naming the case and no ids of people', (_kind, error) => {
    for (const lang of ['zh-CN', 'en-US'] as const) {
      const words = outcomeWords(error, 'RD-000007', ctx(lang));
      expect(words).toContain('RD-000007');
      expect(words).not.toMatch(/\{\w+\}/);
      expect(words).not.toContain('m-1');
      expect(words).not.toContain('stars: too big');
    }
  });

  it('says who changed the case first, when, and where it stands now', () => {
    const conflict = ERRORS[4]!;
    expect(outcomeWords(conflict, 'RD-000007', ctx('en-US'))).toBe(
      'RD-000007 was already changed by the shop at Mar 5, 2026, 12:00: it is now "Rejected by the shop" (the shop rejected the request; you can revise and resubmit it, escalate it to the platform, or accept the rejection).',
    );
    expect(outcomeWords({ ...conflict, by: { role: 'system', id: 'system' } } as CommandError, 'RD-000007', ctx('zh-CN'))).toContain('被系统更新');
    expect(outcomeWords({ ...conflict, by: { role: 'cs', id: 'cs-1' } } as CommandError, 'RD-000007', ctx('en-US'))).toContain('changed by the platform');
  });

  it('says why a command is not possible in this state', () => {
    expect(outcomeWords(ERRORS[2]!, 'RD-000007', ctx('en-US'))).toBe("That can't be done on RD-000007 now: the refund is already being paid.");
  });

  it("words someone else's case exactly like a missing one", () => {
    expect(outcomeWords({ kind: 'not_found' }, 'RD-000007', ctx('en-US'))).toBe('There is no case RD-000007 among yours. Please check the number.');
  });
});
