#pragma once
// The project's compression pipeline ("compression": {"pipeline": [...]}, docs/formats.md)
// applied to a trained network, step by step in order: prune-magnitude, prune-channels,
// low-rank, quantize-ptq, quantize-qat, mixed-precision and distill (fine-tuning the
// compressed network with the uncompressed one as teacher, eq. 27). Steps that change the
// architecture (channel pruning, low-rank) hand the next step the smaller network; the
// quantization steps leave the network quantized. Masks of prune-magnitude hold through
// later training steps on the same architecture; a structural step drops them (its
// smaller network starts from the masked weights, which are zero, and may regrow them). This is the search → compress half of
// joint design: `edgesmith-cli compress --front RUN` runs it on a run's Pareto front.
#include "core/common/json.h"
#include "core/compress/quantization.h"
#include "core/data/dataset.h"
#include "core/nn/network.h"
#include "core/train/trainer.h"

#include <atomic>
#include <functional>
#include <memory>
#include <string>

namespace edgesmith {

struct PipelineResult {
    std::unique_ptr<Network> network;    // the compressed network
    QuantizationPolicy policy;           // the bitwidths it ends with (32 where float)
    bool quantized = false;
    Metrics metrics;                     // analytic, at those bitwidths
    Json steps = Json::array();          // per step: method, what it did, validation top-1 after it
    Json layers = Json::array();         // the per-layer table with bitwidths
};

// `pipeline` is the validated array of steps; `fineTune` gives the training settings of
// fine-tuning steps (their epochs come from each step). Throws Error naming
// compression.pipeline[i].params for a step it cannot run, and Cancelled when `cancel` is
// set (checked between steps and during training). `log` receives a line per step.
PipelineResult runCompressionPipeline(Network& trained, const Json& pipeline, const Splits& splits, const TrainingOptions& fineTune,
                                      const std::function<void(const std::string&)>& log = {}, const std::atomic<bool>* cancel = nullptr);

} // namespace edgesmith
