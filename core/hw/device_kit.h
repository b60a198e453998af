#pragma once
// The measurement kit of a device EdgeSmith does not run on (survey III-C2, VI-C): the
// architectures to time, chosen to cover the search space, each as an ONNX model, one
// ONNX model per distinct layer configuration for per-layer tables, a manifest naming
// them, and runner scripts that time them on the device and write results.csv.
#include "core/common/json.h"
#include "core/space/space.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace edgesmith {

// Up to `count` distinct architectures of `space`, none of `exclude`.
//   "diverse": from a pool many times larger, a farthest-point selection over log MACs,
//              depth and the operator mix, so that the smallest and largest networks,
//              shallow and deep ones and every operator are timed, not just the typical;
//   "random":  uniform draws.
// Throws Error naming "strategy" for another name.
std::vector<Genotype> chooseKitArchitectures(const SearchSpace& space, int count, const std::string& strategy, std::uint64_t seed,
                                             const std::vector<Genotype>& exclude = {});

// The features the diverse choice spreads over: log10 MACs, layer count, and the share of
// MACs of each operator class (operatorClasses()).
std::vector<double> coverageFeatures(const Architecture& architecture);

struct DeviceKitSummary {
    int models = 0;
    int layerConfigurations = 0;
    std::filesystem::path manifest;
};

// Writes the kit into `folder` (created; files of an earlier kit there are replaced):
// models/N.onnx, layers/N.onnx (unless !withLayers), manifest.json, the runners
// (run_onnxruntime.py, run_onnxruntime.js for Node's onnxruntime-node, run_perf_test.sh
// for ONNX Runtime's onnxruntime_perf_test) and README.txt. Throws Error / IoError naming
// the file.
DeviceKitSummary writeDeviceKit(const SearchSpace& space, const Json& spaceDocument, const std::vector<Genotype>& genotypes,
                                const std::filesystem::path& folder, bool withLayers = true);

// The manifest of a kit folder; throws Error naming the file when it is not one.
Json readKitManifest(const std::filesystem::path& folder);

} // namespace edgesmith
