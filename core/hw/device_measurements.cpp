#include "core/hw/device_measurements.h"

#include "core/common/atomic_file.h"
#include "core/common/clock.h"
#include "core/common/error.h"
#include "core/common/text.h"
#include "core/hw/device_profile.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>

namespace edgesmith {
namespace {

// One CSV record: commas inside double quotes belong to the field, "" is a quote.
std::vector<std::string> csvFields(const std::string& line) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t index = 0; index < line.size(); ++index) {
        const char c = line[index];
        if (quoted && c == '"' && index + 1 < line.size() && line[index + 1] == '"') {
            fields.back() += '"';
            ++index;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (c == ',' && !quoted) {
            fields.emplace_back();
        } else if (c != '\r') {
            fields.back() += c;
        }
    }
    return fields;
}

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\xef\xbb\xbf"); // spaces, CRLF ends, a UTF-8 byte-order mark
    if (first == std::string::npos) return "";
    return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

// An hour is far beyond any inference a device kit times: such a figure is a unit slip.
constexpr double kAbsurdMs = 3600.0 * 1000.0;

class RowReader {
public:
    RowReader(const std::map<std::string, std::size_t>& columns, const std::vector<std::string>& fields, int line, std::vector<std::string>& problems)
        : columns_(columns), fields_(fields), line_(line), problems_(problems) {}

