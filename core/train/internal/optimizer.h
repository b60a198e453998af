#pragma once
// Private to core: the optimizers training and supernets share (SGD with Nesterov
// momentum, Adam, AdamW), by the names project files use.
#include "core/common/error.h"

#include <torch/torch.h>

#include <memory>
#include <string>
#include <vector>

namespace edgesmith {

inline std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const std::vector<torch::Tensor>& parameters, const std::string& name, double rate,
                                                              double momentum, double weightDecay) {
    if (name == "sgd")
        return std::make_unique<torch::optim::SGD>(
            parameters, torch::optim::SGDOptions(rate).momentum(momentum).nesterov(momentum > 0).weight_decay(weightDecay));
    if (name == "adam") return std::make_unique<torch::optim::Adam>(parameters, torch::optim::AdamOptions(rate).weight_decay(weightDecay));
    if (name == "adamw") return std::make_unique<torch::optim::AdamW>(parameters, torch::optim::AdamWOptions(rate).weight_decay(weightDecay));
    throw Error("", "estimator.params.optimizer", "unknown optimizer \"" + name + "\" (sgd, adam or adamw)");
}

} // namespace edgesmith
