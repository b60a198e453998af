#include "core/train/trainer.h"

#include "core/common/error.h"
#include "core/common/text.h"
#include "core/data/internal/dataset_tensors.h"
#include "core/engine/runtime.h"
#include "core/nn/internal/network_module.h"
#include "core/train/internal/optimizer.h"

#include <chrono>
#include <cmath>
#include <numeric>
#include <random>

namespace edgesmith {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

double scheduledRate(const TrainingOptions& options, double epochPosition) {
    double rate = options.learningRate;
    if (options.warmupEpochs > 0 && epochPosition < options.warmupEpochs) return rate * (epochPosition + 1e-3) / options.warmupEpochs;
    const double span = std::max(1e-9, options.epochs - options.warmupEpochs);
    const double progress = std::clamp((epochPosition - options.warmupEpochs) / span, 0.0, 1.0);
    if (options.schedule == "cosine") rate *= 0.5 * (1 + std::cos(M_PI * progress));
    else if (options.schedule == "step") rate *= std::pow(0.1, std::floor(progress * 3.0 - 1e-9));
    return rate;
}

// Random crops and flips of one batch, drawn from `generator` so a seeded run repeats.
// The padding is zero after normalisation, i.e. the mean pixel, not black.
torch::Tensor augmented(const torch::Tensor& input, const TrainingOptions& options, torch::Generator& generator) {
    torch::Tensor output = input;
    const std::int64_t count = input.size(0);
    if (options.cropPadding > 0 && input.size(2) > 1) {
        const std::int64_t padding = options.cropPadding, height = input.size(2), width = input.size(3);
        const torch::Tensor padded = torch::constant_pad_nd(input, {padding, padding, padding, padding}, 0);
        const auto indexOptions = torch::TensorOptions().dtype(torch::kInt64);
        const torch::Tensor offsets = torch::randint(0, 2 * padding + 1, {2, count}, generator, indexOptions).to(input.device());
        const torch::Tensor rows = (offsets[0].view({count, 1}) + torch::arange(height, indexOptions.device(input.device()))).view({count, 1, height, 1});
        const torch::Tensor columns = (offsets[1].view({count, 1}) + torch::arange(width, indexOptions.device(input.device()))).view({count, 1, 1, width});
        const torch::Tensor samples = torch::arange(count, indexOptions.device(input.device())).view({count, 1, 1, 1});
        const torch::Tensor channels = torch::arange(input.size(1), indexOptions.device(input.device())).view({1, input.size(1), 1, 1});
        output = padded.index({samples, channels, rows, columns});
    }
    if (options.horizontalFlip && input.size(3) > 1) {
        const torch::Tensor mirror = torch::rand({count}, generator).lt(0.5).to(input.device()).view({count, 1, 1, 1});
        output = torch::where(mirror, output.flip({3}), output);
    }
    return output.contiguous();
}

// Survey eq. 27: the soft targets' KL term, scaled by T² so its gradients keep their size
// as T changes, mixed with the hard-label loss.
torch::Tensor distilled(const torch::Tensor& hardLoss, const torch::Tensor& logits, NetworkModuleImpl& teacher, const torch::Tensor& input,
                        const TrainingOptions& options) {
    const double alpha = options.distillationWeight, temperature = options.temperature;
    if (alpha == 0) return hardLoss;
    torch::Tensor soft;
    {
        torch::NoGradGuard guard;
        soft = torch::softmax(teacher.forward(input) / temperature, 1);
    }
    const torch::Tensor studentLog = torch::log_softmax(logits / temperature, 1);
    const torch::Tensor kl = torch::nn::functional::kl_div(studentLog, soft, torch::nn::functional::KLDivFuncOptions().reduction(torch::kBatchMean));
    return hardLoss * (1 - alpha) + kl * (alpha * temperature * temperature);
}

void setRate(torch::optim::Optimizer& optimizer, double rate) {
    for (auto& group : optimizer.param_groups()) group.options().set_lr(rate);
}

} // namespace

TrainingOptions TrainingOptions::fromJson(const Json& params) {
    TrainingOptions options;
    options.epochs = params.value("epochs", options.epochs);
    options.batchSize = params.value("batch_size", options.batchSize);
    options.optimizer = params.value("optimizer", options.optimizer);
    options.learningRate = params.value("learning_rate", options.learningRate);
    options.momentum = params.value("momentum", options.momentum);
    options.weightDecay = params.value("weight_decay", options.weightDecay);
    options.schedule = params.value("schedule", options.schedule);
    options.warmupEpochs = params.value("warmup_epochs", options.warmupEpochs);
    options.labelSmoothing = params.value("label_smoothing", options.labelSmoothing);
    options.gradientClip = params.value("gradient_clip", options.gradientClip);
    options.subset = params.value("subset", options.subset);
    options.earlyStoppingPatience = params.value("early_stopping_patience", options.earlyStoppingPatience);
    options.seed = params.value("seed", options.seed);
    return options;
}

