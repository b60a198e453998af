#pragma once
// C header and source for microcontrollers: every layer in execution order as a table
// entry (kind, shapes, kernel, stride, padding, groups, activation, producers), its int8
// weights and per-output-channel float scales (weight = q × scale, batch norm folded in),
// float biases and the calibrated input grids, as `const` arrays that the linker keeps in
// flash. No inference code: the arrays feed the MCU's own kernels (CMSIS-NN and the like).
#include "core/export/model_file.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace edgesmith {

struct CArraysSummary {
    std::vector<std::filesystem::path> files; // PREFIX.h, PREFIX.c
    std::string prefix;                       // of every C identifier
    std::int64_t weightBytes = 0;             // int8 weights
    std::int64_t scaleBytes = 0;              // float scales
    std::int64_t biasBytes = 0;               // float biases and squeeze-excite weights
    std::int64_t tableBytes = 0;              // the layer table (approximate: entries × size)
    std::int64_t flashBytes = 0;              // all of the above
    std::int64_t peakActivationBytes = 0;     // int8 activations, the RAM a runtime needs
    bool requantized = false; // the network was float or on other grids: weights quantized to 8 bits here
};

// `file`: the header or source path, or a stem; the two are written side by side, both or
// neither. `prefix`: C identifier prefix (empty: from the file name).
CArraysSummary writeCArrays(Network& network, const ModelInfo& info, const std::filesystem::path& file, std::string prefix = "");

} // namespace edgesmith
