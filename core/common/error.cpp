#include "core/common/error.h"

namespace edgesmith {
namespace {

std::string joinLocation(const std::string& file, const std::string& path,
                         const std::string& message) {
    std::string line;
    if (!file.empty()) line += file + ": ";
    if (!path.empty()) line += path + ": ";
    return line + message;
}

std::string summarise(const std::vector<Diagnostic>& diagnostics) {
    if (diagnostics.empty()) return "invalid input";
    std::string text = diagnostics.front().message;
    if (diagnostics.size() > 1)
        text += " (and " + std::to_string(diagnostics.size() - 1) + " more)";
    return text;
}

} // namespace

std::string Diagnostic::text() const { return joinLocation(file, path, message); }

Error::Error(std::string file, std::string path, std::string message)
    : std::runtime_error(joinLocation(file, path, message)), file_(std::move(file)),
      path_(std::move(path)), message_(std::move(message)) {}

ValidationError::ValidationError(std::vector<Diagnostic> diagnostics)
    : Error(diagnostics.empty() ? std::string() : diagnostics.front().file,
            diagnostics.empty() ? std::string() : diagnostics.front().path, summarise(diagnostics)),
      diagnostics_(std::move(diagnostics)) {}

} // namespace edgesmith
