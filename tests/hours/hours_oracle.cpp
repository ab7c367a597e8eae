// Answers opening-hours questions for the differential test, one JSON line per question.
// Input lines (tab-separated):  E<TAB>expression   sets the expression (answers with parse result)
//                               T<TAB>unix seconds  evaluates the current expression at that instant
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <iostream>
#include <optional>
#include <string>

#include "geo/hours/hours.hpp"

int main() {
  std::ios::sync_with_stdio(false);
  std::optional<ido::hours::Schedule> schedule;
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.size() < 2 || line[1] != '\t') continue;
    rapidjson::StringBuffer out;
    rapidjson::Writer<rapidjson::StringBuffer> json(out);
    json.StartObject();
    const std::string arg = line.substr(2);
    if (line[0] == 'E') {
      auto result = ido::hours::parse(arg);
      if (auto* error = std::get_if<ido::hours::ParseError>(&result)) {
        schedule.reset();
        json.Key("error");
        json.String(error->message);
        json.Key("position");
        json.Uint64(error->position);
      } else {
        schedule = std::get<ido::hours::Schedule>(std::move(result));
        json.Key("ok");
        json.Bool(true);
      }
    } else if (line[0] == 'T' && schedule) {
      const std::chrono::sys_seconds at{std::chrono::seconds{std::stoll(arg)}};
      const ido::hours::Status status = ido::hours::evaluate(*schedule, at);
      json.Key("state");
      json.String(std::string(ido::hours::to_string(status.state)));
      json.Key("next");
      if (status.volgende_wijziging) {
        json.Int64(status.volgende_wijziging->time_since_epoch().count());
      } else {
        json.Null();
      }
      json.Key("comment");
      json.String(status.opmerking);
    } else {
      json.Key("error");
      json.String("no expression");
    }
    json.EndObject();
    std::cout << out.GetString() << '\n';
  }
  return 0;
}
