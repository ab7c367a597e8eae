#include "geo/municipality_index.hpp"

#include <geos/geom/Coordinate.h>
#include <geos/geom/Envelope.h>
#include <geos/geom/Point.h>
#include <geos/geom/prep/PreparedGeometryFactory.h>
#include <geos/io/GeoJSON.h>
#include <geos/io/GeoJSONReader.h>

#include <algorithm>
#include <fstream>
#include <numeric>
#include <sstream>
#include <stdexcept>

namespace ido::geo {
namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string string_property(const std::map<std::string, geos::io::GeoJSONValue>& properties, const std::string& key,
                            bool required) {
    auto it = properties.find(key);
    if (it == properties.end() || !it->second.isString()) {
        if (required) throw std::runtime_error("municipality without a string property '" + key + "'");
        return {};
    }
    return it->second.getString();
}

}  // namespace

std::shared_ptr<const MunicipalityIndex> MunicipalityIndex::load(const std::filesystem::path& geojson) {
    std::shared_ptr<MunicipalityIndex> index(new MunicipalityIndex());
    geos::io::GeoJSONReader reader(*index->factory_);
    geos::io::GeoJSONFeatureCollection collection = [&] {
        try {
            return reader.readFeatures(read_file(geojson));
        } catch (const std::exception& e) {
            throw std::runtime_error(geojson.string() + ": not valid GeoJSON: " + e.what());
        }
    }();

    struct Loaded {
        Municipality municipality;
        std::unique_ptr<geos::geom::Geometry> geometry;
    };
    std::vector<Loaded> loaded;
    for (const auto& feature : collection.getFeatures()) {
        const auto& properties = feature.getProperties();
        Municipality m;
        m.gemeentecode = string_property(properties, "gemeentecode", true);
        m.naam = string_property(properties, "gemeentenaam", true);
        m.naam_kort = string_property(properties, "naam_kort", false);
        m.provincie = string_property(properties, "provincie", false);
        if (auto it = properties.find("inwoners_2023"); it != properties.end() && it->second.isNumber())
            m.inwoners = static_cast<long>(it->second.getNumber());
        const geos::geom::Geometry* geometry = feature.getGeometry();
        if (geometry == nullptr || (geometry->getGeometryTypeId() != geos::geom::GEOS_POLYGON &&
                                    geometry->getGeometryTypeId() != geos::geom::GEOS_MULTIPOLYGON))
            throw std::runtime_error(m.gemeentecode + ": geometry is not a (Multi)Polygon");
        const geos::geom::Envelope* env = geometry->getEnvelopeInternal();
        m.bbox = Wgs84Box{{env->getMinY(), env->getMinX()}, {env->getMaxY(), env->getMaxX()}};
        loaded.push_back({std::move(m), geometry->clone()});
    }
    if (loaded.empty()) throw std::runtime_error(geojson.string() + ": no municipalities");
    std::sort(loaded.begin(), loaded.end(),
              [](const Loaded& a, const Loaded& b) { return a.municipality.gemeentecode < b.municipality.gemeentecode; });

    for (auto& item : loaded) {
        const std::size_t i = index->municipalities_.size();
        if (!index->by_code_.emplace(item.municipality.gemeentecode, i).second)
            throw std::runtime_error("duplicate gemeentecode " + item.municipality.gemeentecode);
        index->tree_.insert(*item.geometry->getEnvelopeInternal(), i);
        index->prepared_.push_back(geos::geom::prep::PreparedGeometryFactory::prepare(item.geometry.get()));
        // Warm the prepared geometry: its point locator is built lazily on first use, which must not
        // happen concurrently on request threads.
        auto inside = item.geometry->getInteriorPoint();
        if (!index->prepared_.back()->covers(inside.get()))
            throw std::runtime_error(item.municipality.gemeentecode + ": polygon does not cover its interior point");
        index->municipalities_.push_back(std::move(item.municipality));
        index->geometries_.push_back(std::move(item.geometry));
    }
    index->tree_.build();
    return index;
}

std::optional<std::size_t> MunicipalityIndex::containing(Wgs84 point) const {
    // GEOS 3.11 returns an owning raw pointer here.
    std::unique_ptr<geos::geom::Point> geos_point(factory_->createPoint(geos::geom::Coordinate(point.lon, point.lat)));
    std::optional<std::size_t> found;
    tree_.query(geos::geom::Envelope(point.lon, point.lon, point.lat, point.lat), [&](const std::size_t& i) {
        if ((!found || i < *found) && prepared_[i]->covers(geos_point.get())) found = i;
    });
    return found;
}

bool MunicipalityIndex::covers(std::size_t index, Wgs84 point) const {
    // GEOS 3.11 returns an owning raw pointer here.
    std::unique_ptr<geos::geom::Point> geos_point(factory_->createPoint(geos::geom::Coordinate(point.lon, point.lat)));
    return prepared_.at(index)->covers(geos_point.get());
}

std::optional<std::size_t> MunicipalityIndex::find(std::string_view gemeentecode) const {
    auto it = by_code_.find(std::string(gemeentecode));
    if (it == by_code_.end()) return std::nullopt;
    return it->second;
}

}  // namespace ido::geo
