/** Conversation state nobody has written for this long is an abandoned conversation. */
export const DEFAULT_STATE_TTL_SECONDS = 30 * 24 * 60 * 60;

/** The configured expiry in seconds (default 30 days); 0 keeps items forever. */
export function resolveTtlSeconds(ttlSeconds: number | undefined): number {
  const ttl = ttlSeconds ?? DEFAULT_STATE_TTL_SECONDS;
  if (!Number.isInteger(ttl) || ttl < 0) {
    throw new RangeError(`ttlSeconds must be a whole number of seconds >= 0, got ${ttl}`);
  }
  return ttl;
}
