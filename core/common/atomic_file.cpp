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

[[noreturn]] void failWriting(const std::filesystem::path& file, const std::string& what) {
    throw WriteError(file.string(), "", what + ": " + std::strerror(errno));
}

void writeAll(int descriptor, const std::string& contents, const std::filesystem::path& file) {
    std::size_t written = 0;
    while (written < contents.size()) {
        const ssize_t chunk = ::write(descriptor, contents.data() + written, contents.size() - written);
        if (chunk < 0) {
            if (errno == EINTR) continue;
            failWriting(file, "cannot write");
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

// The contents in a flushed temporary beside `target`; its path.
std::filesystem::path stage(const std::filesystem::path& target, const std::string& contents) {
    std::filesystem::path temporaryName = target.filename();
    temporaryName += ".tmp-XXXXXX";
    std::string pattern = (target.parent_path() / temporaryName).string();
    const int descriptor = ::mkstemp(pattern.data());
    if (descriptor < 0) failWriting(target, "cannot create a temporary file beside it");
    const std::filesystem::path temporary = pattern;
    try {
        writeAll(descriptor, contents, target);
        if (::fsync(descriptor) != 0) failWriting(target, "cannot flush to disk");
        ::fchmod(descriptor, 0644);
    } catch (...) {
        ::close(descriptor);
        ::unlink(temporary.c_str());
        throw;
    }
    ::close(descriptor);
    return temporary;
}

} // namespace

void writeFileAtomically(const std::filesystem::path& target, const std::string& contents) {
    writeFilesAtomically({{target, contents}});
}

void writeFilesAtomically(const std::vector<std::pair<std::filesystem::path, std::string>>& files) {
    // A target that cannot be replaced fails before any file of the set is touched.
    for (const auto& [target, contents] : files) {
        std::error_code status;
        if (std::filesystem::is_directory(target, status)) throw WriteError(target.string(), "", "is a folder; cannot replace it with a file");
    }
    std::vector<std::filesystem::path> staged;
    const auto discard = [&] {
        for (const auto& temporary : staged) ::unlink(temporary.c_str());
    };
    try {
        for (const auto& [target, contents] : files) staged.push_back(stage(target, contents));
    } catch (...) {
        discard();
        throw;
    }
    for (std::size_t index = 0; index < files.size(); ++index) {
        const std::filesystem::path& target = files[index].first;
        if (::rename(staged[index].c_str(), target.c_str()) != 0) {
            const int saved = errno;
            // The set is one unit: what this call already put in place goes too.
            for (std::size_t done = 0; done < index; ++done) ::unlink(files[done].first.c_str());
            staged.erase(staged.begin(), staged.begin() + static_cast<std::ptrdiff_t>(index));
            discard();
            errno = saved;
            failWriting(target, "cannot replace");
        }
        syncDirectory(target.parent_path());
    }
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
