-- wrk script: cycle through the paths in the file named by WRK_PATHS (one per line) and print
-- one JSON line with throughput and latency percentiles at the end.
local paths = {}
local counter = 0

local function load_paths()
  local name = os.getenv("WRK_PATHS")
  if name then
    for line in io.lines(name) do
      if #line > 0 then paths[#paths + 1] = line end
    end
  end
end

load_paths()

function setup(thread)
  thread:set("offset", counter)
  counter = counter + 7
end

request = function()
  if #paths == 0 then
    return wrk.format(nil)
  end
  offset = (offset or 0) + 1
  return wrk.format(nil, paths[(offset % #paths) + 1])
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout + summary.errors.status
  io.write(string.format(
    'WRK_JSON {"requests": %d, "seconds": %.3f, "rps": %.1f, "p50_ms": %.2f, "p95_ms": %.2f, ' ..
    '"p99_ms": %.2f, "max_ms": %.2f, "errors": %d, "non_2xx_3xx": %d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, errors, summary.errors.status))
end
