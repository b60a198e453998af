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

// Weights on the grid of their own range (widened to include 0), per output channel (dim
// 0) or per tensor; symmetric grids use [−2^(b−1)+1, 2^(b−1)−1] around 0, asymmetric ones
// [0, 2^b − 1] with the zero point that makes 0 exact. Vectorised: it runs in every
// forward pass of quantization-aware training.
inline torch::Tensor fakeQuantizedWeight(const torch::Tensor& weight, int bits, bool perChannel, bool symmetric) {
    const torch::Tensor rows = weight.reshape({perChannel ? weight.size(0) : 1, -1});
    const torch::Tensor low = std::get<0>(rows.min(1, true)).clamp_max(0.0), high = std::get<0>(rows.max(1, true)).clamp_min(0.0);
    torch::Tensor scale, zeroPoint;
    double qmin = 0, qmax = 0;
    if (symmetric) {
        qmax = double((std::int64_t(1) << (bits - 1)) - 1);
        qmin = -qmax;
        scale = torch::maximum(-low, high).div(qmax).clamp_min(1e-12);
        zeroPoint = torch::zeros_like(scale);
    } else {
        qmax = double((std::int64_t(1) << bits) - 1);
        scale = (high - low).div(qmax).clamp_min(1e-12);
        zeroPoint = (-low / scale).round().clamp(qmin, qmax);
    }
    return (rows / scale).round().add(zeroPoint).clamp(qmin, qmax).sub(zeroPoint).mul(scale).view_as(weight);
}

} // namespace edgesmith
