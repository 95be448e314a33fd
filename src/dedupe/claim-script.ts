// The dedupe decision as one Redis script, so "is this text already a story? if not, it is now
// one" is atomic across every worker (two copies of a wire story processed at the same moment
// still make one story). It touches the exact bucket, the 16 band buckets, at most 17 story
// records and the counter: a bounded number of keys whatever the corpus size.
//
// KEYS: exact bucket, band buckets…, story counter, the index's bucket-bits marker.
// ARGV: bucket bits, record key prefix, story id (8 bytes), sketch (64 bytes), shingle count, record TTL (s),
//       "outlet\turl", min Jaccard, min containment, min shingles for containment, fields….
// Record layout: story id (8) · sketch (64) · "<shingles>\t<outlet>\t<url>".
// A bucket field whose story record has expired (retention) counts as free.
// Story records are read by computed name (not in KEYS): tinwatch needs a standalone Redis, as
// BullMQ's multi-key scripts do too.
export const CLAIM_SCRIPT = `
local n = #KEYS - 2
local bits = redis.call('GET', KEYS[n + 2])
if bits and bits ~= ARGV[1] then return {'bits-mismatch', bits} end
if not bits then redis.call('SET', KEYS[n + 2], ARGV[1]) end
table.remove(ARGV, 1)
local prefix = ARGV[1]
local myId = ARGV[2]
local mySketch = ARGV[3]
local mySize = tonumber(ARGV[4])
local minJ = tonumber(ARGV[7])
local minC = tonumber(ARGV[8])
local minCSize = tonumber(ARGV[9])
local a = {string.byte(mySketch, 1, 64)}
local owners = {}
local records = {}
local best, bestJ, bestRec
for i = 1, n do
  local v = redis.call('HGET', KEYS[i], ARGV[9 + i])
  owners[i] = v
  if v and records[v] == nil then
    local rec = redis.call('GET', prefix .. v)
    records[v] = rec or false
    if rec then
      if string.sub(rec, 1, 8) == myId then return {'self', v, rec, '1'} end
      if i == 1 then return {'exact', v, rec, '1'} end
      local b = {string.byte(rec, 9, 72)}
      local eq = 0
      for k = 1, 64 do if a[k] == b[k] then eq = eq + 1 end end
      local j = (eq / 64 - 1 / 256) / (1 - 1 / 256)
      if j < 0 then j = 0 end
      local tab = string.find(rec, '\\t', 73, true)
      local size = tonumber(string.sub(rec, 73, tab - 1))
      local small = math.min(mySize, size)
      local c = 0
      if small >= minCSize then c = (j * (mySize + size) / (1 + j)) / small end
      if (j >= minJ or c >= minC) and (best == nil or j > bestJ) then
        best = v
        bestJ = j
        bestRec = rec
      end
    end
  end
end
if best then return {'near', best, bestRec, tostring(bestJ)} end
local num = redis.call('INCR', KEYS[n + 1])
local rec = myId .. mySketch .. ARGV[4] .. '\\t' .. ARGV[6]
redis.call('SET', prefix .. num, rec, 'EX', ARGV[5])
for i = 1, n do
  local v = owners[i]
  if not v or records[v] == false then redis.call('HSET', KEYS[i], ARGV[9 + i], num) end
end
return {'new', tostring(num), rec, '0'}
`;
