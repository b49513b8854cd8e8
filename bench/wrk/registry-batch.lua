-- wrk script: the selection variant of registry.lua. Transfers (80 %) and retirements (20 %) through the REST API,
-- each naming a batch the sending account holds ("batch": its serial prefix), so that the registry takes that
-- batch's lowest serials rather than the largest blocks first. Each request is signed with the sending account
-- owner's API token and carries its own Idempotency-Key. Reads "accountId token batch" lines from the file named by
-- the environment variable BATCHES (one line per account and batch it holds). Prints the answers by status.
local holdings = {}
local accounts = {}
local seen = {}
for line in io.lines(os.getenv("BATCHES")) do
  local id, token, batch = line:match("^(%d+)%s+(%S+)%s+(%S+)")
  if id then
    holdings[#holdings + 1] = { id = id, token = token, batch = batch }
    if not seen[id] then
      seen[id] = true
      accounts[#accounts + 1] = id
    end
  end
end

local threads = {}
local counter = 0
local prefix

function setup(thread)
  thread:set("thread_number", #threads + 1)
  threads[#threads + 1] = thread
end

function init(args)
  statuses = {}
  math.randomseed(os.time() * 1000 + thread_number)
  prefix = string.format("wrk-batch-%d-%d-%d-", os.time(), thread_number, math.random(1, 1000000000))
end

function request()
  counter = counter + 1
  local from = holdings[math.random(#holdings)]
  local to = accounts[math.random(#accounts)]
  local headers = {
    ["Authorization"] = "Bearer " .. from.token,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = prefix .. counter,
  }
  if math.random(10) <= 8 and from.id ~= to then
    local body = string.format('{"fromAccountId":%s,"toAccountId":%s,"creditUnits":%d,"batch":"%s"}', from.id, to,
      math.random(100), from.batch)
    return wrk.format("POST", "/api/v1/registry/transfers", headers, body)
  end
  local body = string.format('{"fromAccountId":%s,"creditUnits":%d,"beneficiary":"bench","purpose":"OTHER",'
    .. '"emissionsOffset":"bench","batch":"%s"}', from.id, math.random(3), from.batch)
  return wrk.format("POST", "/api/v1/registry/retirements", headers, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    local counts = thread:get("statuses")
    for status, n in pairs(counts) do totals[status] = (totals[status] or 0) + n end
  end
  local parts = {}
  for status, n in pairs(totals) do parts[#parts + 1] = status .. "=" .. n end
  table.sort(parts)
  io.write(string.format("answers: %s\n", table.concat(parts, " ")))
  io.write(string.format("latency ms: p50 %.1f, p95 %.1f, p99 %.1f\n", latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