void TrainingOptions::applyAugmentation(const Json& augment) {
    if (!augment.is_object()) return;
    horizontalFlip = augment.value("horizontal_flip", horizontalFlip);
    cropPadding = augment.value("random_crop_padding", cropPadding);
}

std::string TrainingOptions::proxyDescription() const {
    std::string text = std::to_string(epochs) + (epochs == 1 ? " epoch" : " epochs");
    if (subset < 1.0) text += ", " + formatNumber(std::round(subset * 1000) / 10) + " % of the training split";
    return text;
}

Json Evaluation::toJson() const {
    return {{"top1", top1}, {"top5", top5}, {"loss", loss}, {"per_class_accuracy", perClassAccuracy}, {"confusion", confusion}};
}

Json TrainingResult::toJson() const {
    Json epochs = Json::array();
    for (const auto& record : history)
        epochs.push_back({{"epoch", record.epoch}, {"train_loss", record.trainLoss}, {"train_accuracy", record.trainAccuracy},
                          {"validation_accuracy", record.validationAccuracy}, {"learning_rate", record.learningRate},
                          {"seconds", record.seconds}});
    return {{"history", epochs},       {"validation", validation.toJson()}, {"best_epoch", bestEpoch},
            {"seconds", seconds},      {"samples_per_second", samplesPerSecond}, {"cancelled", cancelled},
            {"stopped_early", stoppedEarly}, {"proxy", proxy}, {"training_samples_per_second", trainingSamplesPerSecond}};
}

void recalibrateBatchNorm(Network& network, const Dataset& data, const Splits& statistics, int batches, int batchSize) {
    NetworkModuleImpl& module = network.module();
    const torch::Device device = module.parameters().empty() ? torch::Device(torch::kCPU) : module.parameters().front().device();
    std::vector<torch::nn::BatchNorm2d> norms;
    for (auto& step : module.steps)
        if (step.norm) norms.push_back(step.norm);
    if (norms.empty() || data.size() == 0) return;
    // A cumulative average over the batches (momentum unset) rather than an exponential one.
    std::vector<c10::optional<double>> momenta;
    for (auto& norm : norms) {
        momenta.push_back(norm->options.momentum());
        norm->reset_running_stats();
        norm->options.momentum(c10::nullopt);
    }
    const bool training = module.is_training();
    module.train();
    {
        torch::NoGradGuard guard;
        const torch::Tensor images = normalisedImages(data, statistics, device);
        torch::Generator generator = at::detail::createCPUGenerator(0);
        const torch::Tensor order = torch::randperm(images.size(0), generator, torch::kInt64).to(device);
        for (std::int64_t batch = 0; batch < batches && batch * batchSize < images.size(0); ++batch) {
            const std::int64_t count = std::min<std::int64_t>(batchSize, images.size(0) - batch * batchSize);
            module.forward(images.index_select(0, order.narrow(0, batch * batchSize, count)));
        }
    }
    for (std::size_t index = 0; index < norms.size(); ++index) norms[index]->options.momentum(momenta[index]);
    module.train(training);
}

