#pragma once
#include <filesystem>

namespace edgesmith {

// Folder of the shipped resources (space templates, device profiles, icons).
// Looked up in order: $EDGESMITH_RESOURCES, `<exe>/../share/edgesmith/resources` of an
// installed build, then the source tree the binary was built from.
std::filesystem::path resourceDirectory();

// Folder of the shipped example projects, found the same way ($EDGESMITH_PROJECTS).
std::filesystem::path projectsDirectory();

// The project opened when the user names none.
std::filesystem::path defaultProjectFile();

// `relative` resolved against the folder of `anchorFile`; absolute paths stay as they are.
std::filesystem::path resolveBeside(const std::filesystem::path& anchorFile,
                                    const std::filesystem::path& relative);

} // namespace edgesmith
