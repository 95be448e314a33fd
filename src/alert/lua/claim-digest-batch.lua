--[[
  Claims a digest's pending stories into the batch named after its job, atomically: stories that
  arrive meanwhile wait for the next digest, and a retried job finds its batch already claimed
  and sends the same one again.

  Input:
    KEYS[1] hash of the rule's pending stories on this channel (renamed away when claimed)
    KEYS[2] the job's batch hash

  Output:
    1  the batch exists (claimed now or by an earlier attempt)
    0  nothing pending: an empty digest
]]
if redis.call('EXISTS', KEYS[2]) == 1 then return 1 end
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('RENAME', KEYS[1], KEYS[2])
return 1
