#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace edgesmith {

// Levenshtein distance; used to suggest the intended key or name after a typo.
std::size_t editDistance(std::string_view a, std::string_view b);

// The closest of `candidates` to `word` when it is close enough to be a likely typo,
// otherwise an empty string.
std::string closestMatch(std::string_view word, const std::vector<std::string>& candidates);

// "a, b, c"
std::string joinWords(const std::vector<std::string>& words, std::string_view separator = ", ");

// FNV-1a of `text` as 16 hex digits: a stable name for the settings a kept file (a
// supernet's weights, a latency table) was made with.
std::string fingerprint(std::string_view text);

// A number as users wrote it: integers without a decimal point, others shortest.
std::string formatNumber(double value);

} // namespace edgesmith
