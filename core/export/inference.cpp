#include "core/export/inference.h"

#include "core/common/error.h"
#include "core/data/internal/dataset_tensors.h"
#include "core/nn/internal/network_module.h"

namespace edgesmith {
namespace {

torch::Tensor normalised(const PixelBatch& batch, const Normalisation& normalisation) {
    torch::Tensor values = torch::from_blob(const_cast<float*>(batch.values.data()), batch.shape, torch::kFloat32).clone();
    normalisePixels(values, normalisation.mean, normalisation.deviation);
    return values;
}

std::vector<float> flattened(const torch::Tensor& tensor) {
    const torch::Tensor values = tensor.detach().to(torch::kCPU).to(torch::kFloat32).contiguous();
    return {values.data_ptr<float>(), values.data_ptr<float>() + values.numel()};
}

// Runs the batch in evaluation mode; `see` watches each step's output.
torch::Tensor run(Network& network, const PixelBatch& batch, const Normalisation& normalisation) {
    NetworkModuleImpl& module = network.module();
    torch::NoGradGuard guard;
    const bool training = module.is_training();
    module.eval();
    const auto device = module.parameters().empty() ? torch::Device(torch::kCPU) : module.parameters().front().device();
    torch::Tensor output = module.forward(normalised(batch, normalisation).to(device));
    module.train(training);
    return output;
}

} // namespace

PixelBatch pixelBatch(const Dataset& data, std::int64_t count) {
    const torch::Tensor& images = data.tensors().images;
    const std::int64_t taken = std::min<std::int64_t>(count, images.size(0));
    torch::Tensor values = images.narrow(0, 0, taken);
    values = values.scalar_type() == torch::kUInt8 ? values.to(torch::kFloat32).div(255.0) : values.to(torch::kFloat32);
    PixelBatch batch;
    batch.values = flattened(values);
    batch.shape = values.sizes().vec();
    const torch::Tensor labels = data.tensors().labels.narrow(0, 0, taken).contiguous();
    batch.labels.assign(labels.data_ptr<std::int64_t>(), labels.data_ptr<std::int64_t>() + taken);
    return batch;
}

std::vector<int> topClasses(const std::vector<float>& logits, std::size_t classes) {
    std::vector<int> result;
    for (std::size_t row = 0; classes > 0 && row + classes <= logits.size(); row += classes) {
        const auto first = logits.begin() + static_cast<std::ptrdiff_t>(row);
        result.push_back(static_cast<int>(std::max_element(first, first + static_cast<std::ptrdiff_t>(classes)) - first));
    }
    return result;
}

Normalisation normalisationOf(const Splits& splits) { return {splits.mean, splits.deviation}; }

std::vector<float> networkOutputs(Network& network, const PixelBatch& batch, const Normalisation& normalisation) {
    return flattened(run(network, batch, normalisation));
}

std::vector<float> layerOutput(Network& network, std::size_t layer, const PixelBatch& batch, const Normalisation& normalisation) {
    if (layer >= network.architecture().layers.size()) throw Error("", "", "the network has no layer " + std::to_string(layer));
    // The forward pass keeps no intermediate outputs, so the prefix up to `layer` is run
    // as its own network sharing the same modules.
    NetworkModuleImpl& module = network.module();
    std::vector<NetworkModuleImpl::Step> steps = module.steps;
    module.steps.resize(layer + 1);
    try {
        std::vector<float> values = flattened(run(network, batch, normalisation));
        module.steps = std::move(steps);
        return values;
    } catch (...) {
        module.steps = std::move(steps);
        throw;
    }
}

} // namespace edgesmith
