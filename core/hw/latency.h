#pragma once
// Latency of a network measured on this machine: warm-up runs, then timed runs of
// inference; the median (and p10 / p90) in milliseconds, with the threads recorded.
#include "core/common/json.h"
#include "core/nn/network.h"

namespace edgesmith {

struct LatencyOptions {
    int batch = 1;
    int warmup = 10;
    int runs = 50;
    int threads = 1; // 0: every core
};

struct LatencyStats {
    double medianMs = 0, p10Ms = 0, p90Ms = 0, meanMs = 0;
    int runs = 0, batch = 1, threads = 1;
    Json toJson() const;
};

LatencyStats measureLatency(Network& network, const LatencyOptions& options = {});

} // namespace edgesmith
