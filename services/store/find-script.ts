import { createHash } from 'node:crypto';

/**
 * A case query in one round trip: the ids from one index by created-time range, then their documents. The
 * document keys are built from ARGV[3] (the case-document key prefix): a read, so the one-hash-slot rule of the
 * atomic writes does not apply. MGET goes in slices so a large index cannot exceed Lua's stack.
 * KEYS[1] = index; ARGV[1] = min score, ARGV[2] = max score, ARGV[3] = case-document key prefix.
 */
export const FIND_SCRIPT = `
local ids = redis.call('ZRANGE', KEYS[1], ARGV[1], ARGV[2], 'BYSCORE')
local out = {}
local slice = {}
for i = 1, #ids do
  slice[#slice + 1] = ARGV[3] .. ids[i]
  if #slice == 500 or i == #ids then
    local docs = redis.call('MGET', unpack(slice))
    for j = 1, #docs do out[#out + 1] = docs[j] end
    slice = {}
  end
end
return out
`;

export const FIND_SCRIPT_SHA1 = createHash('sha1').update(FIND_SCRIPT).digest('hex');