Evaluation evaluate(Network& network, const Dataset& data, const Splits& statistics, int batchSize) {
    NetworkModuleImpl& module = network.module();
    const torch::Device device = module.parameters().empty() ? torch::Device(torch::kCPU) : module.parameters().front().device();
    torch::NoGradGuard guard;
    const bool wasTraining = module.is_training();
    module.eval();
    const torch::Tensor images = normalisedImages(data, statistics, device);
    const torch::Tensor labels = data.tensors().labels.to(device);
    const int classes = data.classes();
    torch::Tensor confusion = torch::zeros({classes, classes}, torch::kInt64);
    double lossSum = 0;
    std::int64_t top5Hits = 0;
    for (std::int64_t start = 0; start < data.size(); start += batchSize) {
        const std::int64_t count = std::min<std::int64_t>(batchSize, data.size() - start);
        const torch::Tensor logits = module.forward(images.narrow(0, start, count));
        const torch::Tensor target = labels.narrow(0, start, count);
        lossSum += torch::nn::functional::cross_entropy(logits, target).item<double>() * double(count);
        const torch::Tensor predicted = logits.argmax(1);
        confusion.index_put_({target.cpu(), predicted.cpu()}, torch::ones({count}, torch::kInt64), true);
        const int k = std::min<int>(5, static_cast<int>(logits.size(1)));
        top5Hits += std::get<1>(logits.topk(k, 1)).eq(target.unsqueeze(1)).any(1).sum().item<std::int64_t>();
    }
    module.train(wasTraining);
    Evaluation evaluation;
    const double total = std::max<double>(1, double(data.size()));
    evaluation.top1 = 100.0 * confusion.diag().sum().item<double>() / total;
    evaluation.top5 = 100.0 * double(top5Hits) / total;
    evaluation.loss = lossSum / total;
    const auto matrix = confusion.accessor<std::int64_t, 2>();
    evaluation.confusion.assign(static_cast<std::size_t>(classes), std::vector<std::int64_t>(static_cast<std::size_t>(classes)));
    for (int truth = 0; truth < classes; ++truth) {
        std::int64_t row = 0;
        for (int guess = 0; guess < classes; ++guess) {
            evaluation.confusion[static_cast<std::size_t>(truth)][static_cast<std::size_t>(guess)] = matrix[truth][guess];
            row += matrix[truth][guess];
        }
        evaluation.perClassAccuracy.push_back(row == 0 ? 0.0 : 100.0 * double(matrix[truth][truth]) / double(row));
    }
    return evaluation;
}

