import { createInterface } from 'node:readline';
import { HttpBotClient } from './chat/bot-client';
import { startCallbackServer } from './chat/callback-server';
import type { CallbackServer } from './chat/callback-server';
import { STAFF_USAGE, parseStaffArgs } from './chat/staff-args';
import { StaffSession } from './chat/staff-session';
import { listenerPortOf, teamsAccount } from './chat/teams-identity';

// Be a merchant or a CS agent in "Teams" without Teams, against a running Refund Desk server:
//   npm run staff -- --as merchant --user alice
//   npm run staff -- --as cs --user agent-1 --channel [--channel-id 19:...@thread.tacv2] [--members agent-2]
// Activities go to /api/messages shaped as the Teams channel sends them; a local listener plays the Bot
// Connector the bot answers through. Each line is one message; a number picks one of the choices shown.

async function main(): Promise<number> {
  const parsed = parseStaffArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`staff: ${parsed.error}\n\n${STAFF_USAGE}\n`);
    return 2;
  }
  if ('help' in parsed) {
    process.stdout.write(`${STAFF_USAGE}\n`);
    return 0;
  }
  const options = parsed.value;
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const rl = createInterface({ input: process.stdin, output: interactive ? process.stdout : undefined, terminal: interactive, crlfDelay: Infinity });
  // Taken at once: lines piped in while the client connects would otherwise be dropped.
  const lines = rl[Symbol.asyncIterator]();

  // The bot's messages arrive while the prompt waits: clear it, print, and draw it again.
  const write = (out: string[]): void => {
    if (out.length === 0) return;
    if (interactive) {
      process.stdout.write('\r\x1b[K');
      process.stdout.write(`${out.join('\n')}\n`);
      rl.prompt(true);
    } else {
      process.stdout.write(`${out.join('\n')}\n`);
    }
  };

  let session: StaffSession | null = null;
  const listen = (port: number): Promise<CallbackServer> =>
    startCallbackServer({
      port,
      onActivity: (activity, conversationId, call) => session?.fromConnector(activity, conversationId, call),
      onCreateConversation: (parameters) => session?.createConversation(parameters) ?? 'a:terminal-unready',
      members: (conversationId) => session?.members(conversationId) ?? [],
    });
  // The user's own port keeps the address the bot stored for them valid; if it is taken, any free one will do.
  const usual = listenerPortOf(options.user);
  let moved = false;
  let connector: CallbackServer;
  try {
    if (options.port !== undefined) {
      connector = await listen(options.port);
    } else {
      try {
        connector = await listen(usual);
      } catch {
        connector = await listen(0);
        moved = true;
      }
    }
  } catch (err) {
    process.stderr.write(`staff: cannot listen on 127.0.0.1:${options.port ?? usual} for the bot's messages: ${(err as Error).message}\n`);
    return 1;
  }
  session = new StaffSession({ options, serviceUrl: connector.url, transport: new HttpBotClient({ url: options.url }), write, echo: !interactive });
  const me = session.me;
  const banner = [
    `Refund Desk at ${options.url} as ${me.name} (${options.as === 'cs' ? 'CS agent' : 'merchant'}; Teams id ${me.id}, aadObjectId ${me.aadObjectId}; ${options.locale})`,
    `personal chat ${session.personal.conversationId}; the bot's messages arrive at ${connector.url}`,
  ];
  if (moved) banner.push(`(your usual port ${usual} is taken: the bot is told this address instead)`);
  if (session.channel) {
    const agents = [me.aadObjectId, ...options.members.map((m) => teamsAccount(m).aadObjectId)].join(',');
    banner.push(
      `CS channel ${session.channel.conversationId}${options.channel ? ' (you write there now; /chat for your personal chat)' : ' (/channel to write there)'}`,
      `start the server with: CS_CHANNEL_ID='${session.channel.conversationId}' CS_AGENT_IDS=${agents} npm start`,
    );
  } else {
    banner.push('link your account to a shop first: link LINK-201 (demo shop-201) or link LINK-202 (shop-202)');
  }
  banner.push('type a message, a choice number, /help, or /quit');
  write(banner);
  rl.setPrompt(session.prompt);

  let code = 0;
  try {
    // An address other than the usual one (taken, or chosen with --port) may be news to the bot everywhere.
    if (!(await session.start({ moved: moved || (options.port !== undefined && options.port !== usual) }))) {
      code = 1;
      return code;
    }
    if (interactive) rl.prompt();
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      if ((await session.handleLine(next.value)) === 'quit') break;
      rl.setPrompt(session.prompt);
      if (interactive) rl.prompt();
    }
    process.stdout.write(`${interactive ? '\r\x1b[K' : ''}bye\n`);
  } finally {
    rl.close();
    await connector.close();
  }
  return code;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`staff: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
