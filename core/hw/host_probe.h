#pragma once
// Measures this machine's device profile: peak fp32 MAC/s from a matrix product, memory
// bandwidth from a large copy, each operator class's efficiency from a representative
// layer timed as in the latency table, and the framework's per-layer overhead. What the
// shipped `host` profile was made with, and what users run to describe their own host.
#include "core/hw/device_profile.h"

namespace edgesmith {

DeviceProfile measureHostProfile(int threads = 1);

} // namespace edgesmith
