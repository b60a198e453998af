#pragma once
// Measured peak memory of inference: the largest total of live tensor bytes that
// LibTorch's CPU allocator hands out during one forward pass at batch `batch`, weights
// excluded (they are allocated before). Shown next to the analytic peak activation
// memory of DESIGN.md; the gap is the framework's temporaries (im2col buffers,
// intermediate results of fused blocks). oneDNN scratch memory is not seen by the
// allocator and so not counted.
#include "core/nn/network.h"

#include <cstdint>

namespace edgesmith {

struct MemoryStats {
    std::int64_t measuredPeakBytes = 0; // live tensor bytes during the forward pass, input included
    std::int64_t analyticPeakBytes = 0; // peakActivationBytes() × batch
    int batch = 1;
};

// Swaps the process's CPU allocator for a counting one during the pass, so call it
// while no other thread runs LibTorch (the CLI's latency verb, benchmarks).
MemoryStats measureInferenceMemory(Network& network, int batch = 1);

} // namespace edgesmith
