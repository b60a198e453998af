#pragma once
// Private to core: the tensors behind Dataset.
#include <torch/torch.h>

#include <vector>

namespace edgesmith {

struct DatasetTensors {
    torch::Tensor images; // uint8, N × C × H × W
    torch::Tensor labels; // int64, N
    int classes = 0;
};

struct Splits;
class Dataset;
// Images of `data` as float tensors on `device`, scaled to 0..1 when stored as bytes and
// normalised with the training split's per-channel statistics: what networks see.
torch::Tensor normalisedImages(const Dataset& data, const Splits& statistics, const torch::Device& device);
// (values − mean) / deviation per channel of N × C × H × W float `values`, in place; left as
// they are when the statistics have another channel count.
void normalisePixels(torch::Tensor& values, const std::vector<double>& mean, const std::vector<double>& deviation);

} // namespace edgesmith
