#include "core/hw/device_kit.h"

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/common/paths.h"
#include "core/export/onnx_export.h"
#include "core/hw/device_profile.h"
#include "core/hw/latency_table.h"
#include "core/nn/network.h"
#include "core/space/architecture.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <set>

namespace edgesmith {
namespace {

// Each feature scaled to [0, 1] over the pool, so that no one dominates the distances.
void normalise(std::vector<std::vector<double>>& points) {
    if (points.empty()) return;
    for (std::size_t column = 0; column < points.front().size(); ++column) {
        double low = std::numeric_limits<double>::infinity(), high = -low;
        for (const auto& point : points) low = std::min(low, point[column]), high = std::max(high, point[column]);
        for (auto& point : points) point[column] = high > low ? (point[column] - low) / (high - low) : 0.0;
    }
}

double distance(const std::vector<double>& a, const std::vector<double>& b) {
    double sum = 0;
    for (std::size_t index = 0; index < a.size(); ++index) sum += (a[index] - b[index]) * (a[index] - b[index]);
    return sum;
}

// Greedy farthest-point selection (k-centre): the first point is the one with the most
// MACs, each next one the farthest from all chosen so far.
std::vector<std::size_t> farthestPoints(const std::vector<std::vector<double>>& points, std::size_t count) {
    std::vector<std::size_t> chosen;
    if (points.empty() || count == 0) return chosen;
    std::size_t first = 0;
    for (std::size_t index = 1; index < points.size(); ++index)
        if (points[index][0] > points[first][0]) first = index;
    std::vector<double> nearest(points.size(), std::numeric_limits<double>::infinity());
    for (std::size_t next = first; chosen.size() < std::min(count, points.size());) {
        chosen.push_back(next);
        for (std::size_t index = 0; index < points.size(); ++index) nearest[index] = std::min(nearest[index], distance(points[index], points[next]));
        next = static_cast<std::size_t>(std::max_element(nearest.begin(), nearest.end()) - nearest.begin());
        if (nearest[next] <= 0) break; // the pool holds no more distinct points
    }
    return chosen;
}

std::vector<Genotype> distinctDraws(const SearchSpace& space, std::size_t count, std::mt19937_64& random, const std::set<std::string>& exclude) {
    std::vector<Genotype> drawn;
    std::set<std::string> seen = exclude;
    for (std::size_t attempt = 0; drawn.size() < count && attempt < count * 50 + 1000; ++attempt) {
        Genotype genotype = space.canonical(space.sample(random));
        if (seen.insert(space.key(genotype)).second) drawn.push_back(std::move(genotype));
    }
    return drawn;
}

// The kit's models take inputs as they are: timing does not depend on their scale.
Normalisation identity(const Architecture& architecture) {
    const auto channels = static_cast<std::size_t>(architecture.input.channels);
    return {std::vector<double>(channels, 0.0), std::vector<double>(channels, 1.0)};
}

void copyRunner(const std::string& name, const std::filesystem::path& folder) {
    const std::filesystem::path source = resourceDirectory() / "device-kit" / name;
    writeFileAtomically(folder / name, readFile(source));
    std::filesystem::permissions(folder / name, std::filesystem::perms::owner_exec | std::filesystem::perms::group_exec | std::filesystem::perms::others_exec,
                                 std::filesystem::perm_options::add);
}

Json inputShape(const Architecture& architecture) {
    return Json::array({1, architecture.input.channels, architecture.input.height, architecture.input.width});
}

} // namespace

std::vector<double> coverageFeatures(const Architecture& architecture) {
    const auto& classes = operatorClasses();
    std::vector<double> features(2 + classes.size(), 0.0);
    double macs = 0;
    for (const Layer& layer : architecture.layers) {
        macs += double(layer.macs);
        const auto found = std::find(classes.begin(), classes.end(), operatorClass(layer));
        if (found != classes.end()) features[2 + static_cast<std::size_t>(found - classes.begin())] += double(layer.macs);
    }
    for (std::size_t index = 2; index < features.size(); ++index) features[index] = macs > 0 ? features[index] / macs : 0.0;
    features[0] = std::log10(std::max(1.0, macs));
    features[1] = double(architecture.layers.size());
    return features;
}

std::vector<Genotype> chooseKitArchitectures(const SearchSpace& space, int count, const std::string& strategy, std::uint64_t seed,
                                             const std::vector<Genotype>& exclude) {
    if (strategy != "diverse" && strategy != "random") throw Error("", "strategy", "\"" + strategy + "\" is not a kit strategy; use diverse or random");
    if (count <= 0) return {};
    std::set<std::string> excluded;
    for (const Genotype& genotype : exclude) excluded.insert(space.key(space.canonical(genotype)));
    std::mt19937_64 random(seed);
    if (strategy == "random") return distinctDraws(space, static_cast<std::size_t>(count), random, excluded);
    const std::vector<Genotype> pool = distinctDraws(space, static_cast<std::size_t>(count) * 20, random, excluded);
    std::vector<std::vector<double>> points;
    points.reserve(pool.size());
    for (const Genotype& genotype : pool) points.push_back(coverageFeatures(space.derive(genotype, false)));
    normalise(points);
    std::vector<Genotype> chosen;
    for (std::size_t index : farthestPoints(points, static_cast<std::size_t>(count))) chosen.push_back(pool[index]);
    return chosen;
}

DeviceKitSummary writeDeviceKit(const SearchSpace& space, const Json& spaceDocument, const std::vector<Genotype>& genotypes,
                                const std::filesystem::path& folder, bool withLayers) {
    std::filesystem::create_directories(folder / "models");
    if (withLayers) std::filesystem::create_directories(folder / "layers");
    Json models = Json::array(), layers = Json::array();
    std::map<std::string, int> layerFiles; // configuration key → index in `layers`
    for (std::size_t index = 0; index < genotypes.size(); ++index) {
        const Architecture architecture = space.derive(genotypes[index], true);
        const std::string key = space.key(genotypes[index]);
        const std::string file = "models/" + std::to_string(index + 1) + ".onnx";
        Network network(architecture, index + 1); // weights do not change the time; fixed for repeatability
        ModelInfo info;
        info.name = "kit-" + std::to_string(index + 1);
        info.genotype = key;
        info.space = spaceDocument;
        info.normalisation = identity(architecture);
        writeOnnx(network, info, folder / file, {false, false, 1});
        Json configurations = Json::array();
        for (std::size_t layer = 0; layer < architecture.layers.size(); ++layer) {
            const std::string configuration = layerConfigurationKey(architecture, layer);
            configurations.push_back(configuration);
            if (!withLayers || layerFiles.count(configuration)) continue;
            const int number = static_cast<int>(layers.size()) + 1;
            const std::string layerFile = "layers/" + std::to_string(number) + ".onnx";
            const Architecture probe = layerProbe(architecture, layer);
            Network probeNetwork(probe, 0);
            ModelInfo probeInfo;
            probeInfo.name = "kit-layer-" + std::to_string(number);
            probeInfo.normalisation = identity(probe);
            writeOnnx(probeNetwork, probeInfo, folder / layerFile, {false, false, 1});
            layerFiles[configuration] = number;
            layers.push_back({{"configuration", configuration}, {"file", layerFile}, {"input", inputShape(probe)}});
        }
        const Metrics metrics = computeMetrics(architecture);
        models.push_back({{"genotype", key},
                          {"file", file},
                          {"input", inputShape(architecture)},
                          {"macs", metrics.macs},
                          {"params", metrics.params},
                          {"layers", configurations}});
    }
    const Json manifest = {{"format", "edgesmith-device-kit"},
                           {"format_version", 1},
                           {"space", spaceDocument},
                           {"models", models},
                           {"layers", layers},
                           {"results_columns", Json::array({"genotype", "median_ms", "p10_ms", "p90_ms", "runs", "threads", "device", "stable"})}};
    writeFileAtomically(folder / "manifest.json", manifest.dump(1) + "\n");
    for (const char* runner : {"run_onnxruntime.py", "run_onnxruntime.js", "run_perf_test.sh", "README.txt"}) copyRunner(runner, folder);
    return {static_cast<int>(models.size()), static_cast<int>(layers.size()), folder / "manifest.json"};
}

Json readKitManifest(const std::filesystem::path& folder) {
    const std::filesystem::path file = folder / "manifest.json";
    Json manifest;
    try {
        manifest = Json::parse(readFile(file));
    } catch (const Json::exception& error) {
        throw Error(file.string(), "", std::string("not JSON: ") + error.what());
    }
    if (!manifest.is_object() || manifest.value("format", "") != "edgesmith-device-kit")
        throw Error(file.string(), "format", "not an EdgeSmith device kit manifest");
    if (!manifest.contains("models") || !manifest["models"].is_array()) throw Error(file.string(), "models", "missing");
    return manifest;
}

} // namespace edgesmith
