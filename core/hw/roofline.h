#pragma once
// The device simulator of survey VI-C: a roofline model per layer for a device profile.
// A layer takes max(work / (peak × efficiency), bytes moved / bandwidth) plus the
// profile's per-layer overhead, and is compute-bound when the first term wins. Memory-fit
// verdicts compare the live activations at each step with the device's RAM (SRAM on an
// MCU) and the weights' storage with its flash; unsupported operators and bitwidths are
// listed. For devices that are not at hand; it ranks, it does not promise milliseconds.
#include "core/common/json.h"
#include "core/hw/device_profile.h"
#include "core/space/architecture.h"

#include <string>
#include <vector>

namespace edgesmith {

struct SimulatedLayer {
    std::string name, operatorClass, dataType;
    double work = 0;          // MACs, or element operations for layers without MACs
    double bytes = 0;         // weights read + activations read and written
    double computeMs = 0, memoryMs = 0, timeMs = 0;
    bool computeBound = false;
    double energyMicrojoules = 0;
    std::int64_t liveBytes = 0; // live activations during this layer's step
};

struct SimulationReport {
    std::string device;
    double latencyMs = 0;
    double energyMillijoules = 0; // 0 when the profile gives no energy figures
    std::int64_t peakActivationBytes = 0, storageBytes = 0;
    bool fitsRam = true, fitsFlash = true;
    std::vector<std::string> ramBreakingLayers; // layers whose step needs more than the RAM
    std::vector<std::string> unsupported;       // "layer: why"
    std::vector<SimulatedLayer> layers;
    Json toJson() const;        // summary and per-layer table
    Json verdictJson() const;   // summary only
};

// Element operations and bytes moved of one layer (the roofline's two axes).
double layerWork(const Architecture& architecture, std::size_t index);
double layerBytes(const Architecture& architecture, std::size_t index, const Bitwidths& bits = {});

SimulationReport simulate(const Architecture& architecture, const DeviceProfile& profile, const Bitwidths& bits = {});

} // namespace edgesmith
