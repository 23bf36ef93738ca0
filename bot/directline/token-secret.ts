import { createHmac, randomBytes } from 'node:crypto';
import type { RedisCommandSender } from '../../services/store';

// The key Direct Line tokens are signed with: WIDGET_TOKEN_SECRET when set; else, with Redis, one random key
// stored there on first use, so tokens (and the bot's connector URL) survive restarts and work on every
// instance; else a random key for this process (in memory, nothing survives a restart anyway).

export type SecretSource = 'config' | 'redis' | 'process';

export async function resolveTokenSecret(options: { configured?: string; redis: RedisCommandSender | null; prefix: string }): Promise<{ secret: string; source: SecretSource }> {
  if (options.configured) return { secret: options.configured, source: 'config' };
  if (options.redis) {
    const key = `${options.prefix}dl:token-secret`;
    await options.redis.sendCommand(['SET', key, randomBytes(32).toString('hex'), 'NX']);
    const stored = await options.redis.sendCommand<string | null>(['GET', key]);
    if (stored) return { secret: stored, source: 'redis' };
  }
  return { secret: randomBytes(32).toString('hex'), source: 'process' };
}

/** The connector URL's key: derived from the token secret, so every instance computes the same one. */
export function connectorKey(secret: string): string {
  return createHmac('sha256', secret).update('refund-desk/dl-connector/v1').digest('base64url').slice(0, 32);
}
