import { createInterface } from 'node:readline';
import { USAGE, parseChatArgs } from './chat/args';
import { HttpBotClient } from './chat/bot-client';
import { startCallbackServer } from './chat/callback-server';
import type { CallbackServer } from './chat/callback-server';
import { ChatSession } from './chat/session';

// Chat with a running Refund Desk server from a terminal, as a buyer:
//   npm run chat -- --user buyer-1001 [--locale en-US] [--url http://localhost:3978] [--token <jwt>] [--port 0]
// Each line is one message; a number picks one of the choices shown; /attach sends a file; /quit or Ctrl-D ends.
// Works with piped input too (lines are then echoed after "you> ").

async function main(): Promise<number> {
  const parsed = parseChatArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`chat: ${parsed.error}\n\n${USAGE}\n`);
    return 2;
  }
  if ('help' in parsed) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const options = parsed.value;
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const rl = createInterface({ input: process.stdin, output: interactive ? process.stdout : undefined, terminal: interactive, crlfDelay: Infinity });
  rl.setPrompt('you> ');
  // Taken at once: lines piped in while the client connects would otherwise be dropped.
  const lines = rl[Symbol.asyncIterator]();

  // Proactive messages arrive while the prompt waits: clear it, print, and draw it again.
  const write = (lines: string[]): void => {
    if (lines.length === 0) return;
    if (interactive) {
      process.stdout.write('\r\x1b[K');
      process.stdout.write(`${lines.join('\n')}\n`);
      rl.prompt(true);
    } else {
      process.stdout.write(`${lines.join('\n')}\n`);
    }
  };

  let session: ChatSession | null = null;
  let callbacks: CallbackServer;
  try {
    callbacks = await startCallbackServer({ port: options.port, onActivity: (activity) => session?.showProactive(activity) });
  } catch (err) {
    process.stderr.write(`chat: cannot listen on 127.0.0.1:${options.port} for the bot's messages: ${(err as Error).message}\n`);
    return 1;
  }
  session = new ChatSession({ options, serviceUrl: callbacks.url, transport: new HttpBotClient({ url: options.url }), write, echo: !interactive });
  write([
    `Refund Desk at ${options.url} as ${options.user} (${options.locale}${options.token ? ', signed token' : ''})`,
    `conversation ${session.conversationId}; the bot's own messages arrive at ${callbacks.url}`,
    'type a message, a choice number, /attach <file>, /help, or /quit',
  ]);

  let code = 0;
  try {
    if (!(await session.start())) {
      code = 1;
      return code;
    }
    if (interactive) rl.prompt();
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      if ((await session.handleLine(next.value)) === 'quit') break;
      if (interactive) rl.prompt();
    }
    process.stdout.write(`${interactive ? '\r\x1b[K' : ''}bye\n`);
  } finally {
    rl.close();
    await callbacks.close();
  }
  return code;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`chat: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
