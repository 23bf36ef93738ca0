import { generateLinkCode, hashLinkCode, LINK_CODE_ALPHABET, looksLikeLinkCommand, merchantUserId, normalizeLinkCode, parseLinkCommand } from '../../../services/merchants';

describe('parseLinkCommand', () => {
  it.each([
    ['link LINK-201', 'LINK-201'],
    ['Link link-201', 'LINK-201'],
    ['LINK LINK-7QX4M2', 'LINK-7QX4M2'],
    ['绑定 LINK-201', 'LINK-201'],
    ['绑定LINK-201', 'LINK-201'],
    ['绑定：LINK-201', 'LINK-201'],
    ['link: LINK-202', 'LINK-202'],
    ['<at>Refund Desk</at> link LINK-201', 'LINK-201'],
    ['<at id="0">Refund Desk</at>&nbsp;绑定 LINK-202', 'LINK-202'],
    ['  link   LINK-201  \n', 'LINK-201'],
    ['link LINK-201.', 'LINK-201'],
    ['绑定 LINK-201。', 'LINK-201'],
    ['绑定 ＬＩＮＫ－２０１', 'LINK-201'],
    ['<p>link LINK-201</p>', 'LINK-201'],
    ['link\u200b LINK-201', 'LINK-201'],
    ['bind LINK-201', 'LINK-201'],
    ['LINK-201', 'LINK-201'],
    ['link-201', 'LINK-201'],
  ])('%j -> %s', (text, code) => {
    expect(parseLinkCommand(text)).toBe(code);
  });

  it.each([
    'link',
    '绑定',
    'link 201',
    'link SHOP-201',
    'link LINK-',
    'linkLINK-201',
    'please link LINK-201',
    'link LINK-201 LINK-202',
    'link LINK-20!',
    'my order DEMO-1002 has a broken vase',
    'help',
    '',
  ])('%j -> null', (text) => {
    expect(parseLinkCommand(text)).toBeNull();
  });

  it('takes anything, not only strings', () => {
    expect(parseLinkCommand(undefined)).toBeNull();
    expect(parseLinkCommand(null)).toBeNull();
  });
});

describe('looksLikeLinkCommand', () => {
  it('spots the keyword without a usable code, so the bot can explain how to link', () => {
    for (const text of ['link', 'Link 201', '绑定', '绑定 123456', '<at>Refund Desk</at> link', 'link: abc']) expect(looksLikeLinkCommand(text)).toBe(true);
    for (const text of ['link LINK-201', '绑定LINK-201', 'linkage', 'help', '', 'LINK-201']) expect(looksLikeLinkCommand(text)).toBe(false);
    expect(looksLikeLinkCommand(undefined)).toBe(false);
  });
});

describe('link codes', () => {
  it('are generated from an alphabet without look-alike characters', () => {
    expect(LINK_CODE_ALPHABET).not.toMatch(/[01ILO]/);
    for (let i = 0; i < 200; i++) expect(generateLinkCode()).toMatch(new RegExp(`^LINK-[${LINK_CODE_ALPHABET}]{6}$`));
  });

  it('normalize case, width and space, and refuse what is no code', () => {
    expect(normalizeLinkCode(' link-7qx4m2 ')).toBe('LINK-7QX4M2');
    expect(normalizeLinkCode('ＬＩＮＫ－２０１')).toBe('LINK-201');
    expect(normalizeLinkCode('LINK 201')).toBeNull();
    expect(normalizeLinkCode('LINK-201; DROP')).toBeNull();
  });

  it('hash to the same value only for the same normalized code', () => {
    expect(hashLinkCode('LINK-201')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashLinkCode('LINK-201')).toBe(hashLinkCode('LINK-201'));
    expect(hashLinkCode('LINK-201')).not.toBe(hashLinkCode('LINK-202'));
  });
});

describe('merchantUserId', () => {
  it('prefers the AAD object id and falls back to the channel user id', () => {
    expect(merchantUserId({ id: '29:1abc', aadObjectId: '6b1c2d3e-0000-4000-8000-000000000001' })).toBe('6b1c2d3e-0000-4000-8000-000000000001');
    expect(merchantUserId({ id: '29:1abc' })).toBe('29:1abc');
    expect(merchantUserId({ id: '29:1abc', aadObjectId: '  ' })).toBe('29:1abc');
  });
});