TrainingResult train(Network& network, const Splits& splits, const TrainingOptions& options, const ProgressSink& onProgress,
                     const std::atomic<bool>* cancel) {
    if (splits.train.size() == 0) throw Error("", "dataset", "the training split is empty");
    setComputeThreads(options.threads);
    torch::manual_seed(options.seed);
    network.moveTo(options.device);
    NetworkModuleImpl& module = network.module();
    const torch::Device device = options.device == "cuda" ? torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(cudaDeviceIndex())) : torch::Device(torch::kCPU);
    module.train();
    // Training moves the weights off any grid post-training quantization put them on.
    module.weightGrids.clear();

    // Proxy subset, drawn with the seed from the training split only.
    const Dataset trainData = splits.train.sample(options.subset, options.seed);
    const torch::Tensor images = normalisedImages(trainData, splits, device);
    const torch::Tensor labels = trainData.tensors().labels.to(device);
    const std::int64_t samples = trainData.size();
    const std::int64_t batches = (samples + options.batchSize - 1) / options.batchSize;

    NetworkModuleImpl* teacher = options.teacher ? &options.teacher->module() : nullptr;
    // Several workers may share one teacher: it is only switched when it has to be.
    if (teacher && teacher->is_training()) teacher->eval();
    if (teacher && !teacher->parameters().empty() && teacher->parameters().front().device() != device) teacher->to(device);
    auto optimizer = makeOptimizer(module.parameters(), options.optimizer, options.learningRate, options.momentum, options.weightDecay);
    const auto lossOptions = torch::nn::functional::CrossEntropyFuncOptions().label_smoothing(options.labelSmoothing);
    TrainingResult result;
    result.proxy = options.proxyDescription();
    const auto start = Clock::now();
    double bestAccuracy = -1;
    int epochsWithoutGain = 0;
    std::vector<torch::Tensor> bestWeights;
    std::int64_t seen = 0;
    torch::Generator generator = at::detail::createCPUGenerator(options.seed);

    for (int epoch = 0; epoch < options.epochs && !result.cancelled; ++epoch) {
        const auto epochStart = Clock::now();
        const torch::Tensor order = torch::randperm(samples, generator, torch::kInt64).to(device);
        double lossSum = 0;
        std::int64_t correct = 0, counted = 0;
        double rate = options.learningRate;
        for (std::int64_t batch = 0; batch < batches; ++batch) {
            if (cancel && cancel->load()) {
                result.cancelled = true;
                break;
            }
            const BatchPass pass(options.gate);
            rate = scheduledRate(options, epoch + double(batch) / double(batches));
            setRate(*optimizer, rate);
            const std::int64_t first = batch * options.batchSize;
            const std::int64_t count = std::min<std::int64_t>(options.batchSize, samples - first);
            const torch::Tensor index = order.narrow(0, first, count);
            torch::Tensor input = images.index_select(0, index);
            if (options.cropPadding > 0 || options.horizontalFlip) input = augmented(input, options, generator);
            const torch::Tensor target = labels.index_select(0, index);
            // Dropping the gradients (rather than zero-filling them) saves a pass over every
            // parameter per batch; backward then writes fresh ones.
            for (auto& parameter : module.parameters()) parameter.mutable_grad().reset();
            const torch::Tensor logits = module.forward(input);
            torch::Tensor loss = torch::nn::functional::cross_entropy(logits, target, lossOptions);
            if (teacher) loss = distilled(loss, logits, *teacher, input, options);
            loss.backward();
            if (options.gradientClip > 0) torch::nn::utils::clip_grad_norm_(module.parameters(), options.gradientClip);
            optimizer->step();
            lossSum += loss.item<double>() * double(count);
            correct += logits.argmax(1).eq(target).sum().item<std::int64_t>();
            counted += count;
            seen += count;
            if (onProgress && options.progressEvery > 0 && (batch + 1) % options.progressEvery == 0) {
                Progress progress;
                progress.epoch = epoch + 1;
                progress.epochs = options.epochs;
                progress.batch = batch + 1;
                progress.batches = batches;
                progress.loss = lossSum / double(counted);
                progress.accuracy = 100.0 * double(correct) / double(counted);
                progress.samplesPerSecond = double(seen) / std::max(1e-9, secondsSince(start));
                progress.etaSeconds = double(samples * options.epochs - seen) / std::max(1e-9, progress.samplesPerSecond);
                onProgress(progress);
            }
        }
        const double trainingSeconds = secondsSince(epochStart);
        if (counted == 0) break;
        EpochRecord record;
        record.trainingSeconds = trainingSeconds;
        record.epoch = epoch + 1;
        record.trainLoss = lossSum / double(counted);
        record.trainAccuracy = 100.0 * double(correct) / double(counted);
        record.learningRate = rate;
        Evaluation validation;
        if (splits.validation.size() > 0) validation = evaluate(network, splits.validation, splits);
        record.validationAccuracy = splits.validation.size() > 0 ? validation.top1 : record.trainAccuracy;
        record.seconds = secondsSince(epochStart);
        result.history.push_back(record);
        if (onProgress) {
            Progress progress;
            progress.epoch = epoch + 1;
            progress.epochs = options.epochs;
            progress.batch = progress.batches = batches;
            progress.loss = record.trainLoss;
            progress.accuracy = record.trainAccuracy;
            progress.samplesPerSecond = double(seen) / std::max(1e-9, secondsSince(start));
            progress.etaSeconds = double(samples * options.epochs - seen) / std::max(1e-9, progress.samplesPerSecond);
            progress.epochEnd = true;
            progress.validationAccuracy = record.validationAccuracy;
            onProgress(progress);
        }
        if (record.validationAccuracy > bestAccuracy) {
            bestAccuracy = record.validationAccuracy;
            result.bestEpoch = record.epoch;
            result.validation = validation;
            epochsWithoutGain = 0;
            bestWeights.clear();
            for (const auto& tensor : module.parameters()) bestWeights.push_back(tensor.detach().clone());
            for (const auto& buffer : module.buffers()) bestWeights.push_back(buffer.detach().clone());
            if (!options.checkpoint.empty()) {
                torch::serialize::OutputArchive archive;
                module.save(archive);
                archive.save_to(options.checkpoint);
            }
        } else if (options.earlyStoppingPatience > 0 && ++epochsWithoutGain >= options.earlyStoppingPatience) {
            result.stoppedEarly = true;
            break;
        }
    }
    // Keep the best epoch's weights, as early stopping promises.
    if (!bestWeights.empty()) {
        torch::NoGradGuard guard;
        std::size_t position = 0;
        for (auto& tensor : module.parameters()) tensor.copy_(bestWeights[position++]);
        for (auto& buffer : module.buffers()) buffer.copy_(bestWeights[position++]);
    }
    result.seconds = secondsSince(start);
    result.samplesPerSecond = double(seen) / std::max(1e-9, result.seconds);
    double trainingSeconds = 0;
    for (const auto& record : result.history) trainingSeconds += record.trainingSeconds;
    result.trainingSamplesPerSecond = trainingSeconds > 0 ? double(seen) / trainingSeconds : 0;
    return result;
}

TrainingResult trainUnlessCancelled(Network& network, const Splits& splits, const TrainingOptions& options, const std::atomic<bool>* cancel,
                                    const ProgressSink& onProgress) {
    TrainingResult result = train(network, splits, options, onProgress, cancel);
    if (result.cancelled) throw Cancelled();
    return result;
}

} // namespace edgesmith
