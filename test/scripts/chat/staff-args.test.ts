import { DEFAULT_CHANNEL_ID, parseStaffArgs } from '../../../scripts/chat/staff-args';

describe('parseStaffArgs', () => {
  it('defaults to a merchant called alice in the personal chat, and a CS agent agent-1', () => {
    expect(parseStaffArgs([])).toEqual({
      ok: true,
      value: { url: 'http://localhost:3978', as: 'merchant', user: 'alice', locale: 'zh-CN', channel: false, channelId: DEFAULT_CHANNEL_ID, members: [] },
    });
    const cs = parseStaffArgs(['--as', 'cs', '--channel']);
    expect(cs.ok && 'value' in cs && [cs.value.user, cs.value.channel]).toEqual(['agent-1', true]);
  });

  it('reads every option, in both spellings, and keeps members unique and apart from the user', () => {
    const parsed = parseStaffArgs(['--as=cs', '--user', 'agent-7', '--channel', '--channel-id', '19:abc@thread.tacv2', '--members', 'agent-8, agent-7,agent-8,agent-9', '--locale=en-US', '--url', 'http://127.0.0.1:4000/', '--port', '5001']);
    expect(parsed).toEqual({
      ok: true,
      value: { url: 'http://127.0.0.1:4000', as: 'cs', user: 'agent-7', locale: 'en-US', channel: true, channelId: '19:abc@thread.tacv2', members: ['agent-8', 'agent-9'], port: 5001 },
    });
  });

  it.each([
    [['--as', 'buyer'], /--as must be merchant or cs/],
    [['--channel'], /--channel is for CS agents/],
    [['--user', 'a b'], /--user "a b" must be/],
    [['--members', 'ok,not ok'], /--members "not ok" must be/],
    [['--channel-id', '19:x;messageid=1'], /is not a channel id/],
    [['--port', '70000'], /--port must be/],
    [['--url', 'ftp://x'], /--url must be an http/],
    [['--user'], /--user needs a value/],
    [['--colour', 'red'], /unknown option "--colour"/],
  ])('refuses %j', (argv, message) => {
    const parsed = parseStaffArgs(argv);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(message);
  });

  it('asks for help with --help', () => {
    expect(parseStaffArgs(['--as', 'cs', '--help'])).toEqual({ ok: true, help: true });
  });
});
