// Command-line options of the terminal client. Parsed by hand: four flags do not justify a dependency.

export interface ChatOptions {
  /** The bot's base address; activities go to `<url>/api/messages`. */
  url: string;
  /** The buyer's channel user id (`from.id`). */
  user: string;
  locale: string;
  /** Platform-signed buyer token, sent as channelData.buyerToken (deployments with BUYER_TOKEN_SECRET). */
  token?: string;
  /** Port of the local listener that receives proactive messages; 0 picks a free one. */
  port: number;
}

export type ParsedArgs = { ok: true; value: ChatOptions } | { ok: true; help: true } | { ok: false; error: string };

export const DEFAULT_URL = 'http://localhost:3978';

export const USAGE = `Usage: npm run chat -- [--user buyer-1001] [--locale zh-CN|en-US] [--url ${DEFAULT_URL}] [--token <jwt>] [--port 0]

  --user     the buyer's user id (default buyer-1001; the demo also has buyer-1002)
  --locale   the language your client announces (default zh-CN); the bot also follows what you write
  --url      where the bot server runs (default ${DEFAULT_URL})
  --token    a platform-signed buyer token, for servers started with BUYER_TOKEN_SECRET
  --port     local port for messages the bot sends on its own (default 0: any free port)

In the chat: type a message, or the number of a choice; /attach <file> [words] sends a file as evidence;
/help shows this; /quit or Ctrl-D ends.`;

const FLAGS = new Set(['--user', '--locale', '--url', '--token', '--port']);

export function parseChatArgs(argv: readonly string[]): ParsedArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return { ok: true, help: true };
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!FLAGS.has(name)) return { ok: false, error: `unknown option "${arg}"` };
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) return { ok: false, error: `${name} needs a value` };
    values.set(name, value);
  }

  const url = (values.get('--url') ?? DEFAULT_URL).replace(/\/+$/, '');
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { ok: false, error: '--url must be an http(s) address' };
  } catch {
    return { ok: false, error: `--url "${url}" is not an address` };
  }
  const user = values.get('--user') ?? 'buyer-1001';
  if (user.length > 128) return { ok: false, error: '--user is too long (128 characters at most)' };
  const locale = values.get('--locale') ?? 'zh-CN';
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale)) return { ok: false, error: `--locale "${locale}" is not a language tag like zh-CN or en-US` };
  const port = Number(values.get('--port') ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) return { ok: false, error: '--port must be a whole number from 0 to 65535' };
  const token = values.get('--token');
  return { ok: true, value: { url, user, locale, port, ...(token ? { token } : {}) } };
}
