#pragma once
// Each benchmark refreshes its own section of docs/benchmarks.md, the text between
// <!-- NAME:begin --> and <!-- NAME:end -->; the rest of the page belongs to its readers.
#include "core/common/atomic_file.h"

#include <cstdio>
#include <string>

namespace edgesmith::bench {

// False (and a line on stderr) when the file cannot be read or lacks the section's markers.
inline bool replaceMarkdownSection(const std::string& file, const std::string& section, const std::string& text) {
    std::string document;
    try {
        document = readFile(file);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "%s: %s\n", file.c_str(), error.what());
        return false;
    }
    const std::string begin = "<!-- " + section + ":begin -->\n", end = "<!-- " + section + ":end -->";
    const auto from = document.find(begin), to = document.find(end);
    if (from == std::string::npos || to == std::string::npos || to < from) {
        std::fprintf(stderr, "%s has no %s section markers\n", file.c_str(), section.c_str());
        return false;
    }
    document.replace(from + begin.size(), to - from - begin.size(), text);
    writeFileAtomically(file, document);
    return true;
}

} // namespace edgesmith::bench
