#pragma once
// The read queries of the finder on one snapshot: nearest, area and list, with filters and paging.
// Value types in, location numbers (indexes into Snapshot::locations()) and distances out, in the order
// the API answers them; no HTTP and no JSON, so the endpoints, the benchmarks and tools share one home.
#include "geo/coordinates.hpp"
#include "geo/location_filter.hpp"
#include "geo/location_index.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace ido::geo {

class Snapshot;

/// The nearest matching help points to `origin`, nearest first (ties by lower index, i.e. by id).
/// With `max_afstand_m`: every match within that radius; else the `offset + limit` nearest (plus one, to
/// know whether a next page exists). The page is the `limit` answers after the first `offset`.
struct NearestQuery {
    RdPoint origin;
    LocationFilter filter;
    std::size_t limit = 10;
    std::size_t offset = 0;
    std::optional<double> max_afstand_m;
};
struct NearestResult {
    std::vector<Neighbour> page;
    bool more = false;  ///< a match exists after the page
};
NearestResult nearest(const Snapshot& snapshot, const NearestQuery& query);

/// Every matching help point, ascending by index (= by id). A box goes through the snapshot's spatial
/// index instead of a scan of all locations.
std::vector<std::size_t> area(const Snapshot& snapshot, const LocationFilter& filter);

/// The matching help points by id, `limit` of them after id `after` (the `na` of the previous page).
struct ListQuery {
    LocationFilter filter;
    std::size_t limit = 100;
    std::optional<std::string> after;
};
struct ListResult {
    std::vector<std::size_t> page;
    bool more = false;  ///< a match exists after the page's last help point
};
ListResult list(const Snapshot& snapshot, const ListQuery& query);

}  // namespace ido::geo
