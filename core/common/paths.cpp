#include "core/common/paths.h"

#include <cstdlib>
#include <system_error>

namespace edgesmith {
namespace {

std::filesystem::path executableDirectory() {
    std::error_code status;
    const auto executable = std::filesystem::read_symlink("/proc/self/exe", status);
    return status ? std::filesystem::path() : executable.parent_path();
}

std::filesystem::path locate(const char* environmentVariable, const char* installedName) {
    if (const char* fromEnvironment = std::getenv(environmentVariable); fromEnvironment && *fromEnvironment)
        return fromEnvironment;
    std::error_code status;
    const auto installed = executableDirectory() / ".." / "share" / "edgesmith" / installedName;
    if (std::filesystem::is_directory(installed, status)) return installed.lexically_normal();
    return std::filesystem::path(EDGESMITH_SOURCE_DIR) / installedName;
}

} // namespace

std::filesystem::path resourceDirectory() { return locate("EDGESMITH_RESOURCES", "resources"); }

std::filesystem::path projectsDirectory() { return locate("EDGESMITH_PROJECTS", "projects"); }

std::filesystem::path defaultProjectFile() { return projectsDirectory() / "default.edgesmith.json"; }

std::filesystem::path resolveBeside(const std::filesystem::path& anchorFile,
                                    const std::filesystem::path& relative) {
    if (relative.empty() || relative.is_absolute()) return relative;
    return (anchorFile.parent_path() / relative).lexically_normal();
}

} // namespace edgesmith
