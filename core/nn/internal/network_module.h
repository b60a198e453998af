#pragma once
// Private to core: the torch module behind Network. Include only from core .cpp files.
#include "core/space/architecture.h"

#include <torch/torch.h>

#include <functional>

namespace edgesmith {

struct NetworkModuleImpl : torch::nn::Module {
    explicit NetworkModuleImpl(const Architecture& architecture);
    torch::Tensor forward(const torch::Tensor& input);
    torch::Tensor quantizedInput(std::size_t step, const torch::Tensor& input);
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

    // Fake quantization of the inputs of convolutions and linear layers (post-training
    // quantization and QAT); empty: float inference.
    struct InputQuantizer {
        bool active = false;
        double scale = 1;
        std::int64_t zeroPoint = 0, qmin = 0, qmax = 255;
    };
    std::vector<InputQuantizer> inputQuantizers;
    // Quantization-aware training: the weights of convolutions and linear layers are
    // fake-quantized in every forward pass, the rounding passed straight through so the
    // float weights keep learning; empty: the weights as stored.
    struct WeightQuantizer {
        int bits = 32;
        bool perChannel = true, symmetric = true;
    };
    std::vector<WeightQuantizer> weightQuantizers;
    // The grids post-training quantization put the stored weights on, kept for exports (the
    // integer values and scales an int8 model carries); empty: float weights.
    std::vector<WeightQuantizer> weightGrids;
    // Unstructured pruning: 0/1 masks multiplied into the weights of every forward pass, so
    // pruned weights stay zero while the network fine-tunes; undefined or empty: none.
    std::vector<torch::Tensor> weightMasks;
    // The weight a convolution or linear step computes with: masked, then fake-quantized.
    torch::Tensor effectiveWeight(std::size_t step, const torch::Tensor& weight) const;
    bool transformsWeight(std::size_t step) const;
    // Differentiable search: the output of a step times this (a one-valued straight-through
    // gate whose gradient reaches the architecture parameters); empty or undefined: none.
    std::vector<torch::Tensor> outputScales;
    // Sees the input of every convolution and linear step (calibration); empty: off.
    std::function<void(std::size_t step, const torch::Tensor& input)> observer;
};

} // namespace edgesmith
