import { createHash } from 'node:crypto';

/**
 * The whole case write as one Lua script, so Redis runs it atomically: the version compare-and-set, the
 * idempotency check and every write happen with no other command in between. Nothing is written unless all
 * checks pass. Every key arrives in KEYS (none are built here), as the design requires.
 *
 * KEYS: 1 case, 2 audit, 3 deadlines, 4 outbox, 5 created index, 6 buyer index, 7 shop index, 8 order index,
 *       9 .. 8+n the n status indexes (in the order of the status names in ARGV), then
 *       the idempotency record (only when ARGV 12 is not empty), then the order's filings counter (only when
 *       ARGV 14 is not empty)
 * ARGV: 1 case JSON, 2 expected version, 3 audit JSON, 4 event JSON, 5 wake time (ms, '' = none),
 *       6 createdAt (ms), 7 case id, 8 status, 9 buyer id, 10 shop id, 11 order id,
 *       12 idempotency record JSON ('' = no key), 13 idempotency TTL (ms), 14 expected filings ('' = no guard),
 *       15 outbox max length, 16 .. 15+n status names
 * Reply: {'ok'} | {'duplicate_key', record JSON} | {'version_conflict', current JSON or nil} | {'order_conflict'}
 */
export const COMMIT_SCRIPT = `
local nStatus = #ARGV - 15
local nextKey = 9 + nStatus
local idemKey = nil
local filingsKey = nil
if ARGV[12] ~= '' then
  idemKey = KEYS[nextKey]
  nextKey = nextKey + 1
end
if ARGV[14] ~= '' then filingsKey = KEYS[nextKey] end

if idemKey then
  local stored = redis.call('GET', idemKey)
  if stored then return {'duplicate_key', stored} end
end

local expected = tonumber(ARGV[2])
local current = redis.call('GET', KEYS[1])
local oldStatus = nil
if current then
  local doc = cjson.decode(current)
  if doc.version ~= expected then return {'version_conflict', current} end
  if doc.buyerId ~= ARGV[9] or doc.shopId ~= ARGV[10] or doc.orderId ~= ARGV[11] then
    return redis.error_reply('ERR a case keeps its buyer, shop and order')
  end
  oldStatus = doc.status
elseif expected ~= 0 then
  return {'version_conflict', false}
end

if filingsKey and tonumber(redis.call('GET', filingsKey) or '0') ~= tonumber(ARGV[14]) then
  return {'order_conflict'}
end

local newStatusKey = nil
local oldStatusKey = nil
for i = 1, nStatus do
  if ARGV[15 + i] == ARGV[8] then newStatusKey = KEYS[8 + i] end
  if ARGV[15 + i] == oldStatus then oldStatusKey = KEYS[8 + i] end
end
if not newStatusKey then return redis.error_reply('ERR unknown case status ' .. ARGV[8]) end

local id = ARGV[7]
local createdAt = ARGV[6]
redis.call('SET', KEYS[1], ARGV[1])
redis.call('RPUSH', KEYS[2], ARGV[3])
if idemKey then redis.call('SET', idemKey, ARGV[12], 'PX', ARGV[13]) end
if filingsKey then redis.call('INCR', filingsKey) end
if ARGV[5] == '' then
  redis.call('ZREM', KEYS[3], id)
else
  redis.call('ZADD', KEYS[3], ARGV[5], id)
end
redis.call('ZADD', KEYS[5], createdAt, id)
redis.call('ZADD', KEYS[6], createdAt, id)
redis.call('ZADD', KEYS[7], createdAt, id)
redis.call('ZADD', KEYS[8], createdAt, id)
if oldStatusKey and oldStatusKey ~= newStatusKey then redis.call('ZREM', oldStatusKey, id) end
redis.call('ZADD', newStatusKey, createdAt, id)
redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[15], '*', 'event', ARGV[4])
return {'ok'}
`;

export const COMMIT_SCRIPT_SHA1 = createHash('sha1').update(COMMIT_SCRIPT).digest('hex');
