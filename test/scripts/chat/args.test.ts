import { DEFAULT_URL, parseChatArgs } from '../../../scripts/chat/args';

describe('parseChatArgs', () => {
  it('fills the defaults', () => {
    expect(parseChatArgs([])).toEqual({ ok: true, value: { url: DEFAULT_URL, user: 'buyer-1001', locale: 'zh-CN', port: 0 } });
  });

  it('reads every flag, in "--flag value" and "--flag=value" form', () => {
    const parsed = parseChatArgs(['--user', 'buyer-1002', '--locale=en-US', '--url', 'http://127.0.0.1:4000/', '--token', 'x.y.z', '--port=5050']);
    expect(parsed).toEqual({ ok: true, value: { url: 'http://127.0.0.1:4000', user: 'buyer-1002', locale: 'en-US', token: 'x.y.z', port: 5050 } });
  });

  it.each([
    [['--usr', 'x'], /unknown option/],
    [['--user'], /needs a value/],
    [['--user', '--locale', 'en-US'], /needs a value/],
    [['--url', 'ftp://x'], /http/],
    [['--url', 'not a url'], /not an address/],
    [['--locale', 'chinese please'], /language tag/],
    [['--port', '70000'], /port/],
  ])('refuses %j', (argv, message) => {
    const parsed = parseChatArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it('answers --help', () => {
    expect(parseChatArgs(['--user', 'a', '--help'])).toEqual({ ok: true, help: true });
  });
});
