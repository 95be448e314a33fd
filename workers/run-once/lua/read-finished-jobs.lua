--[[
  Reads a queue's events stream after a given entry and returns only the finished jobs: their
  kind, id and value, so the process does not parse the four other events BullMQ writes per job.
  BullMQ writes these as: event <kind> jobId <id> returnvalue|failedReason <value> prev <state>.

  Input:
    KEYS[1] the queue's events stream
    ARGV[1] the id of the last entry already read (exclusive start), '0' at first
    ARGV[2] how many entries one call looks at

  Output:
    {last, looked, finished}
      last      the id of the last entry looked at (ARGV[1] when none)
      looked    how many entries were looked at
      finished  flattened triples: 'completed'|'failed', job id, returnvalue or failedReason
]]
local entries = redis.call('XRANGE', KEYS[1], '(' .. ARGV[1], '+', 'COUNT', tonumber(ARGV[2]))
local out = {}
local last = ARGV[1]
for i = 1, #entries do
  local e = entries[i]
  last = e[1]
  local f = e[2]
  if f[1] == 'event' and (f[2] == 'completed' or f[2] == 'failed') then
    local jobId = nil
    local value = ''
    for k = 3, #f - 1, 2 do
      if f[k] == 'jobId' then jobId = f[k + 1]
      elseif f[k] == 'returnvalue' or f[k] == 'failedReason' then value = f[k + 1] end
    end
    if jobId then
      out[#out + 1] = f[2]
      out[#out + 1] = jobId
      out[#out + 1] = value
    end
  end
end
return {last, #entries, out}
