// The dedupe decision as one Redis script, so "is this text already a story? if not, it is now
// one" is atomic across every worker (two copies of a wire story processed at the same moment
// still make one story). It touches the exact bucket, the band and anchor buckets, the records
// of the stories they name and the counter: a bounded number of keys whatever the corpus size.
// The rule itself is same-story.ts's Lua function, prepended here, not restated.
//
// KEYS: exact bucket, band buckets…, anchor buckets…, story counter, the index's layout marker.
// ARGV: layout marker value, record key prefix, story id (8 bytes), sketch (one byte per hash),
//       shingle count, numbers (short texts), record TTL (s), "written-at\toutlet\turl", the
//       rule's four thresholds (ruleArgs), fields….
// Record layout: story id (8) · sketch · "<shingles>\t<numbers>\t<written-at>\t<outlet>\t<url>".
// A bucket field whose story record has expired (retention) counts as free.
// Story records are read by computed name (not in KEYS): tinwatch needs a standalone Redis, as
// BullMQ's multi-key scripts do too.
import { SAME_STORY_LUA } from './same-story.js';

export const CLAIM_SCRIPT = `${SAME_STORY_LUA}
local n = #KEYS - 2
local layout = redis.call('GET', KEYS[n + 2])
if layout and layout ~= ARGV[1] then return {'layout-mismatch', layout} end
if not layout then redis.call('SET', KEYS[n + 2], ARGV[1]) end
local prefix = ARGV[2]
local myId = ARGV[3]
local mySketch = ARGV[4]
local k = #mySketch
local mySize = tonumber(ARGV[5])
local myNumbers = ARGV[6]
local minJ, minC, minCSize, shortMax = tonumber(ARGV[9]), tonumber(ARGV[10]), tonumber(ARGV[11]), tonumber(ARGV[12])
local F = 12
local a = {string.byte(mySketch, 1, k)}
local owners = {}
local records = {}
local best, bestJ, bestC, bestRec
for i = 1, n do
  local v = redis.call('HGET', KEYS[i], ARGV[F + i])
  owners[i] = v
  if v and records[v] == nil then
    local rec = redis.call('GET', prefix .. v)
    records[v] = rec or false
    if rec then
      if string.sub(rec, 1, 8) == myId then return {'self', v, rec, '1', '1'} end
      if i == 1 then return {'exact', v, rec, '1', '1'} end
      local b = {string.byte(rec, 9, 8 + k)}
      local eq = 0
      for x = 1, k do if a[x] == b[x] then eq = eq + 1 end end
      local tab = string.find(rec, '\\t', 9 + k, true)
      local tab2 = string.find(rec, '\\t', tab + 1, true)
      local size = tonumber(string.sub(rec, 9 + k, tab - 1))
      local numbers = string.sub(rec, tab + 1, tab2 - 1)
      local same, j, c = same_story(eq, k, mySize, size, myNumbers, numbers, minJ, minC, minCSize, shortMax)
      if same == 1 and (best == nil or j > bestJ) then
        best, bestJ, bestC, bestRec = v, j, c, rec
      end
    end
  end
end
if best then return {'near', best, bestRec, tostring(bestJ), tostring(bestC)} end
local num = redis.call('INCR', KEYS[n + 1])
local rec = myId .. mySketch .. ARGV[5] .. '\\t' .. myNumbers .. '\\t' .. ARGV[8]
redis.call('SET', prefix .. num, rec, 'EX', ARGV[7])
for i = 1, n do
  local v = owners[i]
  if not v or records[v] == false then redis.call('HSET', KEYS[i], ARGV[F + i], num) end
end
return {'new', tostring(num), rec, '0', '0'}
`;
