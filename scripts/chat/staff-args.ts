import { DEFAULT_URL } from './args';

// Command-line options of the staff terminal client: a merchant or a CS agent in "Teams", played from a terminal.

export type StaffRole = 'merchant' | 'cs';

export interface StaffOptions {
  /** The bot's base address; activities go to `<url>/api/messages`. */
  url: string;
  as: StaffRole;
  /** The user's name: their Teams id is `29:<user>`, their aadObjectId a UUID derived from it. */
  user: string;
  locale: string;
  /** CS only: start in the CS channel (else in the personal chat with the bot). */
  channel: boolean;
  /** The CS channel's conversation id, what the server's CS_CHANNEL_ID must be. */
  channelId: string;
  /** Other members of the CS channel (names), listed with the user when the bot asks who is in it. */
  members: string[];
  /**
   * Port of the local listener that plays the Bot Connector; 0 picks a free one. Unset: a port derived from the
   * user, so the address the bot keeps for them stays right from one run to the next (Teams' never changes).
   */
  port?: number;
}

export type ParsedStaffArgs = { ok: true; value: StaffOptions } | { ok: true; help: true } | { ok: false; error: string };

export const DEFAULT_CHANNEL_ID = '19:refund-desk-cs@thread.tacv2';

export const STAFF_USAGE = `Usage: npm run staff -- --as merchant|cs [--user <name>] [--channel] [--channel-id <id>] [--members a,b]
                       [--locale zh-CN|en-US] [--url ${DEFAULT_URL}] [--port <n>]

  --as          merchant: a shop's merchant in their personal chat with the bot (default)
                cs: a customer-service agent
  --user        your name (default alice for a merchant, agent-1 for CS); your Teams id is 29:<name> and your
                aadObjectId a UUID derived from the name, printed at start
  --channel     CS: start in the CS channel (else in your personal chat with the bot); /chat and /channel switch
  --channel-id  the CS channel's id (default ${DEFAULT_CHANNEL_ID}); start the server with CS_CHANNEL_ID set to it
  --members     CS: other members of the CS channel, comma-separated names (the bot asks who is in it)
  --locale      the language of your Teams client (default zh-CN)
  --url         where the bot server runs (default ${DEFAULT_URL})
  --port        local port that plays the Bot Connector for the bot's messages (default: one derived from
                --user, so the bot's stored address for you stays right between runs; 0: any free port)

In the chat: type a message (in the channel the bot is @mentioned for you), or the number of a choice; card
fields are asked one by one. /chat and /channel switch where you write; /attach <file> [words] sends a file;
/choices shows the current choices; /help shows this; /quit or Ctrl-D ends.`;

const VALUED = new Set(['--as', '--user', '--channel-id', '--members', '--locale', '--url', '--port']);
const SWITCHES = new Set(['--channel']);

export function parseStaffArgs(argv: readonly string[]): ParsedStaffArgs {
  const values = new Map<string, string>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return { ok: true, help: true };
    if (SWITCHES.has(arg)) {
      switches.add(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!VALUED.has(name)) return { ok: false, error: `unknown option "${arg}"` };
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) return { ok: false, error: `${name} needs a value` };
    values.set(name, value);
  }

  const as = values.get('--as') ?? 'merchant';
  if (as !== 'merchant' && as !== 'cs') return { ok: false, error: `--as must be merchant or cs, not "${as}"` };
  const url = (values.get('--url') ?? DEFAULT_URL).replace(/\/+$/, '');
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { ok: false, error: '--url must be an http(s) address' };
  } catch {
    return { ok: false, error: `--url "${url}" is not an address` };
  }
  const user = values.get('--user') ?? (as === 'merchant' ? 'alice' : 'agent-1');
  const name = userName(user, '--user');
  if (!name.ok) return name;
  const members: string[] = [];
  for (const member of (values.get('--members') ?? '').split(',').map((m) => m.trim()).filter(Boolean)) {
    const checked = userName(member, '--members');
    if (!checked.ok) return checked;
    if (member !== user && !members.includes(member)) members.push(member);
  }
  const channel = switches.has('--channel');
  if (channel && as !== 'cs') return { ok: false, error: '--channel is for CS agents (--as cs): merchants talk to the bot in their personal chat' };
  const channelId = values.get('--channel-id') ?? DEFAULT_CHANNEL_ID;
  if (!/^\S{1,200}$/u.test(channelId) || channelId.includes(';')) return { ok: false, error: `--channel-id "${channelId}" is not a channel id like ${DEFAULT_CHANNEL_ID}` };
  const locale = values.get('--locale') ?? 'zh-CN';
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale)) return { ok: false, error: `--locale "${locale}" is not a language tag like zh-CN or en-US` };
  const rawPort = values.get('--port');
  const port = rawPort === undefined ? undefined : Number(rawPort);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) return { ok: false, error: '--port must be a whole number from 0 to 65535' };
  return { ok: true, value: { url, as, user, locale, channel, channelId, members, ...(port === undefined ? {} : { port }) } };
}

/** Names become Teams ids (29:<name>) and URL path segments: letters, digits, dot, dash and underscore. */
function userName(name: string, flag: string): { ok: true } | { ok: false; error: string } {
  if (!/^[\p{L}\p{N}._-]{1,64}$/u.test(name)) return { ok: false, error: `${flag} "${name}" must be 1 to 64 letters, digits, ".", "-" or "_"` };
  return { ok: true };
}
