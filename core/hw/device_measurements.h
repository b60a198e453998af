#pragma once
// Latencies measured on a device with a measurement kit (core/hw/device_kit.h), brought
// back as results.csv: checked line by line, then kept with the device profile, every
// import in a dated file of its own beside the project (devices/PROFILE.measurements/),
// never overwritten.
#include "core/common/json.h"
#include "core/space/space.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace edgesmith {

struct DeviceMeasurement {
    std::string kind = "model"; // model: `key` is a genotype; layer: a layer configuration
    std::string key;
    double medianMs = 0, p10Ms = 0, p90Ms = 0;
    int runs = 0, threads = 0;
    std::string device;
    bool stable = true;
    Json toJson() const;
    static DeviceMeasurement fromJson(const Json& json);
};

struct MeasurementImport {
    std::string importedAt; // ISO 8601 UTC
    std::string source;     // the file it came from
    std::vector<DeviceMeasurement> rows;
    std::string spaceFingerprint; // of the search space its genotypes belong to
};

// Reads a runner's results.csv. Columns: genotype and median_ms at least; kind, p10_ms,
// p90_ms, runs, threads, device, stable when present. Every problem is collected and
// thrown at once as one Error naming the file and the lines: a missing column, a genotype
// not of `space` (or not in the kit's `manifest` when given), a time that is not a number,
// not positive, above an hour, or p10 > median > p90 out of order.
std::vector<DeviceMeasurement> readDeviceResults(const std::filesystem::path& csv, const SearchSpace& space, const Json* manifest = nullptr);

// Keeps `rows` as a new numbered, dated import of `profile`'s measurements; returns the
// file. `spaceFingerprint` (spaceFingerprintOf) ties them to the space they were drawn from.
std::filesystem::path storeDeviceMeasurements(const std::filesystem::path& projectFile, const std::string& profile,
                                              const std::vector<DeviceMeasurement>& rows, const std::string& source,
                                              const std::string& spaceFingerprint = "");

// What ties measurements and fitted models to a search space: a fingerprint of its document.
std::string spaceFingerprintOf(const Json& spaceDocument);

// Every import of `profile`, in the order they arrived (none: empty).
std::vector<MeasurementImport> loadDeviceMeasurements(const std::filesystem::path& projectFile, const std::string& profile);

// The folder that holds them.
std::filesystem::path deviceMeasurementDirectory(const std::filesystem::path& projectFile, const std::string& profile);

// Where device-fit keeps the latency model fitted to them (hardware.latency_model "device").
std::filesystem::path deviceLatencyModelFile(const std::filesystem::path& projectFile, const std::string& profile);

// The latest measurement of each network and of each layer configuration over all imports
// (of the space with `spaceFingerprint` when given; imports of other spaces are skipped).
struct LatestMeasurements {
    std::map<std::string, DeviceMeasurement> networks, layers;
    int unstable = 0;    // of the kept ones, marked unstable by the runner
    int otherSpaces = 0; // imports skipped: drawn from another search space
};
LatestMeasurements latestMeasurements(const std::vector<MeasurementImport>& imports, const std::string& spaceFingerprint = "");

} // namespace edgesmith
