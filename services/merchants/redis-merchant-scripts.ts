import { createHash } from 'node:crypto';

// Lua scripts of the Redis merchant directory. Every key arrives in KEYS (none are built inside a script).

/**
 * Redeem: checks the code (unless it is a demo code), compares the user's binding with what the caller read,
 * then marks the code used, writes the binding and moves the user between the shops' member sets, atomically.
 * KEYS: 1 code, 2 user binding, 3 new shop's members, 4 previous shop's members (KEYS[3] when none or the same)
 * ARGV: 1 'issued' | 'demo', 2 now (ms), 3 binding as read ('' = none), 4 new binding JSON, 5 user id,
 *       6 new binding's boundAt (ms), 7 now (ISO), 8 the code's shop as read
 * Reply: {'ok'} | {'unknown_code'} | {'used'} | {'expired'} | {'retry'} (the binding or the code changed: read again)
 */
export const REDEEM_SCRIPT = `
local now = tonumber(ARGV[2])
local code
if ARGV[1] == 'issued' then
  local raw = redis.call('GET', KEYS[1])
  if not raw then return {'unknown_code'} end
  code = cjson.decode(raw)
  if tonumber(code.forgetAtMs) <= now then return {'unknown_code'} end
  if code.usedAt then return {'used'} end
  if tonumber(code.expiresAtMs) <= now then return {'expired'} end
  if code.shopId ~= ARGV[8] then return {'retry'} end
end
local current = redis.call('GET', KEYS[2])
if (current or '') ~= ARGV[3] then return {'retry'} end
if code then
  code.usedAt = ARGV[7]
  code.usedBy = ARGV[5]
  redis.call('SET', KEYS[1], cjson.encode(code), 'KEEPTTL')
end
redis.call('SET', KEYS[2], ARGV[4])
if KEYS[4] ~= KEYS[3] then redis.call('ZREM', KEYS[4], ARGV[5]) end
redis.call('ZADD', KEYS[3], ARGV[6], ARGV[5])
return {'ok'}
`;

/** Compare-and-set of one string key. KEYS: 1 key. ARGV: 1 expected value, 2 new value. Reply: 1 | 0. */
export const SWAP_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2])
  return 1
end
return 0
`;

export const sha1 = (source: string): string => createHash('sha1').update(source).digest('hex');
