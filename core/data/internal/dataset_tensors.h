#pragma once
// Private to core: the tensors behind Dataset.
#include <torch/torch.h>

namespace edgesmith {

struct DatasetTensors {
    torch::Tensor images; // uint8, N × C × H × W
    torch::Tensor labels; // int64, N
    int classes = 0;
};

} // namespace edgesmith
