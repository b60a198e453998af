#pragma once
// Private to core: the one place the quantization grid (survey eq. 28) is applied to a
// tensor, shared by the quantization tools and the network's forward pass.
#include <torch/torch.h>

#include <cstdint>

namespace edgesmith {

// clamp(round(x / s) + z, qmin, qmax) − z, times s.
inline torch::Tensor fakeQuantized(const torch::Tensor& values, double scale, std::int64_t zeroPoint, std::int64_t qmin, std::int64_t qmax) {
    return (values / scale).round().add(double(zeroPoint)).clamp(double(qmin), double(qmax)).sub(double(zeroPoint)).mul(scale);
}

} // namespace edgesmith
