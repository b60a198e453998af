#pragma once
#include <filesystem>
#include <string>

namespace edgesmith {

// Replaces `target` with `contents` so that a crash at any moment leaves either the old
// file or the new one, never a half-written file: write a temporary beside it, fsync,
// rename over the target, fsync the folder. Throws IoError naming the file.
void writeFileAtomically(const std::filesystem::path& target, const std::string& contents);

// Whole file as bytes; throws IoError naming the file when it cannot be read.
std::string readFile(const std::filesystem::path& file);

} // namespace edgesmith
