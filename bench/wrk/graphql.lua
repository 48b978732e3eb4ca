-- wrk script for bench/run.sh: POSTs one GraphQL request on every request of the run.
--   BENCH_BODY_FILE  file holding the JSON request body (rendered by run.sh from bench/queries/*.graphql,
--                    the same bytes its curl check sent)
--   BENCH_TOKEN      bearer token, the same for every request; empty: no Authorization header
-- Counts non-2xx responses and 2xx responses carrying GraphQL "errors" (the API reports most failures,
-- authorization included, as HTTP 200 with errors), prints one BENCH_RESULT line for run.sh and exits
-- non-zero when any request failed, so a broken query can never pass as a fast one.

local function read_file(path)
  local f = assert(io.open(assert(path, "BENCH_BODY_FILE is not set"), "rb"))
  local text = f:read("*a")
  f:close()
  return text
end

wrk.method = "POST"
wrk.body = read_file(os.getenv("BENCH_BODY_FILE"))
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json"
-- An empty BENCH_TOKEN sends no Authorization header (public queries such as nearestSites).
local token = assert(os.getenv("BENCH_TOKEN"), "BENCH_TOKEN is not set")
if token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end

-- Each wrk thread runs its own Lua state; setup() keeps the thread handles so done() can add up
-- the per-thread counters below.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

non2xx = 0
graphql_errors = 0

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  elseif body:find('"errors"', 1, true) then
    graphql_errors = graphql_errors + 1
  end
end

function done(summary, latency, requests)
  local bad_status, bad_body = 0, 0
  for _, thread in ipairs(threads) do
    bad_status = bad_status + thread:get("non2xx")
    bad_body = bad_body + thread:get("graphql_errors")
  end
  local e = summary.errors
  local socket_errors = e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "BENCH_RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d graphql_errors=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, bad_status, bad_body, socket_errors))
  if bad_status + bad_body + socket_errors > 0 then
    io.stderr:write(string.format("FAILED: %d non-2xx responses, %d responses with GraphQL errors, %d socket errors\n",
      bad_status, bad_body, socket_errors))
    os.exit(1)
  end
end
