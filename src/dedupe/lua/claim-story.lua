--[[
  The dedupe decision as one Redis script, so "is this text already a story? if not, it is now
  one" is atomic across every worker (two copies of a wire story processed at the same moment
  still make one story). It touches the exact bucket, the band and anchor buckets, the records
  of the stories they name and the counter: a bounded number of keys whatever the corpus size.
  The rule itself is same-story.lua's functions, run before this file in the same script.

  Input:
  KEYS: exact bucket, band buckets…, anchor buckets…, story counter, the index's layout marker.
  ARGV: layout marker value, record key prefix, story id (8 bytes), sketch (one byte per hash),
        shingle count, numbers (short texts), record TTL (s), "written-at\ttitle\toutlet\turl",
        lead facts, known-facts Bloom filter, the text's facts, lead positions (one byte per
        hash, 1 where the text's minimum is a shingle of its lead), the long-shingle sample (2
        bytes a value, up to LONG_SENT), the rule's thirteen thresholds (ruleArgs), fields….
  Record layout: story id (8) · sketch · Bloom filter · long-shingle values kept (1 byte) ·
        those values (2 bytes each, the sample's first LONG_KEPT) ·
        "<shingles>\t<numbers>\t<lead facts>\t<written-at>\t<title>\t<outlet>\t<url>".
  A bucket field names its stories, newest first, comma-separated: one story almost always, a few
  where texts of one series or one event share a band or an anchor. A story whose record has
  expired (retention) no longer counts.
  Story records are read by computed name (not in KEYS): tinwatch needs a standalone Redis, as
  BullMQ's multi-key scripts do too.

  Constants (claim-script.ts): MAX_OWNERS, FIGURE_COST, LONG_SENT, LONG_KEPT, MIN_LONG_SAMPLE,
  and lead-facts.lua's.

  Output (read by claimStory in dedupe-index.ts):
    {'layout-mismatch', layout}  the index was built under another layout
    exact/near/self with the story joined, or new with the most alike related story
    (follow-up, same-series, same-event) when there is one
]]
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
local myLead = ARGV[9]
local myBloom = ARGV[10]
local myAll = ARGV[11]
local leadAt = {string.byte(ARGV[12], 1, k)}
local B = #myBloom
local myLong = ARGV[13]
local r = {minJ = tonumber(ARGV[14]), minC = tonumber(ARGV[15]), minCSize = tonumber(ARGV[16]),
  shortMax = tonumber(ARGV[17]), minNum = tonumber(ARGV[18]), minNames = tonumber(ARGV[19]),
  relJ = tonumber(ARGV[20]), relC = tonumber(ARGV[21]), copyC = tonumber(ARGV[22]),
  minKnown = tonumber(ARGV[23]), minLead = tonumber(ARGV[24]), longMaxJ = tonumber(ARGV[25]),
  minLongC = tonumber(ARGV[26])}
local F = 26
-- The values the index keeps of this text's long-shingle sample (long-shingles.ts storedSample).
local myKept = string.sub(myLong, 1, 2 * LONG_KEPT)
local a = {string.byte(mySketch, 1, k)}
local leadCount = 0
for x = 1, k do if leadAt[x] == 1 then leadCount = leadCount + 1 end end
local owners = {}
local records = {}
local best, bestJ, bestC, bestRec, bestScore
local rel, relKind, relJ, relC, relRec
for i = 1, n do
  local v = redis.call('HGET', KEYS[i], ARGV[F + i])
  owners[i] = v
  for num in string.gmatch(v or '', '[^,]+') do
    if records[num] == nil then
      local rec = redis.call('GET', prefix .. num)
      records[num] = rec or false
      if rec then
        if string.sub(rec, 1, 8) == myId then return {'self', num, rec, '1', '1'} end
        if i == 1 then return {'exact', num, rec, '1', '1'} end
        local b = {string.byte(rec, 9, 8 + k)}
        local eq, leadEq = 0, 0
        for x = 1, k do
          if a[x] == b[x] then
            eq = eq + 1
            if leadAt[x] == 1 then leadEq = leadEq + 1 end
          end
        end
        local nLong = string.byte(rec, 9 + k + B)
        local text = 10 + k + B + 2 * nLong
        local tab = string.find(rec, '\t', text, true)
        local tab2 = string.find(rec, '\t', tab + 1, true)
        local tab3 = string.find(rec, '\t', tab2 + 1, true)
        local size = tonumber(string.sub(rec, text, tab - 1))
        local numbers = string.sub(rec, tab + 1, tab2 - 1)
        local theirLead = string.sub(rec, tab2 + 1, tab3 - 1)
        local same, j, c, short = same_story(eq, k, mySize, size, myNumbers, numbers, r.minJ, r.minC, r.minCSize, r.shortMax)
        if same == 1 and j < r.longMaxJ then
          local lc = long_containment(myLong, LONG_SENT, rec, 10 + k + B, nLong, LONG_KEPT, MIN_LONG_SAMPLE)
          if phrases_only(j, lc, r) then same = 0 end
        end
        local leadShare = restated_lead(leadEq, leadCount, mySize, size, j)
        local kind = relate(same, j, c, short, math.min(mySize, size), myLead, theirLead, rec, 9 + k, myBloom, leadShare, r)
        if kind == 'same' then
          -- Of several stories a copy could join, its original is the most alike once each of the
          -- copy's figures the story lacks costs 0.05 of Jaccard: a column's days are all alike,
          -- their figures are not.
          local nn = new_facts(myAll, rec, 9 + k)
          local score = j - FIGURE_COST * nn
          if best == nil or score > bestScore then
            best, bestJ, bestC, bestRec, bestScore = num, j, c, rec, score
          end
        elseif kind ~= 'none' and (rel == nil or j > relJ) then
          rel, relKind, relJ, relC, relRec = num, kind, j, c, rec
        end
      end
    end
  end
end
if best then return {'near', best, bestRec, tostring(bestJ), tostring(bestC)} end
local num = redis.call('INCR', KEYS[n + 1])
local rec = myId .. mySketch .. myBloom .. string.char(#myKept / 2) .. myKept .. ARGV[5] .. '\t' .. myNumbers .. '\t' .. myLead .. '\t' .. ARGV[8]
redis.call('SET', prefix .. num, rec, 'EX', ARGV[7])
-- The new story heads each of its fields; the live stories already there stay behind it (up to
-- MAX_OWNERS in all), so a later copy of any of them still finds it.
for i = 1, n do
  local v = owners[i]
  local value = tostring(num)
  local kept = 1
  for other in string.gmatch(v or '', '[^,]+') do
    if records[other] and kept < MAX_OWNERS then
      value = value .. ',' .. other
      kept = kept + 1
    end
  end
  redis.call('HSET', KEYS[i], ARGV[F + i], value)
end
if rel then return {'new', tostring(num), rec, '0', '0', relKind, relRec, tostring(relJ), tostring(relC)} end
return {'new', tostring(num), rec, '0', '0'}
