#include "geo/location_index.hpp"

#include <algorithm>
#include <cmath>

namespace ido::geo {
namespace {

constexpr std::size_t node_capacity = 8;

double squared(double v) { return v * v; }

double squared_distance(RdPoint a, RdPoint b) { return squared(a.x - b.x) + squared(a.y - b.y); }

bool nearer(const Neighbour& a, const Neighbour& b) {
    return a.distance_m < b.distance_m || (a.distance_m == b.distance_m && a.index < b.index);
}

// Sort-Tile-Recursive order of `items` (by their centre): sqrt(n / capacity) vertical slices sorted by x,
// each slice sorted by y, so that consecutive runs of `node_capacity` items form compact rectangles.
template <typename Item, typename Centre>
void str_order(std::vector<Item>& items, Centre centre) {
    const std::size_t leaves = (items.size() + node_capacity - 1) / node_capacity;
    const auto slices = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(leaves))));
    const std::size_t per_slice = slices * node_capacity;
    std::sort(items.begin(), items.end(), [&](const Item& a, const Item& b) { return centre(a).x < centre(b).x; });
    for (std::size_t start = 0; start < items.size(); start += per_slice) {
        auto end = items.begin() + static_cast<std::ptrdiff_t>(std::min(items.size(), start + per_slice));
        std::sort(items.begin() + static_cast<std::ptrdiff_t>(start), end,
                  [&](const Item& a, const Item& b) { return centre(a).y < centre(b).y; });
    }
}

}  // namespace

LocationIndex::LocationIndex(std::vector<RdPoint> points) : points_(std::move(points)) {
    if (points_.empty()) return;
    entries_.resize(points_.size());
    for (std::uint32_t i = 0; i < entries_.size(); ++i) entries_[i] = i;
    str_order(entries_, [&](std::uint32_t i) { return points_[i]; });
    ordered_.reserve(entries_.size());
    for (std::uint32_t e : entries_) ordered_.push_back(points_[e]);

    // Leaves over runs of entries.
    std::vector<std::uint32_t> level;
    for (std::size_t start = 0; start < entries_.size(); start += node_capacity) {
        Node leaf{INFINITY, INFINITY, -INFINITY, -INFINITY, static_cast<std::uint32_t>(start),
                  static_cast<std::uint32_t>(std::min(node_capacity, entries_.size() - start)), true};
        for (std::uint32_t e = leaf.first; e < leaf.first + leaf.count; ++e) {
            const RdPoint& p = points_[entries_[e]];
            leaf.min_x = std::min(leaf.min_x, p.x), leaf.max_x = std::max(leaf.max_x, p.x);
            leaf.min_y = std::min(leaf.min_y, p.y), leaf.max_y = std::max(leaf.max_y, p.y);
        }
        level.push_back(static_cast<std::uint32_t>(nodes_.size()));
        nodes_.push_back(leaf);
    }
    // Upper levels: STR-order the nodes of a level, then group runs of them under parents. Children of
    // one parent must be contiguous in nodes_, so each level's nodes are copied in their new order.
    while (level.size() > 1) {
        auto centre = [&](std::uint32_t n) {
            return RdPoint{(nodes_[n].min_x + nodes_[n].max_x) / 2, (nodes_[n].min_y + nodes_[n].max_y) / 2};
        };
        str_order(level, centre);
        std::vector<std::uint32_t> parents;
        for (std::size_t start = 0; start < level.size(); start += node_capacity) {
            const std::size_t count = std::min(node_capacity, level.size() - start);
            Node parent{INFINITY, INFINITY, -INFINITY, -INFINITY, static_cast<std::uint32_t>(nodes_.size()),
                        static_cast<std::uint32_t>(count), false};
            for (std::size_t c = 0; c < count; ++c) {
                const Node child = nodes_[level[start + c]];
                parent.min_x = std::min(parent.min_x, child.min_x), parent.max_x = std::max(parent.max_x, child.max_x);
                parent.min_y = std::min(parent.min_y, child.min_y), parent.max_y = std::max(parent.max_y, child.max_y);
                nodes_.push_back(child);  // contiguous copy; the original slot is left unused
            }
            parents.push_back(static_cast<std::uint32_t>(nodes_.size()));
            nodes_.push_back(parent);
        }
        level = std::move(parents);
    }
    // The root is the last node written.
    std::swap(nodes_[level.front()], nodes_.back());
}

