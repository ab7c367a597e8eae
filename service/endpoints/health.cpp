#include "service/endpoints/endpoints.hpp"

#include "service/render/json_output.hpp"
#include "service/render/responses.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace ido::service {

// Always 200 while this replica answers reads (from its snapshot, also with the database down), so a
// load balancer keeps it; `schrijven` says whether writes can reach the store now, `dataversie` which
// committed state of the store the snapshot shows (equal on all replicas once a change has spread).
HttpResponse get_health(const geo::Snapshot& snapshot, const store::LocationEditor* editor) {
    const bool writable = editor != nullptr && editor->store_reachable();
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("status");
    w.String(editor == nullptr || writable ? "ok" : "beperkt");
    w.Key("schrijven");
    w.Bool(writable);
    if (editor != nullptr) {
        w.Key("dataversie");
        w.Int64(editor->loaded_version());
    }
    w.Key("informatiepunten");
    w.Uint64(snapshot.locations().size());
    w.Key("gemeenten");
    w.Uint64(snapshot.municipalities().all().size());
    w.EndObject();
    auto response = json_response(buffer.GetString(), "/v1/health");
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

}  // namespace ido::service
