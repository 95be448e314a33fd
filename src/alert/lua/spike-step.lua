--[[
  One step of a spike rule: record a match, then decide (spike-check.ts).
  KEYS[1] the rule's matches (sorted set: story id by publication time)
  KEYS[2] the rule's active spike mark
  ARGV[1] now (ms)            ARGV[2] window (ms)          ARGV[3] baseline (ms, 7 days)
  ARGV[4] factor               ARGV[5] minimum matches      ARGV[6] the match's story id
  ARGV[7] its publication (ms) ARGV[8] the mark's TTL (s)   ARGV[9] now as ISO 8601
  Returns {state ('fire' | 'active' | 'calm'), matches in the window, usual per window, spike JSON or ''}.
]]
local now = tonumber(ARGV[1])
local w = tonumber(ARGV[2])
local b = tonumber(ARGV[3])
local factor = tonumber(ARGV[4])
local minm = tonumber(ARGV[5])
local member = ARGV[6]
local score = tonumber(ARGV[7])
local added = redis.call('ZADD', KEYS[1], score, member)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. (now - w - b))
redis.call('PEXPIRE', KEYS[1], w + b + 86400000)
local count = redis.call('ZCOUNT', KEYS[1], '(' .. (now - w), '+inf')
local base = redis.call('ZCOUNT', KEYS[1], '(' .. (now - w - b), now - w)
local usual = base * w / b
local function hot(c) return c >= minm and c > factor * usual end
local fresh = 0
if added == 1 and score > now - w then fresh = 1 end
local active = redis.call('GET', KEYS[2])
if active then
  if cjson.decode(active).id == member then return {'fire', count, tostring(usual), active} end
  if hot(count - fresh) then return {'active', count, tostring(usual), active} end
  redis.call('DEL', KEYS[2])
end
if hot(count) then
  local spike = cjson.encode({id = member, at = ARGV[9]})
  redis.call('SET', KEYS[2], spike, 'EX', tonumber(ARGV[8]))
  return {'fire', count, tostring(usual), spike}
end
return {'calm', count, tostring(usual), ''}
