#include "core/data/dataset.h"

#include "core/common/error.h"
#include "core/common/paths.h"
#include "core/data/internal/dataset_tensors.h"

#include <zlib.h>

#include <algorithm>
#include <numeric>
#include <random>

namespace edgesmith {
namespace {

// Reads a whole idx file through zlib, which passes plain files through unchanged.
std::vector<std::uint8_t> readMaybeGzipped(const std::filesystem::path& file) {
    gzFile handle = gzopen(file.c_str(), "rb");
    if (!handle) throw IoError(file.string(), "", "cannot open");
    std::vector<std::uint8_t> bytes;
    std::uint8_t buffer[1 << 16];
    while (true) {
        const int read = gzread(handle, buffer, sizeof buffer);
        if (read < 0) {
            int code = 0;
            const std::string reason = gzerror(handle, &code);
            gzclose(handle);
            throw IoError(file.string(), "", "cannot decompress: " + reason);
        }
        if (read == 0) break;
        bytes.insert(bytes.end(), buffer, buffer + read);
    }
    gzclose(handle);
    return bytes;
}

std::uint32_t bigEndian(const std::vector<std::uint8_t>& bytes, std::size_t offset) {
    return (std::uint32_t(bytes[offset]) << 24) | (std::uint32_t(bytes[offset + 1]) << 16) |
           (std::uint32_t(bytes[offset + 2]) << 8) | std::uint32_t(bytes[offset + 3]);
}

// Header check shared by image (3 dimensions) and label (1 dimension) files.
std::vector<std::int64_t> idxShape(const std::vector<std::uint8_t>& bytes, const std::filesystem::path& file, int dimensions) {
    if (bytes.size() < 4) throw Error(file.string(), "", "is too short to be an idx file (" + std::to_string(bytes.size()) + " bytes)");
    const std::uint32_t magic = bigEndian(bytes, 0);
    const std::uint32_t expected = 0x00000800u | std::uint32_t(dimensions);
    if (magic != expected) {
        char text[64];
        std::snprintf(text, sizeof text, "wrong magic number 0x%08x, expected 0x%08x", magic, expected);
        throw Error(file.string(), "", std::string(text) + " (unsigned bytes, " + std::to_string(dimensions) + " dimensions)");
    }
    const std::size_t header = 4 + 4 * std::size_t(dimensions);
    if (bytes.size() < header) throw Error(file.string(), "", "is truncated inside its header");
    std::vector<std::int64_t> shape;
    std::int64_t total = 1;
    for (int dimension = 0; dimension < dimensions; ++dimension) {
        shape.push_back(bigEndian(bytes, 4 + 4 * std::size_t(dimension)));
        total *= shape.back();
    }
    if (std::int64_t(bytes.size() - header) < total)
        throw Error(file.string(), "", "is truncated: the header promises " + std::to_string(total) + " bytes of data, the file has " +
                                           std::to_string(bytes.size() - header));
    return shape;
}

// uint8 images are pixels (scaled to 0..1); float data (CSV features) is used as is.
torch::Tensor asFloat(const torch::Tensor& images) {
    return images.scalar_type() == torch::kUInt8 ? images.to(torch::kFloat32).div_(255.0) : images.to(torch::kFloat32);
}

std::filesystem::path findIdx(const std::filesystem::path& folder, const std::string& stem) {
    for (const auto& name : {stem, stem + ".gz"}) {
        std::error_code status;
        if (std::filesystem::exists(folder / name, status)) return folder / name;
    }
    throw IoError((folder / stem).string(), "", "not found (nor " + stem + ".gz)");
}

} // namespace

Dataset::Dataset() : tensors_(std::make_shared<DatasetTensors>()) {
    tensors_->images = torch::empty({0, 1, 1, 1}, torch::kUInt8);
    tensors_->labels = torch::empty({0}, torch::kInt64);
}

Dataset::Dataset(std::shared_ptr<DatasetTensors> tensors) : tensors_(std::move(tensors)) {}

std::int64_t Dataset::size() const { return tensors_->images.size(0); }
int Dataset::channels() const { return static_cast<int>(tensors_->images.size(1)); }
int Dataset::height() const { return static_cast<int>(tensors_->images.size(2)); }
int Dataset::width() const { return static_cast<int>(tensors_->images.size(3)); }
int Dataset::classes() const { return tensors_->classes; }

std::vector<std::int64_t> Dataset::classCounts() const {
    std::vector<std::int64_t> counts(static_cast<std::size_t>(classes()), 0);
    const auto labels = tensors_->labels.accessor<std::int64_t, 1>();
    for (std::int64_t index = 0; index < labels.size(0); ++index) ++counts[static_cast<std::size_t>(labels[index])];
    return counts;
}

std::pair<std::vector<double>, std::vector<double>> Dataset::channelStatistics() const {
    std::vector<double> mean(static_cast<std::size_t>(channels()), 0.0), deviation(mean.size(), 1.0);
    if (size() == 0) return {mean, deviation};
    const torch::Tensor values = asFloat(tensors_->images);
    const torch::Tensor perChannel = values.transpose(0, 1).reshape({channels(), -1});
    const torch::Tensor means = perChannel.mean(1), deviations = perChannel.std(1);
    for (int channel = 0; channel < channels(); ++channel) {
        mean[static_cast<std::size_t>(channel)] = means[channel].item<double>();
        deviation[static_cast<std::size_t>(channel)] = std::max(1e-6, deviations[channel].item<double>());
    }
    return {mean, deviation};
}

std::vector<std::uint64_t> Dataset::sampleHashes() const {
    const torch::Tensor images = tensors_->images.contiguous();
    const auto* bytes = static_cast<const std::uint8_t*>(images.data_ptr());
    const std::int64_t stride = size() == 0 ? 0 : images.numel() * images.element_size() / size();
    const auto labels = tensors_->labels.accessor<std::int64_t, 1>();
    std::vector<std::uint64_t> hashes;
    for (std::int64_t sample = 0; sample < size(); ++sample) {
        std::uint64_t hash = 1469598103934665603ull ^ std::uint64_t(labels[sample]); // FNV-1a
        for (std::int64_t offset = 0; offset < stride; ++offset) {
            hash ^= bytes[sample * stride + offset];
            hash *= 1099511628211ull;
        }
        hashes.push_back(hash);
    }
    return hashes;
}

Dataset Dataset::select(const std::vector<std::int64_t>& indices) const {
    auto selected = std::make_shared<DatasetTensors>();
    const torch::Tensor index = torch::tensor(indices, torch::kInt64);
    selected->images = tensors_->images.index_select(0, index);
    selected->labels = tensors_->labels.index_select(0, index);
    selected->classes = tensors_->classes;
    return Dataset(std::move(selected));
}

namespace {
// The shuffle of `sample` and `unsampled`, and how many of its first indices the sample keeps.
std::pair<std::vector<std::int64_t>, std::size_t> sampledOrder(std::int64_t size, double fraction, std::uint64_t seed) {
    std::vector<std::int64_t> order(static_cast<std::size_t>(size));
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 random(seed);
    std::shuffle(order.begin(), order.end(), random);
    const std::size_t kept = std::min(order.size(), std::max<std::size_t>(1, static_cast<std::size_t>(fraction * double(order.size()))));
    return {std::move(order), kept};
}
} // namespace

Dataset Dataset::sample(double fraction, std::uint64_t seed) const {
    if (fraction >= 1.0) return *this;
    auto [order, kept] = sampledOrder(size(), fraction, seed);
    order.resize(kept);
    return select(order);
}

Dataset Dataset::unsampled(double fraction, std::uint64_t seed) const {
    if (fraction >= 1.0) return select({});
    auto [order, kept] = sampledOrder(size(), fraction, seed);
    return select(std::vector<std::int64_t>(order.begin() + static_cast<std::ptrdiff_t>(kept), order.end()));
}

Dataset Dataset::joined(const Dataset& other) const {
    if (other.size() == 0) return *this;
    if (size() == 0) return other;
    if (channels() != other.channels() || height() != other.height() || width() != other.width() || classes() != other.classes())
        throw Error("", "dataset", "cannot join samples of different shapes or class counts");
    auto both = std::make_shared<DatasetTensors>();
    both->images = torch::cat({tensors_->images, other.tensors_->images});
    both->labels = torch::cat({tensors_->labels, other.tensors_->labels});
    both->classes = tensors_->classes;
    return Dataset(std::move(both));
}

Dataset loadIdx(const std::filesystem::path& imagesFile, const std::filesystem::path& labelsFile) {
    const auto imageBytes = readMaybeGzipped(imagesFile);
    const auto labelBytes = readMaybeGzipped(labelsFile);
    const auto imageShape = idxShape(imageBytes, imagesFile, 3);
    const auto labelShape = idxShape(labelBytes, labelsFile, 1);
    if (imageShape[0] != labelShape[0])
        throw Error(labelsFile.string(), "", "has " + std::to_string(labelShape[0]) + " labels but " + imagesFile.filename().string() +
                                                 " has " + std::to_string(imageShape[0]) + " images");
    auto tensors = std::make_shared<DatasetTensors>();
    tensors->images = torch::from_blob(const_cast<std::uint8_t*>(imageBytes.data() + 16), {imageShape[0], 1, imageShape[1], imageShape[2]},
                                       torch::kUInt8)
                          .clone();
    tensors->labels = torch::from_blob(const_cast<std::uint8_t*>(labelBytes.data() + 8), {labelShape[0]}, torch::kUInt8).to(torch::kInt64);
    const std::int64_t largest = labelShape[0] == 0 ? -1 : tensors->labels.max().item<std::int64_t>();
    tensors->classes = static_cast<int>(largest + 1);
    Dataset dataset(std::move(tensors));
    const auto counts = dataset.classCounts();
    for (std::size_t label = 0; label < counts.size(); ++label)
        if (counts[label] == 0)
            throw Error(labelsFile.string(), "", "class " + std::to_string(label) + " has no samples (labels run 0.." +
                                                     std::to_string(largest) + ")");
    return dataset;
}

std::pair<Dataset, Dataset> loadIdxFolder(const std::filesystem::path& folder) {
    std::error_code status;
    if (!std::filesystem::is_directory(folder, status)) throw IoError(folder.string(), "", "is not a folder");
    // One at a time, in a fixed order, so the first missing file is the one reported.
    const auto trainImages = findIdx(folder, "train-images-idx3-ubyte");
    const auto trainLabels = findIdx(folder, "train-labels-idx1-ubyte");
    const auto testImages = findIdx(folder, "t10k-images-idx3-ubyte");
    const auto testLabels = findIdx(folder, "t10k-labels-idx1-ubyte");
    Dataset train = loadIdx(trainImages, trainLabels);
    Dataset test = loadIdx(testImages, testLabels);
    return {std::move(train), std::move(test)};
}

torch::Tensor normalisedImages(const Dataset& data, const Splits& statistics, const torch::Device& device) {
    const torch::Tensor& raw = data.tensors().images;
    torch::Tensor values = raw.scalar_type() == torch::kUInt8 ? raw.to(torch::kFloat32).div_(255.0) : raw.to(torch::kFloat32);
    normalisePixels(values, statistics.mean, statistics.deviation);
    return values.to(device);
}

void normalisePixels(torch::Tensor& values, const std::vector<double>& mean, const std::vector<double>& deviation) {
    const auto channels = static_cast<std::int64_t>(mean.size());
    if (channels != values.size(1)) return;
    values.sub_(torch::tensor(mean, torch::kFloat64).to(torch::kFloat32).view({1, channels, 1, 1}))
        .div_(torch::tensor(deviation, torch::kFloat64).to(torch::kFloat32).view({1, channels, 1, 1}));
}

Dataset makeSyntheticDataset(int classes, std::int64_t samples, int channels, int side, std::uint64_t seed) {
    torch::manual_seed(seed);
    auto tensors = std::make_shared<DatasetTensors>();
    tensors->labels = torch::arange(samples, torch::kInt64).remainder(classes);
    // Class c lights a horizontal band at row c (mod side) and a vertical band at its mirror.
    torch::Tensor images = torch::rand({samples, channels, side, side}) * 0.3;
    const auto labels = tensors->labels.accessor<std::int64_t, 1>();
    for (std::int64_t index = 0; index < samples; ++index) {
        const std::int64_t band = (labels[index] * 3) % side;
        images[index].select(1, band).add_(0.7);
        images[index].select(2, side - 1 - band).add_(0.5);
    }
    tensors->images = (images.clamp(0, 1) * 255).to(torch::kUInt8);
    tensors->classes = classes;
    return Dataset(std::move(tensors));
}

Splits makeSplits(const Dataset& train, const Dataset& test, double validationFraction, double subset, std::uint64_t seed) {
    std::vector<std::int64_t> order(static_cast<std::size_t>(train.size()));
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 random(seed);
    std::shuffle(order.begin(), order.end(), random);
    const auto validationCount = static_cast<std::size_t>(std::llround(validationFraction * double(order.size())));
    const std::vector<std::int64_t> validation(order.begin(), order.begin() + static_cast<long>(validationCount));
    std::vector<std::int64_t> rest(order.begin() + static_cast<long>(validationCount), order.end());
    rest.resize(std::max<std::size_t>(1, static_cast<std::size_t>(std::llround(subset * double(rest.size())))));
    Splits splits;
    splits.train = train.select(rest);
    splits.validation = train.select(validation);
    splits.test = test;
    std::tie(splits.mean, splits.deviation) = splits.train.channelStatistics();
    splits.description = std::to_string(splits.train.size()) + " train / " + std::to_string(splits.validation.size()) +
                         " validation / " + std::to_string(splits.test.size()) + " test";
    return splits;
}

Splits loadProjectData(const Json& section, const std::filesystem::path& projectFile) {
    const std::string kind = section.at("kind").get<std::string>();
    const double validation = section.value("validation_fraction", 0.1);
    const double subset = section.value("subset", 1.0);
    const auto seed = section.value("seed", std::uint64_t(0));
    Splits splits;
    if (kind == "synthetic") {
        const int classes = section.value("classes", 10);
        const std::int64_t samples = section.value("samples", std::int64_t(1000));
        const Dataset all = makeSyntheticDataset(classes, samples + samples / 5, 1, 28, seed);
        std::vector<std::int64_t> head(static_cast<std::size_t>(samples)), tail;
        std::iota(head.begin(), head.end(), 0);
        for (std::int64_t index = samples; index < all.size(); ++index) tail.push_back(index);
        splits = makeSplits(all.select(head), all.select(tail), validation, subset, seed);
    } else if (kind == "fashion-mnist" || kind == "idx") {
        const std::filesystem::path folder = section.contains("path") ? resolveBeside(projectFile, section["path"].get<std::string>())
                                                                      : std::filesystem::path("/usr/share/datasets/fashion-mnist");
        const auto [train, test] = loadIdxFolder(folder);
        splits = makeSplits(train, test, validation, subset, seed);
    } else if (kind == "image-folder") {
        const auto [train, test] = loadImageFolder(resolveBeside(projectFile, section.at("path").get<std::string>()),
                                                   section.value("resolution", 0), 0.2, seed);
        splits = makeSplits(train, test, validation, subset, seed);
    } else if (kind == "csv") {
        const auto [train, test] = loadCsv(resolveBeside(projectFile, section.at("path").get<std::string>()),
                                           section.at("label_column").get<std::string>(), 0.2, seed);
        splits = makeSplits(train, test, validation, subset, seed);
    } else {
        throw Error(projectFile.string(), "dataset.kind", "unknown dataset kind \"" + kind + "\"");
    }
    splits.description = kind + ": " + splits.description;
    return splits;
}

} // namespace edgesmith