std::vector<Neighbour> LocationIndex::nearest(RdPoint origin, std::size_t k, const Filter& accept) const {
    std::vector<Neighbour> best;  // max-heap on (distance, index): the worst kept answer on top
    if (k == 0 || nodes_.empty()) return best;
    best.reserve(k + 1);

    // Best-first: nodes in order of their minimum possible distance; stop once the nearest unvisited
    // node cannot hold anything better than the k-th answer so far. Squared distances throughout.
    struct Pending {
        double min_distance2;
        std::uint32_t node;
    };
    // A min-heap on the distance; the buffer is reused by the thread's next query (no allocation).
    auto farther = [](const Pending& a, const Pending& b) { return a.min_distance2 > b.min_distance2; };
    thread_local std::vector<Pending> queue;
    queue.clear();
    auto min_distance2 = [&](const Node& n) {
        const double dx = std::max({n.min_x - origin.x, 0.0, origin.x - n.max_x});
        const double dy = std::max({n.min_y - origin.y, 0.0, origin.y - n.max_y});
        return dx * dx + dy * dy;
    };
    queue.push_back({0.0, static_cast<std::uint32_t>(nodes_.size() - 1)});
    while (!queue.empty()) {
        std::pop_heap(queue.begin(), queue.end(), farther);
        const Pending next = queue.back();
        queue.pop_back();
        if (best.size() == k && next.min_distance2 > best.front().distance_m) break;
        const Node& node = nodes_[next.node];
        if (node.leaf) {
            for (std::uint32_t e = node.first; e < node.first + node.count; ++e) {
                const std::size_t index = entries_[e];
                const Neighbour candidate{index, squared_distance(origin, ordered_[e])};
                if (best.size() == k && !nearer(candidate, best.front())) continue;
                if (accept && !accept(index)) continue;
                best.push_back(candidate);
                std::push_heap(best.begin(), best.end(), nearer);
                if (best.size() > k) {
                    std::pop_heap(best.begin(), best.end(), nearer);
                    best.pop_back();
                }
            }
        } else {
            for (std::uint32_t c = node.first; c < node.first + node.count; ++c) {
                const double d2 = min_distance2(nodes_[c]);
                if (best.size() < k || d2 <= best.front().distance_m) {
                    queue.push_back({d2, c});
                    std::push_heap(queue.begin(), queue.end(), farther);
                }
            }
        }
    }
    std::sort_heap(best.begin(), best.end(), nearer);
    for (auto& n : best) n.distance_m = std::sqrt(n.distance_m);
    return best;
}

template <typename Visit>
void LocationIndex::visit_box(const RdBox& box, Visit&& visit) const {
    if (nodes_.empty()) return;
    thread_local std::vector<std::uint32_t> stack;
    stack.assign(1, static_cast<std::uint32_t>(nodes_.size() - 1));
    while (!stack.empty()) {
        const Node& node = nodes_[stack.back()];
        stack.pop_back();
        if (node.max_x < box.min.x || node.min_x > box.max.x || node.max_y < box.min.y || node.min_y > box.max.y) continue;
        if (node.leaf) {
            for (std::uint32_t e = node.first; e < node.first + node.count; ++e) {
                const RdPoint& p = ordered_[e];
                if (p.x >= box.min.x && p.x <= box.max.x && p.y >= box.min.y && p.y <= box.max.y) visit(entries_[e]);
            }
        } else {
            for (std::uint32_t c = node.first; c < node.first + node.count; ++c) stack.push_back(c);
        }
    }
}

std::vector<Neighbour> LocationIndex::within_radius(RdPoint origin, double radius_m, const Filter& accept) const {
    std::vector<Neighbour> found;
    if (!(radius_m >= 0)) return found;
    const RdBox box{{origin.x - radius_m, origin.y - radius_m}, {origin.x + radius_m, origin.y + radius_m}};
    visit_box(box, [&](std::size_t index) {
        const double d = std::sqrt(squared_distance(origin, points_[index]));
        if (d <= radius_m && (!accept || accept(index))) found.push_back({index, d});
    });
    std::sort(found.begin(), found.end(), nearer);
    return found;
}

std::vector<std::size_t> LocationIndex::within_box(const RdBox& box) const {
    std::vector<std::size_t> found;
    visit_box(box, [&](std::size_t index) { found.push_back(index); });
    std::sort(found.begin(), found.end());
    return found;
}

}  // namespace ido::geo