    std::string text(const std::string& column, const std::string& fallback = "") const {
        const auto found = columns_.find(column);
        if (found == columns_.end() || found->second >= fields_.size()) return fallback;
        return trimmed(fields_[found->second]);
    }
    // A time in ms; absent optional columns give `fallback`.
    double time(const std::string& column, double fallback) const {
        if (!columns_.count(column)) return fallback;
        const std::string value = text(column);
        double number = 0;
        try {
            std::size_t used = 0;
            number = std::stod(value, &used);
            if (used != value.size()) throw std::invalid_argument(value);
        } catch (const std::exception&) {
            report(column + " \"" + value + "\" is not a number");
            return fallback;
        }
        if (!std::isfinite(number) || number <= 0) report(column + " " + value + " is not a positive time");
        else if (number > kAbsurdMs) report(column + " " + value + " ms is over an hour: is it in ms?");
        return number;
    }
    int count(const std::string& column) const {
        if (!columns_.count(column)) return 0;
        try {
            std::size_t used = 0;
            const int value = std::stoi(text(column), &used);
            if (used != text(column).size()) throw std::invalid_argument(text(column));
            return std::max(0, value);
        } catch (const std::exception&) {
            report(column + " \"" + text(column) + "\" is not a whole number");
            return 0;
        }
    }
    void report(const std::string& message) const { problems_.push_back("line " + std::to_string(line_) + ": " + message); }

private:
    const std::map<std::string, std::size_t>& columns_;
    const std::vector<std::string>& fields_;
    int line_;
    std::vector<std::string>& problems_;
};

std::string problemList(const std::vector<std::string>& problems) {
    std::string text;
    const std::size_t shown = std::min<std::size_t>(problems.size(), 20);
    for (std::size_t index = 0; index < shown; ++index) text += (index ? "; " : "") + problems[index];
    if (problems.size() > shown) text += "; and " + std::to_string(problems.size() - shown) + " more";
    return text;
}

// Imports are numbered in the order they arrive, then dated: 0003-2026-11-26T08-21-05.123Z.json.
// The number, not the clock, orders them (two imports may share a millisecond).
bool isImportFile(const std::filesystem::path& file) {
    const std::string name = file.filename().string();
    return file.extension() == ".json" && name.size() > 5 && std::all_of(name.begin(), name.begin() + 4, ::isdigit) && name[4] == '-';
}

std::vector<std::filesystem::path> importFiles(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> files;
    std::error_code status;
    if (!std::filesystem::is_directory(folder, status)) return files;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
        if (isImportFile(entry.path())) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

std::string importFileName(const std::filesystem::path& folder) {
    const auto existing = importFiles(folder);
    const int number = existing.empty() ? 1 : std::stoi(existing.back().filename().string().substr(0, 4)) + 1;
    char prefix[16];
    std::snprintf(prefix, sizeof prefix, "%04d-", number);
    std::string stamp = utcNow();
    std::replace(stamp.begin(), stamp.end(), ':', '-');
    return prefix + stamp + ".json";
}

} // namespace

Json DeviceMeasurement::toJson() const {
    return {{"kind", kind}, {"key", key}, {"median_ms", medianMs}, {"p10_ms", p10Ms}, {"p90_ms", p90Ms},
            {"runs", runs}, {"threads", threads}, {"device", device}, {"stable", stable}};
}

DeviceMeasurement DeviceMeasurement::fromJson(const Json& json) {
    DeviceMeasurement row;
    row.kind = json.value("kind", "model");
    row.key = json.at("key").get<std::string>();
    row.medianMs = json.at("median_ms").get<double>();
    row.p10Ms = json.value("p10_ms", row.medianMs);
    row.p90Ms = json.value("p90_ms", row.medianMs);
    row.runs = json.value("runs", 0);
    row.threads = json.value("threads", 0);
    row.device = json.value("device", "");
    row.stable = json.value("stable", true);
    return row;
}

std::vector<DeviceMeasurement> readDeviceResults(const std::filesystem::path& csv, const SearchSpace& space, const Json* manifest) {
    std::ifstream input(csv);
    if (!input) throw IoError(csv.string(), "", "cannot read the results file");
    std::set<std::string> kitModels, kitLayers;
    if (manifest) {
        for (const Json& model : manifest->value("models", Json::array())) kitModels.insert(model.value("genotype", ""));
        for (const Json& layer : manifest->value("layers", Json::array())) kitLayers.insert(layer.value("configuration", ""));
    }
    std::string line;
    if (!std::getline(input, line)) throw Error(csv.string(), "line 1", "empty: expected a header naming genotype and median_ms");
    std::map<std::string, std::size_t> columns;
    const auto header = csvFields(line);
    for (std::size_t index = 0; index < header.size(); ++index) columns[trimmed(header[index])] = index;
    for (const char* required : {"genotype", "median_ms"})
        if (!columns.count(required)) throw Error(csv.string(), "line 1", std::string("no ") + required + " column (the header has: " + trimmed(line) + ")");

    std::vector<DeviceMeasurement> rows;
    std::vector<std::string> problems;
    std::set<std::string> seen;
    for (int number = 2; std::getline(input, line); ++number) {
        if (trimmed(line).empty()) continue;
        const auto fields = csvFields(line);
        const RowReader reader(columns, fields, number, problems);
        if (fields.size() < header.size()) {
            reader.report(std::to_string(fields.size()) + " fields where the header has " + std::to_string(header.size()));
            continue;
        }
        DeviceMeasurement row;
        row.kind = reader.text("kind", "model");
        row.key = reader.text("genotype");
        if (row.kind != "model" && row.kind != "layer") reader.report("kind \"" + row.kind + "\" is neither model nor layer");
        if (row.kind == "model") {
            try {
                row.key = space.key(space.canonical(space.parseKey(row.key)));
            } catch (const Error& error) {
                reader.report("genotype \"" + row.key + "\" is not of this space: " + error.message());
            }
            if (manifest && !kitModels.count(row.key)) reader.report("genotype " + row.key + " is not in the kit");
        } else if (manifest && !kitLayers.count(row.key)) {
            reader.report("layer configuration \"" + row.key + "\" is not in the kit");
        }
        if (!seen.insert(row.kind + " " + row.key).second) reader.report(row.kind + " " + row.key + " appears twice");
        row.medianMs = reader.time("median_ms", 0);
        row.p10Ms = reader.time("p10_ms", row.medianMs);
        row.p90Ms = reader.time("p90_ms", row.medianMs);
        if (row.p10Ms > row.medianMs || row.medianMs > row.p90Ms) reader.report("p10 ≤ median ≤ p90 does not hold");
        row.runs = reader.count("runs");
        row.threads = reader.count("threads");
        row.device = reader.text("device");
        std::string stable = reader.text("stable", "yes");
        std::transform(stable.begin(), stable.end(), stable.begin(), ::tolower);
        row.stable = stable != "no" && stable != "false" && stable != "0";
        rows.push_back(std::move(row));
    }
    if (!problems.empty()) throw Error(csv.string(), "", std::to_string(problems.size()) + " problem" + (problems.size() == 1 ? "" : "s") +
                                                              ", nothing imported: " + problemList(problems));
    if (rows.empty()) throw Error(csv.string(), "", "no measurements after the header");
    return rows;
}

std::filesystem::path deviceMeasurementDirectory(const std::filesystem::path& projectFile, const std::string& profile) {
    return projectDeviceDirectory(projectFile) / (profile + ".measurements");
}

std::string spaceFingerprintOf(const Json& spaceDocument) { return fingerprint(spaceDocument.dump()); }

std::filesystem::path deviceLatencyModelFile(const std::filesystem::path& projectFile, const std::string& profile) {
    // Inside the measurements' folder: a .json beside the profiles would be read as one.
    return deviceMeasurementDirectory(projectFile, profile) / "latency-model.fit.json";
}

LatestMeasurements latestMeasurements(const std::vector<MeasurementImport>& imports, const std::string& spaceFingerprint) {
    LatestMeasurements latest;
    for (const MeasurementImport& import : imports) { // oldest first: a later measurement replaces an earlier one
        if (!spaceFingerprint.empty() && !import.spaceFingerprint.empty() && import.spaceFingerprint != spaceFingerprint) {
            ++latest.otherSpaces;
            continue;
        }
        for (const DeviceMeasurement& row : import.rows) (row.kind == "layer" ? latest.layers : latest.networks)[row.key] = row;
    }
    for (const auto* rows : {&latest.networks, &latest.layers})
        for (const auto& [key, row] : *rows) latest.unstable += !row.stable;
    return latest;
}

std::filesystem::path storeDeviceMeasurements(const std::filesystem::path& projectFile, const std::string& profile,
                                              const std::vector<DeviceMeasurement>& rows, const std::string& source, const std::string& spaceFingerprint) {
    const std::filesystem::path folder = deviceMeasurementDirectory(projectFile, profile);
    std::filesystem::create_directories(folder);
    Json document = {{"format", "edgesmith-device-measurements"}, {"profile", profile}, {"imported_at", utcNow()}, {"source", source},
                     {"space_fingerprint", spaceFingerprint}, {"rows", Json::array()}};
    for (const DeviceMeasurement& row : rows) document["rows"].push_back(row.toJson());
    const std::filesystem::path file = folder / importFileName(folder);
    writeFileAtomically(file, document.dump(1) + "\n");
    return file;
}

std::vector<MeasurementImport> loadDeviceMeasurements(const std::filesystem::path& projectFile, const std::string& profile) {
    std::vector<MeasurementImport> imports;
    for (const auto& file : importFiles(deviceMeasurementDirectory(projectFile, profile))) {
        try {
            const Json document = Json::parse(readFile(file));
            MeasurementImport import{document.at("imported_at").get<std::string>(), document.value("source", ""), {},
                                     document.value("space_fingerprint", "")};
            for (const Json& row : document.at("rows")) import.rows.push_back(DeviceMeasurement::fromJson(row));
            imports.push_back(std::move(import));
        } catch (const Json::exception& error) {
            throw Error(file.string(), "", std::string("not a measurement import: ") + error.what());
        }
    }
    return imports;
}

} // namespace edgesmith
