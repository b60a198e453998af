#pragma once
#include <string>

namespace edgesmith {

// Now as ISO 8601 UTC with milliseconds: 2026-11-26T08:21:05.123Z. Sorts as text.
std::string utcNow();

} // namespace edgesmith
