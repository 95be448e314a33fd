--[[
  Same story, the Lua statement of same-story.ts's judgeSimilarity and relateStories: functions
  only, run after lead-facts.lua and before claim-story.lua in one script.

  Functions:
    same_story(eq, k, a, b, na, nb, minJ, minC, minCSize, shortMax)
        -> same (1/0), Jaccard, containment, and 1 when the short-text rule refused
           (eq: equal sketch bytes of k; a, b: shingle counts; na, nb: numbers of short texts)
    restated_lead(leadEqual, leadAt, mySize, theirSize, j)
        -> the estimated share of the new text's lead inside the other (restated-lead.ts)
    long_containment(a, kA, b, off, nb, kB, minSample)
        -> long_containment of long-shingles.ts: a, a whole string of 2-byte values (full at kA);
           nb values of b read from offset off (full at kB); -1 under minSample values
    phrases_only(j, lc, r)
        -> true when the pair shares phrases, not sentences (long-shingles.ts sharesPhrasesOnly)
    relate(same, j, c, short, small, myLead, theirLead, theirBloom, theirOff, myBloom, leadShare, r)
        -> 'same', a relation kind ('follow-up', 'same-series', 'same-event') or 'none'
           (myBloom: the new text's known facts, a string read from offset 1; leadShare:
           restated_lead's; r: the rule's thresholds, read from ARGV by the calling script)
]]
local function numbers_disagree(x, y)
  local sx, sy = {}, {}
  for i = 1, #x - 3, 4 do sx[string.sub(x, i, i + 3)] = true end
  for i = 1, #y - 3, 4 do sy[string.sub(y, i, i + 3)] = true end
  local xOnly, yOnly = false, false
  for v in pairs(sx) do if not sy[v] then xOnly = true end end
  for v in pairs(sy) do if not sx[v] then yOnly = true end end
  return xOnly and yOnly
end

local function same_story(eq, k, a, b, na, nb, minJ, minC, minCSize, shortMax)
  local j = (eq / k - 1 / 256) / (1 - 1 / 256)
  if j < 0 then j = 0 end
  local small = math.min(a, b)
  local large = math.max(a, b)
  local c = 0
  if small > 0 then c = math.min(1, (j * (a + b) / (1 + j)) / small) end
  local same = j >= minJ or (small >= minCSize and c >= minC)
  if same and large < shortMax and numbers_disagree(na, nb) then return 0, j, c, 1 end
  if same then return 1, j, c, 0 end
  return 0, j, c, 0
end

local function restated_lead(leadEqual, leadAt, mySize, theirSize, j)
  if leadAt == 0 or mySize == 0 then return 0 end
  local p = (leadEqual / leadAt - 1 / 256) / (1 - 1 / 256)
  if p < 0 then p = 0 end
  local union = (mySize + theirSize) / (1 + j)
  return math.min(1, (p * union) / mySize)
end

local function u16(s, i) local x, y = string.byte(s, i, i + 1) return x * 256 + y end

local function long_containment(a, kA, b, off, nb, kB, minSample)
  local na = math.floor(#a / 2)
  local cutA, cutB = 65535, 65535
  if na >= kA then cutA = u16(a, na * 2 - 1) end
  if nb >= kB then cutB = u16(b, off + nb * 2 - 2) end
  local cut = math.min(cutA, cutB)
  local i, j, inA, inB, both = 0, 0, 0, 0, 0
  while i < na or j < nb do
    local x, y = 65536, 65536
    if i < na then x = u16(a, i * 2 + 1) end
    if j < nb then y = u16(b, off + j * 2) end
    local v = math.min(x, y)
    if v > cut then break end
    if x == v then inA = inA + 1; i = i + 1 end
    if y == v then inB = inB + 1; j = j + 1 end
    if x == v and y == v then both = both + 1 end
  end
  local small = math.min(inA, inB)
  if small < minSample then return -1 end
  return both / small
end

local function phrases_only(j, lc, r)
  return j < r.longMaxJ and lc >= 0 and lc < r.minLongC
end

local function relate(same, j, c, short, small, myLead, theirLead, theirBloom, theirOff, myBloom, leadShare, r)
  if short == 1 then return 'same-series' end
  if same == 1 then
    -- Headlines dated on different days (same-story.ts): two days, whatever the lead says.
    if title_dates_disagree(myLead, theirLead) then
      if same_template(myLead, theirLead) then return 'same-series' end
      return 'follow-up'
    end
    local numbers, names = new_facts(myLead, theirBloom, theirOff)
    if numbers < r.minNum and names < r.minNames then return 'same' end
    local dropped = new_facts(theirLead, myBloom, 1)
    if title_numbers_disagree(myLead, theirLead) and same_template(myLead, theirLead) and (numbers > 0 or dropped > 0) then
      return 'same-series'
    end
    -- An expanded copy (same-story.ts expandedCopy): holds the other, restates its lead, keeps its figures.
    local added = numbers + names
    local known = lead_fact_count(myLead) - added
    if c >= r.copyC and known >= r.minKnown and known > added and dropped == 0 then return 'same' end
    -- A lead rewritten around a name (same-story.ts restatedLeadCopy): names only, mostly the other's words.
    if c >= r.copyC and numbers == 0 and leadShare >= r.minLead and dropped == 0 then return 'same' end
    return 'follow-up'
  end
  if j >= r.relJ or (small >= r.minCSize and c >= r.relC) then return 'same-event' end
  return 'none'
end
