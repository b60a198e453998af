#pragma once
// The project's hardware target as the evaluator sees it: a device profile and the way
// latency is obtained (`hardware.latency_model`):
//   measured  — the network timed on this host;
//   lut       — a latency lookup table of this host's layer timings (eq. 21-22), profiled
//               as new configurations appear, with a correction fitted on a few networks;
//   predictor — a regressor fitted on architectures of the space measured on this host;
//   simulator — the roofline model of the device profile (any device, present or not).
// Tables and predictors are kept beside the project file and reused while the space and
// the measurement settings stay the same.
#include "core/common/json.h"
#include "core/hw/device_profile.h"
#include "core/space/architecture.h"

#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace edgesmith {

class MeasurementGate;
class SearchSpace;
struct Candidate;

class HardwareModel {
public:
    // Reads the project's `hardware` section and loads the profile. Throws Error naming
    // the project file and the field. `latencyNeeded` false: nothing asks for latency, so
    // any profile goes with any model (the profile serves must_fit alone).
    HardwareModel(const Json& project, const std::filesystem::path& projectFile, const SearchSpace& space, bool latencyNeeded = true);
    ~HardwareModel();

    const DeviceProfile& profile() const;
    const std::string& model() const;

    // The first of the hardware.must_fit verdicts ("ram", "flash") that analytic metrics
    // break; empty when they all hold.
    std::optional<std::string> fitViolation(const std::map<std::string, double>& metrics) const;

    // Adds latency_ms (energy_mj from the simulator, measured_latency_ms with
    // hardware.also_measure) to the candidate's metrics and the model's details (per-layer
    // times into its layer table). Thread-safe; the first call of a table or predictor
    // model builds it, and every timing runs under `gate`.
    // Throws Cancelled when `cancel` goes up while a model is built.
    void estimate(Candidate& candidate, const Architecture& architecture, MeasurementGate* gate, const std::atomic<bool>* cancel = nullptr,
                  const std::function<void(const std::string&)>& log = {}) const;

    // The latency alone, for searches that weigh it per drawn architecture (the cost term
    // of differentiable search): lut, predictor and simulator; throws Error for
    // "measured", which would time every draw. Thread-safe; builds the model on first use.
    double latencyOf(const Architecture& architecture, MeasurementGate* gate = nullptr, const std::atomic<bool>* cancel = nullptr) const;

    // Builds (or reads) the lut / predictor model now and keeps its file; nothing for the
    // others. Throws Cancelled when `cancel` goes up.
    void prepare(MeasurementGate* gate, const std::atomic<bool>* cancel = nullptr, const std::function<void(const std::string&)>& log = {}) const;

    // Where the lut / predictor model is kept (empty for the others).
    std::filesystem::path modelFile() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace edgesmith
