--[[
  Lead facts, the Lua statement of lead-facts.ts's newFacts, leadFactCount, sameTemplate,
  titleNumbersDisagree and titleDatesDisagree: functions only, run before same-story.lua and claim-story.lua in one
  script. A story's lead facts are 9-character entries: a kind ('n' number, 'p' name, 't' title number, 'T' title date, 'w' template word) and 8
  hex digits of the fact's hash. The Bloom filter of a story's known facts is read in place from
  a string at an offset (a story record), so no copy is made per candidate.

  Constants (lead-facts.ts, from config/dedupe.ts):
    FACT_BLOOM_BITS  the known-facts Bloom filter's size in bits
    TEMPLATE_WORDS   the lowest word hashes of two leads compared for a shared template

  Functions:
    new_facts(lead, bloom, off)         -> numbers, names: facts of lead not in the filter
    lead_fact_count(lead)               -> facts the lead states (template words left out)
    same_template(x, y)                 -> true when half the template words are shared
    title_numbers_disagree(x, y)        -> true when each title has a number (or date) the other lacks
    title_dates_disagree(x, y)          -> true when each title has a date the other lacks
]]
local function fact_known(bloom, off, h)
  local bits = FACT_BLOOM_BITS
  local hs = {h % 1024, math.floor(h / 1024) % 1024, math.floor(h / 1048576) % 1024}
  for _, p in ipairs(hs) do
    p = p % bits
    local byte = string.byte(bloom, off + math.floor(p / 8))
    if math.floor(byte / 2 ^ (p % 8)) % 2 == 0 then return false end
  end
  return true
end

local function new_facts(lead, bloom, off)
  local numbers, names = 0, 0
  for i = 1, #lead - 8, 9 do
    if string.sub(lead, i, i) ~= 'w' and not fact_known(bloom, off, tonumber(string.sub(lead, i + 1, i + 8), 16)) then
      if string.sub(lead, i, i) == 'p' then names = names + 1 else numbers = numbers + 1 end
    end
  end
  return numbers, names
end

local function lead_fact_count(lead)
  local n = 0
  for i = 1, #lead - 8, 9 do if string.sub(lead, i, i) ~= 'w' then n = n + 1 end end
  return n
end

local function template_words(x)
  local out = {}
  for i = 1, #x - 8, 9 do
    if string.sub(x, i, i) == 'w' then out[#out + 1] = tonumber(string.sub(x, i + 1, i + 8), 16) end
  end
  return out
end

local function same_template(x, y)
  local wx, wy = template_words(x), template_words(y)
  if #wx == 0 or #wy == 0 then return false end
  local inx, iny, all = {}, {}, {}
  for _, v in ipairs(wx) do inx[v] = true; all[#all + 1] = v end
  for _, v in ipairs(wy) do
    iny[v] = true
    if not inx[v] then all[#all + 1] = v end
  end
  table.sort(all)
  local shared = 0
  for i = 1, math.min(TEMPLATE_WORDS, #all) do if inx[all[i]] and iny[all[i]] then shared = shared + 1 end end
  return shared >= TEMPLATE_WORDS / 2
end

local function each_lacks(kinds, x, y)
  local sx, sy = {}, {}
  for i = 1, #x - 8, 9 do if string.find(kinds, string.sub(x, i, i), 1, true) then sx[string.sub(x, i + 1, i + 8)] = true end end
  for i = 1, #y - 8, 9 do if string.find(kinds, string.sub(y, i, i), 1, true) then sy[string.sub(y, i + 1, i + 8)] = true end end
  local xOnly, yOnly = false, false
  for v in pairs(sx) do if not sy[v] then xOnly = true end end
  for v in pairs(sy) do if not sx[v] then yOnly = true end end
  return xOnly and yOnly
end

local function title_numbers_disagree(x, y) return each_lacks('tT', x, y) end

local function title_dates_disagree(x, y) return each_lacks('T', x, y) end
