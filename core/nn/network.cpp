#include "core/nn/network.h"
#include "core/engine/runtime.h"

#include "core/common/error.h"
#include "core/compress/internal/fake_quantize.h"
#include "core/nn/internal/network_module.h"

namespace edgesmith {
namespace {

torch::Tensor activate(const torch::Tensor& x, std::string_view activation) {
    if (activation.empty()) return x;
    if (activation == "relu") return torch::relu(x);
    if (activation == "relu6") return torch::hardtanh(x, 0.0, 6.0);
    if (activation == "hswish") return torch::hardswish(x);
    if (activation == "swish") return torch::silu(x);
    if (activation == "sigmoid") return torch::sigmoid(x);
    if (activation == "hsigmoid") return torch::hardsigmoid(x);
    throw Error("", "", "unknown activation \"" + std::string(activation) + "\"");
}

std::string moduleName(std::size_t index, const std::string& part) { return "layer" + std::to_string(index) + "_" + part; }

} // namespace

NetworkModuleImpl::NetworkModuleImpl(const Architecture& built) : architecture(built) {
    namespace nn = torch::nn;
    steps.reserve(architecture.layers.size());
    for (std::size_t index = 0; index < architecture.layers.size(); ++index) {
        const Layer& layer = architecture.layers[index];
        Step step{&layer};
        switch (layer.kind) {
        case LayerKind::Conv:
            step.conv = register_module(moduleName(index, "conv"),
                                        nn::Conv2d(nn::Conv2dOptions(layer.input.channels, layer.output.channels, layer.kernel)
                                                       .stride(layer.stride).padding(layer.padding).dilation(layer.dilation).groups(layer.groups).bias(layer.bias)));
            if (layer.batchNorm) step.norm = register_module(moduleName(index, "bn"), nn::BatchNorm2d(layer.output.channels));
            break;
        case LayerKind::Linear:
            step.linear = register_module(moduleName(index, "linear"),
                                          nn::Linear(nn::LinearOptions(layer.input.elements(), layer.output.channels).bias(layer.bias)));
            break;
        case LayerKind::SqueezeExcite:
            step.squeeze = register_module(moduleName(index, "se_reduce"), nn::Conv2d(nn::Conv2dOptions(layer.input.channels, layer.squeezeChannels, 1)));
            step.excite = register_module(moduleName(index, "se_expand"), nn::Conv2d(nn::Conv2dOptions(layer.squeezeChannels, layer.input.channels, 1)));
            break;
        case LayerKind::Dropout:
            step.dropout = register_module(moduleName(index, "dropout"), nn::Dropout(layer.dropout));
            break;
        default:
            break;
        }
        steps.push_back(step);
    }
}

void NetworkModuleImpl::initialise() {
    torch::NoGradGuard guard;
    for (auto& step : steps) {
        if (step.conv) {
            torch::nn::init::kaiming_normal_(step.conv->weight, 0.0, torch::kFanOut, torch::kReLU);
            if (step.conv->options.bias()) torch::nn::init::zeros_(step.conv->bias);
        }
        if (step.norm) {
            torch::nn::init::ones_(step.norm->weight);
            torch::nn::init::zeros_(step.norm->bias);
        }
        if (step.linear) {
            torch::nn::init::normal_(step.linear->weight, 0.0, 0.01);
            if (step.linear->options.bias()) torch::nn::init::zeros_(step.linear->bias);
        }
        for (auto* conv : {&step.squeeze, &step.excite}) {
            if (!*conv) continue;
            torch::nn::init::kaiming_normal_((*conv)->weight, 0.0, torch::kFanOut, torch::kReLU);
            torch::nn::init::zeros_((*conv)->bias);
        }
    }
}

torch::Tensor NetworkModuleImpl::quantizedInput(std::size_t step, const torch::Tensor& input) {
    if (observer) observer(step, input);
    if (step >= inputQuantizers.size() || !inputQuantizers[step].active) return input;
    const InputQuantizer& q = inputQuantizers[step];
    // Rounded on the grid; the straight-through estimator passes gradients unchanged
    // (QAT), so the rounding is detached.
    const torch::Tensor grid = fakeQuantized(input, q.scale, q.zeroPoint, q.qmin, q.qmax);
    return input + (grid - input).detach();
}

bool NetworkModuleImpl::transformsWeight(std::size_t step) const {
    return (step < weightQuantizers.size() && weightQuantizers[step].bits < 32) || (step < weightMasks.size() && weightMasks[step].defined());
}

torch::Tensor NetworkModuleImpl::effectiveWeight(std::size_t step, const torch::Tensor& weight) const {
    torch::Tensor result = step < weightMasks.size() && weightMasks[step].defined() ? weight * weightMasks[step] : weight;
    if (step >= weightQuantizers.size() || weightQuantizers[step].bits >= 32) return result;
    const WeightQuantizer& q = weightQuantizers[step];
    const torch::Tensor grid = fakeQuantizedWeight(result.detach(), q.bits, q.perChannel, q.symmetric);
    return result + (grid - result).detach();
}

torch::Tensor NetworkModuleImpl::forward(const torch::Tensor& input) {
    std::vector<torch::Tensor> outputs(steps.size());
    const auto tensorOf = [&](int producer) -> const torch::Tensor& {
        return producer < 0 ? input : outputs[static_cast<std::size_t>(producer)];
    };
    for (std::size_t index = 0; index < steps.size(); ++index) {
        Step& step = steps[index];
        const Layer& layer = *step.layer;
        const torch::Tensor& x = tensorOf(layer.inputs.front());
        torch::Tensor y;
        switch (layer.kind) {
        case LayerKind::Conv:
            y = transformsWeight(index)
                    ? torch::conv2d(quantizedInput(index, x), effectiveWeight(index, step.conv->weight), step.conv->bias, layer.stride, layer.padding,
                                    layer.dilation, layer.groups)
                    : step.conv->forward(quantizedInput(index, x));
            if (step.norm) y = step.norm->forward(y);
            y = activate(y, layer.activation);
            break;
        case LayerKind::Linear:
            y = activate(transformsWeight(index)
                             ? torch::linear(quantizedInput(index, x.flatten(1)), effectiveWeight(index, step.linear->weight), step.linear->bias)
                             : step.linear->forward(quantizedInput(index, x.flatten(1))),
                         layer.activation);
            break;
        case LayerKind::MaxPool:
            y = torch::max_pool2d(x, layer.kernel, layer.stride, layer.padding);
            break;
        case LayerKind::AvgPool:
            y = torch::avg_pool2d(x, layer.kernel, layer.stride, layer.padding);
            break;
        case LayerKind::GlobalAvgPool:
            y = torch::adaptive_avg_pool2d(x, {1, 1});
            break;
        case LayerKind::SqueezeExcite: {
            torch::Tensor gate = torch::adaptive_avg_pool2d(x, {1, 1});
            gate = step.excite->forward(torch::relu(step.squeeze->forward(gate)));
            y = x * activate(gate, layer.activation);
            break;
        }
        case LayerKind::Add:
            y = activate(x + tensorOf(layer.inputs[1]), layer.activation);
            break;
        case LayerKind::Dropout:
            y = step.dropout->forward(x);
            break;
        case LayerKind::Flatten:
            y = x.flatten(1);
            break;
        case LayerKind::ChannelShuffle: {
            const auto sizes = x.sizes();
            y = x.view({sizes[0], layer.groups, sizes[1] / layer.groups, sizes[2], sizes[3]})
                    .transpose(1, 2)
                    .contiguous()
                    .view(sizes);
            break;
        }
        case LayerKind::Slice:
            y = x.narrow(1, layer.sliceStart, layer.output.channels);
            break;
        case LayerKind::Concat: {
            std::vector<torch::Tensor> parts;
            for (int producer : layer.inputs) parts.push_back(tensorOf(producer));
            y = torch::cat(parts, 1);
            break;
        }
        }
        if (index < outputScales.size() && outputScales[index].defined()) y = y * outputScales[index];
        outputs[index] = std::move(y);
    }
    return steps.empty() ? input : outputs.back();
}

Network::Network(const Architecture& architecture, std::uint64_t seed) : architecture_(architecture) {
    torch::manual_seed(seed);
    module_ = std::make_shared<NetworkModuleImpl>(architecture_);
    module_->initialise();
}

Network::~Network() = default;
Network::Network(Network&&) noexcept = default;
Network& Network::operator=(Network&&) noexcept = default;

std::int64_t Network::parameterCount() const {
    std::int64_t count = 0;
    for (const auto& parameter : module_->parameters()) count += parameter.numel();
    return count;
}

std::vector<std::int64_t> Network::outputShape(int batch) const {
    torch::NoGradGuard guard;
    const bool training = module_->is_training();
    module_->eval();
    const auto& in = architecture_.input;
    const auto device = module_->parameters().empty() ? torch::Device(torch::kCPU) : module_->parameters().front().device();
    const torch::Tensor output = module_->forward(torch::zeros({batch, in.channels, in.height, in.width}, torch::TensorOptions().device(device)));
    module_->train(training);
    return output.sizes().vec();
}

void Network::save(const std::string& file) const {
    try {
        torch::serialize::OutputArchive archive;
        module_->save(archive);
        archive.save_to(file);
    } catch (const c10::Error& error) {
        throw IoError(file, "", std::string("cannot write the weights: ") + error.what_without_backtrace());
    }
}

void Network::load(const std::string& file) {
    torch::serialize::InputArchive archive;
    try {
        archive.load_from(file);
    } catch (const c10::Error& error) {
        throw IoError(file, "", std::string("cannot read weights from it: ") + error.what_without_backtrace());
    }
    // LibTorch's load replaces tensors whatever their shape, so the shapes are checked
    // here and the network is left as it was when they differ.
    std::vector<torch::Tensor> tensors, kept;
    for (const auto& tensor : module_->parameters()) tensors.push_back(tensor);
    for (const auto& tensor : module_->buffers()) tensors.push_back(tensor);
    std::vector<std::vector<std::int64_t>> shapes;
    for (const auto& tensor : tensors) {
        shapes.push_back(tensor.sizes().vec());
        kept.push_back(tensor.detach().clone());
    }
    const auto restore = [&] {
        torch::NoGradGuard guard;
        for (std::size_t index = 0; index < tensors.size(); ++index) tensors[index].set_(kept[index]);
    };
    try {
        module_->load(archive);
    } catch (const c10::Error& error) {
        restore();
        throw Error(file, "", std::string("the weights are not those of this architecture: ") + error.what_without_backtrace());
    }
    for (std::size_t index = 0; index < tensors.size(); ++index)
        if (tensors[index].sizes().vec() != shapes[index]) {
            restore();
            throw Error(file, "", "the weights are not those of this architecture: a tensor of shape " +
                                      std::to_string(tensors[index].numel()) + " values where " + std::to_string(kept[index].numel()) + " belong");
        }
}

void Network::moveTo(const std::string& device) {
    if (device == "cuda" && !torch::cuda::is_available()) throw Error("", "", "CUDA was asked for but LibTorch sees no CUDA device");
    if (device != "cpu" && device != "cuda") throw Error("", "", "unknown device \"" + device + "\"; use cpu or cuda");
    module_->to(device == "cuda" ? torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(cudaDeviceIndex())) : torch::Device(torch::kCPU));
}

} // namespace edgesmith
