#include "output/name_lines.h"

#include <nlohmann/json.hpp>

namespace whosaid::output {

std::string NameLine(const std::string& name, const std::string* cluster,
                     const entities::MergeExplanation* why) {
  nlohmann::ordered_json j;
  j["name"] = name;
  j["cluster"] = cluster ? nlohmann::ordered_json(*cluster) : nlohmann::ordered_json(nullptr);
  if (why) {
    j["explain"] = {{"matched", why->matched},
                    {"score", why->score},
                    {"rule", why->rule},
                    {"detail", why->detail},
                    {"shared", why->shared}};
  }
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace whosaid::output
