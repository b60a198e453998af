#pragma once
// ONNX models written with the ONNX protobuf (opset 13): the float network, or the
// quantized one as QDQ — QuantizeLinear / DequantizeLinear around every quantized layer's
// input, int8 weights with per-channel scales behind DequantizeLinear. Batch norm is folded
// into the convolution before it (exact for per-channel symmetric grids: a positive
// per-channel factor scales the grid, a negative one flips the integers). Node names are
// the layer names of the per-layer table; the graph takes pixels on a 0..1 scale and
// normalises them itself. Every model passes onnx::checker before it is written.
#include "core/export/model_file.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace edgesmith {

struct OnnxOptions {
    bool quantized = false;   // QDQ; needs a quantized network (see isQuantized)
    bool dynamicBatch = true; // input dimension 0 named "batch", else fixed at `batch`
    int batch = 1;
};

struct OnnxSummary {
    int opset = 13;
    std::int64_t nodes = 0;
    std::int64_t bytes = 0;            // of the file
    std::int64_t quantizedLayers = 0;  // layers whose weights are int8 initializers
    std::int64_t quantizedInputs = 0;  // QuantizeLinear / DequantizeLinear pairs
};

// Throws Error when a layer cannot be expressed (activation grids wider than 8 bits in
// QDQ) or the model fails the checker, IoError when the file cannot be written; nothing
// is left at `file` then.
OnnxSummary writeOnnx(Network& network, const ModelInfo& info, const std::filesystem::path& file, const OnnxOptions& options = {});

} // namespace edgesmith
