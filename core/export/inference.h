#pragma once
// Inference as a deployed model sees it: raw pixels in, logits out, through EdgeSmith's
// own LibTorch network (quantized layers fake-quantized). The reference every export is
// checked against: ONNX Runtime's outputs, a re-imported archive's, the C arrays'.
#include "core/data/dataset.h"
#include "core/export/model_file.h"
#include "core/nn/network.h"

#include <cstdint>
#include <vector>

namespace edgesmith {

struct PixelBatch {
    std::vector<float> values;          // N×C×H×W, pixels on a 0..1 scale
    std::vector<std::int64_t> shape;    // {N, C, H, W}
    std::vector<std::int64_t> labels;
};

// The first `count` samples of `data` (all of them when it has fewer).
PixelBatch pixelBatch(const Dataset& data, std::int64_t count);

// The training split's normalisation, as exports carry it.
Normalisation normalisationOf(const Splits& splits);

// Logits (N × classes, row-major) in evaluation mode.
std::vector<float> networkOutputs(Network& network, const PixelBatch& batch, const Normalisation& normalisation);

// The output of layer `layer` (N × C × H × W, row-major) for the batch.
std::vector<float> layerOutput(Network& network, std::size_t layer, const PixelBatch& batch, const Normalisation& normalisation);

// The class each row of N × `classes` logits scores highest.
std::vector<int> topClasses(const std::vector<float>& logits, std::size_t classes);

} // namespace edgesmith
