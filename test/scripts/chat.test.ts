import { startClient as startScript } from './support/running-client';
import type { RunningClient } from './support/running-client';
import { MessageFactory } from 'botbuilder';
import type { ConversationReference } from 'botbuilder';
import { createAdapter } from '../../bot/adapter';
import { t as translate } from '../../bot/i18n';
import { card, submit, text } from '../../bot/cards/adaptive';
import { signBuyerToken } from '../../bot/identity';
import { createLogger } from '../../bot/logger';
import { startTestApp } from '../support/bot-http';
import type { TestApp } from '../support/bot-http';

// The terminal client as a buyer uses it: a separate process, lines piped in, the rendered conversation out.


const startClient = (args: string[]): RunningClient => startScript('scripts/chat.ts', args);

/** Pipes the lines in at once and closes stdin, as `printf ... | npm run chat` would. */
async function runPiped(args: string[], lines: string[]): Promise<{ code: number | null; output: string }> {
  const client = startClient(args);
  client.child.stdin.end(lines.map((l) => `${l}\n`).join(''));
  const code = await client.exited;
  return { code, output: client.output() };
}

describe('npm run chat against the running server', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('greets, answers a piped "你好" with the menu as numbered choices, and quits on /quit', async () => {
    const { code, output } = await runPiped(['--url', t.app.url, '--user', 'buyer-1001'], ['你好', '/quit', 'never sent']);
    expect(code).toBe(0);
    expect(output).toContain(`Refund Desk at ${t.app.url} as buyer-1001 (zh-CN)`);
    expect(output).toMatch(/you> 你好\nbot> 您好，我是退款助手[^\n]*\n {5}\[1\] 申请退款\n {5}\[2\] 查询进度\n {5}\[3\] 寄回商品\n {5}\[4\] 转人工客服\n/u);
    expect(output).not.toContain('never sent');
    expect(output.trimEnd().endsWith('bye')).toBe(true);
  });

  it('ends at the end of the input (Ctrl-D) and speaks English for an English buyer', async () => {
    const { code, output } = await runPiped(['--url', t.app.url, '--user', 'buyer-1002', '--locale', 'en-US'], ['hello']);
    expect(code).toBe(0);
    expect(output).toMatch(/you> hello\nbot> Hi, I'm the refund assistant/);
    expect(output).toContain('[4] Talk to a person');
  });

  it('shows a message the bot sends on its own as it arrives, and answers it like the connector', async () => {
    const client = startClient(['--url', t.app.url, '--user', 'buyer-1001']);
    try {
      const [, conversationId, serviceUrl] = await client.waitFor(/conversation (\S+); the bot's own messages arrive at (http:\/\/127\.0\.0\.1:\d+)/);
      await client.waitFor(/\[4\] 转人工客服/);
      const adapter = createAdapter({}, createLogger('silent'));
      const reference: Partial<ConversationReference> = {
        channelId: 'terminal',
        serviceUrl: serviceUrl!,
        conversation: { id: conversationId! } as ConversationReference['conversation'],
        bot: { id: 'refund-desk', name: 'Refund Desk' },
        user: { id: 'buyer-1001', name: 'buyer-1001' },
      };
      let sentId: string | undefined;
      await adapter.continueConversationAsync('', reference, async (context) => {
        const notice = MessageFactory.attachment({
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: card([text('您的退款 ¥199.00 已到账')], [submit('评价服务', { action: 'rate' })]),
        });
        sentId = (await context.sendActivity(notice))?.id;
      });
      expect(sentId).toMatch(/^terminal-/);
      await client.waitFor(/bot> 您的退款 ¥199\.00 已到账\n {5}\[1\] 评价服务/u);
      client.child.stdin.end('/quit\n');
      expect(await client.exited).toBe(0);
    } finally {
      if (client.child.exitCode === null) client.child.kill();
    }
  });

  it('presses a card button by its number: the click reaches the flow as the button\'s data', async () => {
    const client = startClient(['--url', t.app.url, '--user', 'buyer-1001']);
    try {
      await client.waitFor(/\[4\] 转人工客服/);
      client.child.stdin.write('我要退款\n');
      const label = translate('zh-CN', 'filing.picker.choose', { orderId: 'DEMO-1002' });
      const [, number] = await client.waitFor(new RegExp(`\\[(\\d+)\\] ${label}\\n`, 'u'));
      const before = client.output().length;
      client.child.stdin.write(`${number}\n`);
      await client.waitFor(new RegExp(`you> ${number}\\n  \\(${label}\\)\\nbot> `, 'u'), before);
      // The flow moved on with DEMO-1002: its products are asked about, and nothing was misunderstood.
      await client.waitFor(/USB-C 编织快充数据线 1 米[\s\S]*\[1\] /u, before);
      const after = client.output().slice(before);
      expect(after).not.toContain(translate('zh-CN', 'common.notUnderstood'));
      expect(after).not.toContain(translate('zh-CN', 'filing.picker.choose', { orderId: 'DEMO-1001' }));
      client.child.stdin.end('/quit\n');
      expect(await client.exited).toBe(0);
    } finally {
      if (client.child.exitCode === null) client.child.kill();
    }
  });

  it('says so and exits 1 when no server answers', async () => {
    const { code, output } = await runPiped(['--url', 'http://127.0.0.1:9', '--user', 'buyer-1001'], ['你好']);
    expect(code).toBe(1);
    expect(output).toMatch(/cannot reach http:\/\/127\.0\.0\.1:9.*is the server running/);
  });

  it('refuses bad options with the usage and exit code 2', async () => {
    const { code, output } = await runPiped(['--colour', 'red'], []);
    expect(code).toBe(2);
    expect(output).toMatch(/unknown option "--colour"[\s\S]*Usage: npm run chat/);
  });
});

describe('npm run chat with signed buyer tokens', () => {
  const secret = 'chat-test-secret-0123456789';
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { BUYER_TOKEN_SECRET: secret } });
  });
  afterAll(() => t.stop());

  it('sends --token as channelData.buyerToken: served with it, politely refused without', async () => {
    const token = signBuyerToken('buyer-1001', secret, new Date(Date.now() + 3_600_000));
    const signed = await runPiped(['--url', t.app.url, '--user', 'buyer-1001', '--token', token], ['你好', '/quit']);
    expect(signed.output).toContain('signed token');
    expect(signed.output).toMatch(/you> 你好\nbot> 您好，我是退款助手/u);
    const unsigned = await runPiped(['--url', t.app.url, '--user', 'buyer-1001'], ['你好', '/quit']);
    expect(unsigned.output).toMatch(/you> 你好\nbot> 抱歉，无法确认您的身份/u);
  });
});
