#include "core/common/atomic_file.h"

#include "core/common/error.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace edgesmith {
namespace {

[[noreturn]] void failWith(const std::filesystem::path& file, const std::string& what) {
    throw IoError(file.string(), "", what + ": " + std::strerror(errno));
}

void writeAll(int descriptor, const std::string& contents, const std::filesystem::path& file) {
    std::size_t written = 0;
    while (written < contents.size()) {
        const ssize_t chunk = ::write(descriptor, contents.data() + written, contents.size() - written);
        if (chunk < 0) {
            if (errno == EINTR) continue;
            failWith(file, "cannot write");
        }
        written += static_cast<std::size_t>(chunk);
    }
}

void syncDirectory(const std::filesystem::path& directory) {
    const int descriptor = ::open(directory.empty() ? "." : directory.c_str(), O_RDONLY | O_DIRECTORY);
    if (descriptor >= 0) {
        ::fsync(descriptor);
        ::close(descriptor);
    }
}

} // namespace

void writeFileAtomically(const std::filesystem::path& target, const std::string& contents) {
    const std::filesystem::path directory = target.parent_path();
    std::filesystem::path temporaryName = target.filename();
    temporaryName += ".tmp-XXXXXX";
    std::string pattern = (directory / temporaryName).string();
    const int descriptor = ::mkstemp(pattern.data());
    if (descriptor < 0) failWith(target, "cannot create a temporary file beside it");
    const std::filesystem::path temporary = pattern;
    try {
        writeAll(descriptor, contents, target);
        if (::fsync(descriptor) != 0) failWith(target, "cannot flush to disk");
        ::fchmod(descriptor, 0644);
    } catch (...) {
        ::close(descriptor);
        ::unlink(temporary.c_str());
        throw;
    }
    ::close(descriptor);
    if (::rename(temporary.c_str(), target.c_str()) != 0) {
        const int saved = errno;
        ::unlink(temporary.c_str());
        errno = saved;
        failWith(target, "cannot replace");
    }
    syncDirectory(directory);
}

std::string readFile(const std::filesystem::path& file) {
    std::error_code status;
    if (std::filesystem::is_directory(file, status))
        throw IoError(file.string(), "", "is a folder, expected a file");
    std::ifstream stream(file, std::ios::binary);
    if (!stream) failWith(file, "cannot open");
    std::ostringstream buffer;
    buffer << stream.rdbuf();
    if (stream.bad()) failWith(file, "cannot read");
    return buffer.str();
}

} // namespace edgesmith
