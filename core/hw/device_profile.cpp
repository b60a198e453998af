#include "core/hw/device_profile.h"

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/common/paths.h"
#include "core/common/text.h"
#include "core/project/project.h"

#include <algorithm>
#include <set>

namespace edgesmith {

using schema::Node;

const std::vector<std::string>& operatorClasses() {
    static const std::vector<std::string> classes = {"conv",        "depthwise_conv", "pointwise_conv", "group_conv", "linear",
                                                     "pool",        "elementwise",    "squeeze_excite", "reshape"};
    return classes;
}

std::string operatorClass(const Layer& layer) {
    switch (layer.kind) {
    case LayerKind::Conv:
        if (layer.groups > 1 && layer.groups == layer.input.channels) return "depthwise_conv";
        if (layer.groups > 1) return "group_conv";
        return layer.kernel == 1 ? "pointwise_conv" : "conv";
    case LayerKind::Linear: return "linear";
    case LayerKind::MaxPool:
    case LayerKind::AvgPool:
    case LayerKind::GlobalAvgPool: return "pool";
    case LayerKind::SqueezeExcite: return "squeeze_excite";
    case LayerKind::Dropout:
    case LayerKind::Flatten: return "reshape";
    case LayerKind::Add:
    case LayerKind::ChannelShuffle:
    case LayerKind::Slice:
    case LayerKind::Concat: return "elementwise";
    }
    return "elementwise";
}

std::string dataTypeOf(int weightBits, int activationBits) {
    const int bits = std::max(weightBits, activationBits);
    if (bits <= 8) return "int8";
    if (bits <= 16) return "fp16";
    return "fp32";
}

double DeviceProfile::peak(const std::string& dataType) const {
    for (const char* type : {dataType.c_str(), "fp16", "fp32"})
        if (const auto found = peakMacsPerSecond.find(type); found != peakMacsPerSecond.end()) return found->second;
    return peakMacsPerSecond.empty() ? 0 : peakMacsPerSecond.begin()->second;
}

double DeviceProfile::efficiencyOf(const std::string& operatorClass) const {
    const auto found = efficiency.find(operatorClass);
    return found == efficiency.end() ? 1.0 : found->second;
}

bool DeviceProfile::supportsOperator(const std::string& operatorClass) const {
    return operators.empty() || operatorClass == "reshape" || std::find(operators.begin(), operators.end(), operatorClass) != operators.end();
}

bool DeviceProfile::supportsBits(int bits) const {
    return bitwidths.empty() || std::find(bitwidths.begin(), bitwidths.end(), bits) != bitwidths.end();
}

namespace {

Node perDataType(const std::string& what, const std::string& unit) {
    return Node::object(what + " by data type (" + unit + ")")
        .field("fp32", Node::number(what + ", 32-bit float").above(0))
        .field("fp16", Node::number(what + ", 16-bit float").above(0))
        .field("int8", Node::number(what + ", 8-bit integer").above(0));
}

Node deviceSchema() {
    Node efficiency = Node::object("Fraction of peak each operator class reaches on this device's runtime (default 1)");
    for (const std::string& name : operatorClasses())
        efficiency = efficiency.field(name, Node::number("Efficiency of " + name + " layers").above(0).atMost(1));
    return Node::object("A device profile")
        .required("format_version", Node::integer("Version of this file format").atLeast(1).atMost(1))
        .required("name", Node::string("Profile name").nonEmpty())
        .required("kind", Node::choice({"cpu", "gpu", "mcu", "accelerator"}, "Kind of device"))
        .field("description", Node::string("Free text"))
        .required("peak_macs_per_second", perDataType("Peak multiply-accumulates per second", "MAC/s").nonEmpty())
        .required("memory_bandwidth_bytes_per_second", Node::number("Sustained memory bandwidth (B/s)").above(0))
        .field("ram_bytes", Node::integer("Working memory for activations: on-chip SRAM on an MCU, RAM on a board (0: not stated)").atLeast(0).byDefault(0))
        .field("flash_bytes", Node::integer("Storage for the weights: flash on an MCU (0: not stated)").atLeast(0).byDefault(0))
        .field("operators", Node::array(Node::choice(operatorClasses(), "Operator class"), "Operator classes its runtime runs (empty: all)"))
        .field("bitwidths", Node::array(Node::integer("Bitwidth").atLeast(1).atMost(32), "Weight and activation bitwidths it runs (empty: all)"))
        .field("efficiency", efficiency)
        .field("layer_overhead_ms", Node::number("Fixed time per layer: kernel launch, dispatch (ms)").atLeast(0).byDefault(0))
        .field("energy_per_mac_pj", perDataType("Energy per multiply-accumulate", "pJ"))
        .field("energy_per_byte_pj", Node::number("Energy per byte moved to or from memory (pJ)").atLeast(0).byDefault(0))
        .field("sources", Node::array(Node::string("Where a figure comes from").nonEmpty(), "Sources of the figures"));
}

std::map<std::string, double> numbersOf(const Json& object) {
    std::map<std::string, double> values;
    if (object.is_object())
        for (const auto& [key, value] : object.items()) values[key] = value.get<double>();
    return values;
}

} // namespace

const schema::Node& deviceProfileSchema() {
    static const Node node = deviceSchema();
    return node;
}

DeviceProfile DeviceProfile::fromJson(const Json& document, const std::string& file) {
    std::vector<Diagnostic> problems;
    schema::validate(document, deviceProfileSchema(), file, "", problems);
    if (!problems.empty()) throw ValidationError(std::move(problems));
    const Json full = schema::withDefaults(document, deviceProfileSchema());
    DeviceProfile profile;
    profile.name = full.at("name").get<std::string>();
    profile.kind = full.at("kind").get<std::string>();
    profile.description = full.value("description", "");
    profile.peakMacsPerSecond = numbersOf(full.at("peak_macs_per_second"));
    profile.memoryBandwidth = full.at("memory_bandwidth_bytes_per_second").get<double>();
    profile.ramBytes = full.at("ram_bytes").get<std::int64_t>();
    profile.flashBytes = full.at("flash_bytes").get<std::int64_t>();
    profile.operators = full.value("operators", std::vector<std::string>{});
    profile.bitwidths = full.value("bitwidths", std::vector<int>{});
    profile.efficiency = numbersOf(full.value("efficiency", Json::object()));
    profile.layerOverheadMs = full.at("layer_overhead_ms").get<double>();
    profile.energyPerMacPj = numbersOf(full.value("energy_per_mac_pj", Json::object()));
    profile.energyPerBytePj = full.at("energy_per_byte_pj").get<double>();
    profile.sources = full.value("sources", std::vector<std::string>{});
    if (profile.hasEnergy() && profile.energyPerBytePj == 0)
        throw ValidationError({{file, "energy_per_byte_pj", "is needed with energy_per_mac_pj"}});
    return profile;
}

Json DeviceProfile::toJson() const {
    Json document = {{"format_version", 1},
                     {"name", name},
                     {"kind", kind},
                     {"description", description},
                     {"peak_macs_per_second", peakMacsPerSecond},
                     {"memory_bandwidth_bytes_per_second", memoryBandwidth},
                     {"ram_bytes", ramBytes},
                     {"flash_bytes", flashBytes},
                     {"operators", operators},
                     {"bitwidths", bitwidths},
                     {"efficiency", efficiency},
                     {"layer_overhead_ms", layerOverheadMs},
                     {"sources", sources}};
    if (hasEnergy()) {
        document["energy_per_mac_pj"] = energyPerMacPj;
        document["energy_per_byte_pj"] = energyPerBytePj;
    }
    return document;
}

std::filesystem::path projectDeviceDirectory(const std::filesystem::path& projectFile) {
    return projectFile.empty() ? std::filesystem::path{} : projectFile.parent_path() / "devices";
}

namespace {

void addStems(const std::filesystem::path& folder, std::set<std::string>& names) {
    std::error_code status;
    if (folder.empty() || !std::filesystem::is_directory(folder, status)) return;
    for (const auto& entry : std::filesystem::directory_iterator(folder, status))
        if (entry.path().extension() == ".json") names.insert(entry.path().stem().string());
}

} // namespace

std::vector<std::string> deviceProfileNames(const std::filesystem::path& projectFile) {
    std::set<std::string> names;
    addStems(resourceDirectory() / "devices", names);
    addStems(projectDeviceDirectory(projectFile), names);
    names.erase("host");
    std::vector<std::string> ordered = {"host"};
    ordered.insert(ordered.end(), names.begin(), names.end());
    return ordered;
}

std::filesystem::path deviceProfileFile(const std::string& name, const std::filesystem::path& projectFile) {
    std::error_code status;
    for (const auto& folder : {projectDeviceDirectory(projectFile), resourceDirectory() / "devices"}) {
        if (folder.empty()) continue;
        const auto file = folder / (name + ".json");
        if (std::filesystem::is_regular_file(file, status)) return file;
    }
    return {};
}

DeviceProfile loadDeviceProfile(const std::string& nameOrPath, const std::filesystem::path& projectFile) {
    std::filesystem::path file;
    if (nameOrPath.size() > 5 && nameOrPath.ends_with(".json"))
        file = resolveBeside(projectFile, nameOrPath);
    else
        file = deviceProfileFile(nameOrPath, projectFile);
    if (file.empty())
        throw IoError(projectFile.string(), "hardware.profile",
                      "no device profile \"" + nameOrPath + "\"; known: " + joinWords(deviceProfileNames(projectFile)));
    const ParsedJson parsed = parseJson(readFile(file), file.string());
    if (!parsed.parsed || !parsed.diagnostics.empty()) throw ValidationError(parsed.diagnostics);
    return DeviceProfile::fromJson(parsed.value, file.string());
}

void saveDeviceProfile(const Json& document, const std::filesystem::path& file) {
    DeviceProfile::fromJson(document, file.string());
    writeFileAtomically(file, document.dump(2) + "\n");
}

} // namespace edgesmith
