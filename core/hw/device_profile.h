#pragma once
// A device EdgeSmith designs for, described by the figures a roofline model needs: peak
// multiply-accumulates per second per data type, memory bandwidth, working memory and
// storage, the operators and bitwidths its runtime supports, and how close each operator
// class gets to peak. Profiles are JSON files: shipped ones in resources/devices, a
// project's own in a `devices` folder beside the project file (which win over shipped
// ones of the same name).
#include "core/common/json.h"
#include "core/project/schema.h"
#include "core/space/architecture.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace edgesmith {

// Operator classes of the efficiency table; what a runtime's kernels differ by.
// conv (dense k×k), depthwise_conv, pointwise_conv (1×1), group_conv, linear, pool,
// elementwise (add, channel shuffle, slice, concat), squeeze_excite, reshape (flatten, dropout).
const std::vector<std::string>& operatorClasses();
std::string operatorClass(const Layer& layer);

// "fp32", "fp16" or "int8": the arithmetic a layer of these bitwidths runs in.
std::string dataTypeOf(int weightBits, int activationBits);

struct DeviceProfile {
    std::string name;
    std::string kind;        // cpu, gpu, mcu, accelerator
    std::string description;
    std::map<std::string, double> peakMacsPerSecond; // by data type
    double memoryBandwidth = 0;                        // bytes / s
    std::int64_t ramBytes = 0;   // working memory for activations (SRAM on an MCU); 0: not stated
    std::int64_t flashBytes = 0; // storage for weights; 0: not stated
    std::vector<std::string> operators; // operator classes its runtime runs; empty: all
    std::vector<int> bitwidths;         // weight / activation bitwidths it runs; empty: all
    std::map<std::string, double> efficiency; // operator class → fraction of peak (default 1)
    double layerOverheadMs = 0;         // per layer (kernel launch, dispatch)
    std::map<std::string, double> energyPerMacPj; // by data type; empty: no energy estimate
    double energyPerBytePj = 0;
    std::vector<std::string> sources;   // where the figures come from

    // Peak of a data type, falling back to fp16, then fp32 (an MCU without fp16 runs fp16
    // layers in fp32; a GPU without int8 units runs int8 layers in fp16).
    double peak(const std::string& dataType) const;
    double efficiencyOf(const std::string& operatorClass) const;
    bool supportsOperator(const std::string& operatorClass) const;
    bool supportsBits(int bits) const;
    bool hasEnergy() const { return !energyPerMacPj.empty(); }

    // Throws ValidationError listing every problem, each naming `file` and the JSON path.
    static DeviceProfile fromJson(const Json& document, const std::string& file);
    Json toJson() const;
};

// The format of profile files; the GUI's profile editor builds its form from it.
const schema::Node& deviceProfileSchema();

// Folder of a project's own profiles: `devices` beside the project file.
std::filesystem::path projectDeviceDirectory(const std::filesystem::path& projectFile);

// "host", the shipped profiles and the project's own, sorted, each once.
std::vector<std::string> deviceProfileNames(const std::filesystem::path& projectFile = {});

// The profile file a name refers to (the project's own first); empty when none.
std::filesystem::path deviceProfileFile(const std::string& name, const std::filesystem::path& projectFile = {});

// Reads a profile by name, or from a path to a .json file (relative to the project).
// Throws IoError / ValidationError naming the file.
DeviceProfile loadDeviceProfile(const std::string& nameOrPath, const std::filesystem::path& projectFile = {});

// Validates and writes a profile atomically to `file`. Throws ValidationError (nothing
// written) or WriteError.
void saveDeviceProfile(const Json& document, const std::filesystem::path& file);

} // namespace edgesmith
