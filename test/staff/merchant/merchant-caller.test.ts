import { callerOf, isPersonalChat } from '../../../bot/staff/merchant/merchant-caller';

// Who writes, in which language, from where.

describe('merchant caller', () => {
  const from = { id: '29:alice', aadObjectId: 'aad-alice', name: ' Alice Li ' };

  it('is keyed by the AAD object id, with the Teams id kept for card refresh', () => {
    expect(callerOf({ from, text: 'help', locale: 'zh-CN' })).toEqual({ userId: 'aad-alice', teamsId: '29:alice', name: 'Alice Li', lang: 'en-US' });
    expect(callerOf({ from: { id: '29:bob', name: '' } })?.userId).toBe('29:bob');
    expect(callerOf({})).toBeNull();
  });

  it('reads the language from the words, not from a link code; a click follows the locale', () => {
    expect(callerOf({ from, text: '绑定 LINK-K7MPQ2AB', locale: 'en-US' })?.lang).toBe('zh-CN');
    expect(callerOf({ from, text: 'link LINK-K7MPQ2AB', locale: 'zh-CN' })?.lang).toBe('en-US');
    expect(callerOf({ from, text: 'LINK-AB3CDE', locale: 'en-US' })?.lang).toBe('en-US');
    expect(callerOf({ from, locale: 'en-GB' })?.lang).toBe('en-US');
    expect(callerOf({ from })?.lang).toBe('zh-CN');
  });

  it('knows a personal chat', () => {
    expect(isPersonalChat({ conversation: { id: 'a:1', conversationType: 'personal', isGroup: false, name: '' } })).toBe(true);
    expect(isPersonalChat({ conversation: { id: '19:x', conversationType: 'channel', isGroup: true, name: '' } })).toBe(false);
    expect(isPersonalChat({ conversation: { id: '19:y', conversationType: 'groupChat', isGroup: true, name: '' } })).toBe(false);
  });
});
