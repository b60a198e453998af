#pragma once
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace edgesmith {

// Replaces `target` with `contents` so that a crash at any moment leaves either the old
// file or the new one, never a half-written file: write a temporary beside it, fsync,
// rename over the target, fsync the folder. Throws WriteError (an IoError) naming the file.
void writeFileAtomically(const std::filesystem::path& target, const std::string& contents);

// Several files as one unit (an export's MODEL.pt + MODEL.json, a header and its source):
// every temporary is written and flushed before the first rename, and a failure removes
// the temporaries and the files this call already renamed.
void writeFilesAtomically(const std::vector<std::pair<std::filesystem::path, std::string>>& files);

// Whole file as bytes; throws IoError naming the file when it cannot be read.
std::string readFile(const std::filesystem::path& file);

} // namespace edgesmith
