#pragma once
// Private to core: the torch module behind Network. Include only from core .cpp files.
#include "core/space/architecture.h"

#include <torch/torch.h>

namespace edgesmith {

struct NetworkModuleImpl : torch::nn::Module {
    explicit NetworkModuleImpl(const Architecture& architecture);
    torch::Tensor forward(const torch::Tensor& input);
    void initialise();

    struct Step {
        const Layer* layer;
        torch::nn::Conv2d conv{nullptr};
        torch::nn::BatchNorm2d norm{nullptr};
        torch::nn::Linear linear{nullptr};
        torch::nn::Conv2d squeeze{nullptr}, excite{nullptr};
        torch::nn::Dropout dropout{nullptr};
    };
    Architecture architecture;
    std::vector<Step> steps;
};

} // namespace edgesmith
