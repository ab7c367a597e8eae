-- The nearest query at several positions across the Netherlands, in turn. With NGINX_FILES=1 the same
-- rotation asks nginx for static files of exactly the size of each answer (see run.sh).
dofile(os.getenv("BENCH_HTTP_DIR") .. "/report.lua")

positions = {
  {52.3676, 4.9041},  -- Amsterdam
  {51.9244, 4.4777},  -- Rotterdam
  {52.0907, 5.1214},  -- Utrecht
  {53.2194, 6.5665},  -- Groningen
  {50.8514, 5.6910},  -- Maastricht
  {52.5168, 6.0830},  -- Zwolle
  {51.4416, 5.4697},  -- Eindhoven
  {53.1640, 5.7812},  -- Leeuwarden
}
local counter = 0
local static = os.getenv("NGINX_FILES") == "1"

request = function()
  counter = counter + 1
  local i = (counter % #positions) + 1
  local path
  if static then
    path = "/nearest-" .. i .. ".json"
  else
    path = string.format("/v1/informatiepunten?lat=%.4f&lon=%.4f&limit=10", positions[i][1], positions[i][2])
  end
  return wrk.format("GET", path)
end
