// whosaid::output name lines — `whosaid names`: one JSON object per input
// line, {"name": "...", "cluster": "person:..."} (cluster null for a line
// that holds no name); with an explanation, also "explain": {"matched",
// "score", "rule", "detail", "shared"} (entities/clusterer.h).
//
// Example
//   NameLine("Mufti Enayatullah Khwarzami", &cluster_id, nullptr)
//     == "{\"name\":\"Mufti Enayatullah Khwarzami\",\"cluster\":\"person:…\"}\n"
#pragma once

#include <string>

#include "core/entity_table.h"

namespace whosaid::output {

// `cluster` null → JSON null; `why` null → no "explain".
std::string NameLine(const std::string& name, const std::string* cluster,
                     const entities::MergeExplanation* why);

}  // namespace whosaid::output
