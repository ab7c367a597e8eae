-- Shared by every wrk script of bench/http: one machine-readable line at the end of a run.
-- wrk calls done() once with the merged statistics of all its threads.
function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d rps=%.0f bytes_per_req=%.0f p50_us=%d p99_us=%d max_us=%d err_connect=%d err_read=%d err_write=%d err_status=%d err_timeout=%d\n",
    summary.requests, summary.requests / seconds, summary.bytes / math.max(summary.requests, 1),
    latency:percentile(50), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout))
end
