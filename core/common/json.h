#pragma once
// Project documents keep their key order so that a file saved by EdgeSmith diffs
// cleanly against the one the user wrote.
#include <nlohmann/json.hpp>

namespace edgesmith {
using Json = nlohmann::ordered_json;
}
