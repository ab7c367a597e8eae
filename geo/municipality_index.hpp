#pragma once
#include "geo/coordinates.hpp"

#include <geos/geom/Geometry.h>
#include <geos/geom/GeometryFactory.h>
#include <geos/geom/prep/PreparedGeometry.h>
#include <geos/index/strtree/TemplateSTRtree.h>

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ido::geo {

/// A municipality (gemeente) as published by CBS.
struct Municipality {
    std::string gemeentecode;   ///< "GM0363"
    std::string naam;           ///< "Amsterdam"
    std::string naam_kort;
    std::string provincie;
    long inwoners = 0;          ///< population on 1 January 2023
    Wgs84Box bbox;
};

/// "Which municipality contains this point?" over the CBS/Kadaster municipality polygons (WGS84).
///
/// Each polygon is a GEOS prepared geometry (an indexed point-in-area locator), and an STR tree over
/// their envelopes picks the few candidates for a point. Built once and immutable: the constructor builds
/// the tree and warms every prepared geometry's lazily built locator, so concurrent queries only read.
class MunicipalityIndex {
public:
    /// Loads a GeoJSON FeatureCollection of (Multi)Polygons with the properties `gemeentecode`,
    /// `gemeentenaam`, `naam_kort`, `provincie` and `inwoners_2023`. Throws std::runtime_error on a file
    /// that cannot be read or is not of that shape: this runs at start-up, where failing loudly is right.
    static std::shared_ptr<const MunicipalityIndex> load(const std::filesystem::path& geojson);

    /// Index of the municipality whose polygon covers the point (boundary included); on a shared border
    /// the lowest gemeentecode wins, so the answer is deterministic. nullopt outside every polygon.
    std::optional<std::size_t> containing(Wgs84 point) const;
    /// Whether municipality `index` covers the point.
    bool covers(std::size_t index, Wgs84 point) const;

    /// All municipalities ordered by gemeentecode.
    const std::vector<Municipality>& all() const { return municipalities_; }
    /// Index of a gemeentecode, nullopt when unknown.
    std::optional<std::size_t> find(std::string_view gemeentecode) const;
    /// The polygon itself (for tests and exports).
    const geos::geom::Geometry& geometry(std::size_t index) const { return *geometries_[index]; }

    MunicipalityIndex(const MunicipalityIndex&) = delete;
    MunicipalityIndex& operator=(const MunicipalityIndex&) = delete;

private:
    MunicipalityIndex() = default;

    geos::geom::GeometryFactory::Ptr factory_ = geos::geom::GeometryFactory::create();
    std::vector<Municipality> municipalities_;
    std::vector<std::unique_ptr<geos::geom::Geometry>> geometries_;
    std::vector<std::unique_ptr<geos::geom::prep::PreparedGeometry>> prepared_;
    std::unordered_map<std::string, std::size_t> by_code_;
    // Not const in GEOS because it builds on first query; built in load(), read-only after.
    mutable geos::index::strtree::TemplateSTRtree<std::size_t> tree_;
};

}  // namespace ido::geo
