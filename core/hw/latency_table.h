#pragma once
// Latency lookup table (survey eq. 21-22): every distinct layer configuration is timed
// once on this host, as a one-layer network, and an architecture's latency is the sum of
// its layers' entries. The framework's fixed cost per forward pass is timed apart (the
// `base`), and a linear correction fitted on a few whole networks accounts for what the
// parts miss (connectivity, cache effects between layers). Thread-safe; measurements
// run under the run's measurement gate so no training overlaps them.
#include "core/common/json.h"
#include "core/hw/latency.h"
#include "core/space/architecture.h"

#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace edgesmith {

class MeasurementGate;

// What makes two layers cost the same: kind, shapes, kernel, stride, groups, BN,
// activation, and the shapes of the tensors it reads.
std::string layerConfigurationKey(const Architecture& architecture, std::size_t index);

// The one-layer network that times layer `index` (inputs that differ in shape are cut
// from one input tensor by free slices).
Architecture layerProbe(const Architecture& architecture, std::size_t index);

class LatencyTable {
public:
    explicit LatencyTable(LatencyOptions options = {});

    // Reads a table written by save(); throws IoError / Error naming the file, or when it
    // was measured with other threads or runs than this table's options.
    void read(const std::filesystem::path& file);
    void save(const std::filesystem::path& file) const;

    // Times the configurations of `architecture` the table lacks; returns how many.
    int profile(const Architecture& architecture, MeasurementGate* gate = nullptr);
    bool covers(const Architecture& architecture) const;

    // Each layer's entry, in order; throws Error for a configuration not profiled.
    std::vector<double> layerTimes(const Architecture& architecture) const;
    double sum(const Architecture& architecture) const; // Σ layerTimes
    // intercept + slope × sum: the latency the table predicts for the whole network.
    double predict(const Architecture& architecture) const { return corrected(sum(architecture)); }
    // The same from a sum of layer times already looked up.
    double corrected(double sumMs) const;

    // Fits intercept and slope by least squares on (sum, measured) pairs of whole networks.
    void calibrate(const std::vector<double>& sums, const std::vector<double>& measuredMs);
    bool calibrated() const;

    std::size_t size() const;
    double baseMs() const;

private:
    void measureBase();
    LatencyOptions options_;
    mutable std::mutex mutex_;
    std::map<std::string, double> entries_;
    double baseMs_ = -1, interceptMs_ = 0, slope_ = 1;
    int calibrationNetworks_ = 0;
};

} // namespace edgesmith
