#include "geo/query.hpp"

#include "geo/opening.hpp"
#include "geo/snapshot.hpp"

#include <algorithm>

namespace ido::geo {

bool LocationFilter::accepts(const Snapshot& snapshot, std::size_t index) const {
    const Location& l = snapshot.locations()[index];
    if (municipality && snapshot.municipality_of(index) != *municipality) return false;
    for (const auto& code : diensten)
        if (!std::binary_search(l.diensten.begin(), l.diensten.end(), code)) return false;
    // "Not by appointment" means no help desk works by appointment and the record does not say it does.
    if (op_afspraak && (*op_afspraak ? !l.afspraak_mogelijk : (l.afspraak_mogelijk || l.op_afspraak != false))) return false;
    if (inloop && l.inloop != *inloop) return false;
    if (zonder_gegenereerd && l.gegenereerd) return false;
    for (const auto at : open_at)
        if (opening_state(l, at) != hours::State::open) return false;
    if (box && !box->contains(l)) return false;
    return true;
}

namespace {

// The candidates of a box from the spatial index of its space (ascending); nullopt without a box.
std::optional<std::vector<std::size_t>> box_candidates(const Snapshot& snapshot, const LocationFilter& filter) {
    if (!filter.box) return std::nullopt;
    const AreaBox& b = *filter.box;
    const RdBox box{{b.min_x, b.min_y}, {b.max_x, b.max_y}};
    return b.space == AreaBox::Space::rd ? snapshot.index().within_box(box) : snapshot.lon_lat_index().within_box(box);
}

}  // namespace

NearestResult nearest(const Snapshot& snapshot, const NearestQuery& query) {
    // Every filter in one predicate, applied while the index searches, so a rare service or "open now"
    // still yields `limit` answers when there are that many.
    LocationIndex::Filter accept;
    if (!query.filter.empty()) accept = [&](std::size_t i) { return query.filter.accepts(snapshot, i); };
    const auto found = query.max_afstand_m ? snapshot.index().within_radius(query.origin, *query.max_afstand_m, accept)
                                           : snapshot.index().nearest(query.origin, query.offset + query.limit + 1, accept);
    NearestResult result;
    const std::size_t first = std::min(query.offset, found.size());
    const std::size_t last = std::min(found.size(), first + query.limit);
    result.page.assign(found.begin() + static_cast<std::ptrdiff_t>(first), found.begin() + static_cast<std::ptrdiff_t>(last));
    result.more = found.size() > query.offset + query.limit;
    return result;
}

std::vector<std::size_t> area(const Snapshot& snapshot, const LocationFilter& filter) {
    std::vector<std::size_t> matched;
    if (auto candidates = box_candidates(snapshot, filter)) {
        for (const std::size_t i : *candidates)
            if (filter.accepts(snapshot, i)) matched.push_back(i);
        return matched;
    }
    for (std::size_t i = 0; i < snapshot.locations().size(); ++i)
        if (filter.empty() || filter.accepts(snapshot, i)) matched.push_back(i);
    return matched;
}

ListResult list(const Snapshot& snapshot, const ListQuery& query) {
    ListResult result;
    const std::size_t start = query.after ? snapshot.first_after(*query.after) : 0;
    auto take = [&](auto first, auto last) {
        for (; first != last; ++first) {
            const std::size_t i = *first;
            if (!query.filter.empty() && !query.filter.accepts(snapshot, i)) continue;
            if (result.page.size() == query.limit) {
                result.more = true;  // a later match exists
                return;
            }
            result.page.push_back(i);
        }
    };
    if (auto candidates = box_candidates(snapshot, query.filter)) {
        take(std::lower_bound(candidates->begin(), candidates->end(), start), candidates->end());
    } else {
        // Every location from `start`, without building a vector of their numbers.
        struct Counter {
            std::size_t i;
            std::size_t operator*() const { return i; }
            Counter& operator++() { return ++i, *this; }
            bool operator!=(const Counter& o) const { return i != o.i; }
        };
        take(Counter{start}, Counter{snapshot.locations().size()});
    }
    // Without a page there is no next link either (the caller names the page's last id).
    if (result.page.empty()) result.more = false;
    return result;
}

}  // namespace ido::geo
