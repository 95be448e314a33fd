--[[
  Gives a story its NNN sequence number, once: a story asked again (a retried job) gets the number
  it was first given; a new one takes the next number of the output folder's counter. Refuses
  while Redis does not hold the output folder's record (a Redis that lost its data would start
  the counter at 0 again and repeat every file number).

  Input:
    KEYS[1] the folder's sequence counter (INCR)
    KEYS[2] hash: story id -> its number
    KEYS[3] the output folder's record (must exist)
    ARGV[1] story id

  Constants (sequence.ts): NO_RECORD, the error text that names a missing folder record.

  Output:
    the story's number (0-based), or an error reply NO_RECORD
]]
local existing = redis.call('HGET', KEYS[2], ARGV[1])
if existing then return tonumber(existing) end
if redis.call('EXISTS', KEYS[3]) == 0 then return redis.error_reply(NO_RECORD) end
local n = redis.call('INCR', KEYS[1]) - 1
redis.call('HSET', KEYS[2], ARGV[1], n)
return n
