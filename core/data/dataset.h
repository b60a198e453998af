#pragma once
// Image classification data kept in memory as tensors (uint8 images, int64 labels), so
// training never decodes or allocates per batch. The public header stays torch-free;
// core code reaches the tensors through core/data/internal/dataset_tensors.h.
#include "core/common/json.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace edgesmith {

struct DatasetTensors;

class Dataset {
public:
    Dataset();
    explicit Dataset(std::shared_ptr<DatasetTensors> tensors);

    std::int64_t size() const;
    int channels() const;
    int height() const;
    int width() const;
    int classes() const;
    std::vector<std::int64_t> classCounts() const;
    // Per-channel mean and standard deviation (pixels on a 0..1 scale, features as they
    // are): the normalisation of a training split, applied unchanged to validation and test.
    std::pair<std::vector<double>, std::vector<double>> channelStatistics() const;

    // One hash per sample (image bytes and label): finds duplicates and checks that
    // splits are disjoint.
    std::vector<std::uint64_t> sampleHashes() const;

    // The samples at `indices`, in that order (a copy).
    Dataset select(const std::vector<std::int64_t>& indices) const;
    // A seeded random `fraction` of the samples, at least one (the proxy subsets of
    // training); the set itself when `fraction` ≥ 1.
    Dataset sample(double fraction, std::uint64_t seed) const;
    // The samples `sample(fraction, seed)` leaves out, in the same shuffled order: images a
    // training on that subset never saw, fit to score it on. Empty when `fraction` ≥ 1.
    Dataset unsampled(double fraction, std::uint64_t seed) const;
    // This set's samples followed by `other`'s; both must hold images of one shape and
    // the same classes.
    Dataset joined(const Dataset& other) const;

    const DatasetTensors& tensors() const { return *tensors_; }

private:
    std::shared_ptr<DatasetTensors> tensors_;
};

// Train / validation / test splits of one dataset. Validation is carved from the training
// set with a seed; the search never sees the test split.
struct Splits {
    Dataset train, validation, test;
    std::vector<double> mean, deviation; // per channel, from the training split
    std::string description;            // "fashion-mnist: 54000 train / 6000 validation / 10000 test"
};

// MNIST-format idx files in `folder` (train-images-idx3-ubyte, train-labels-idx1-ubyte,
// t10k-... ; each gzipped or not). Throws IoError / Error naming the file for missing,
// truncated or inconsistent files.
std::pair<Dataset, Dataset> loadIdxFolder(const std::filesystem::path& folder);
Dataset loadIdx(const std::filesystem::path& images, const std::filesystem::path& labels);

// One sub-folder per class (sorted names are the class indices) of PNG / JPEG / BMP /
// PGM / PPM images, resized to `side`×`side` (0: keep; then all must share a size). Grey
// images give 1 channel, colour 3. With `train` and `test` sub-folders those are the
// splits; otherwise `testFraction` of each class is held out with `seed`.
std::pair<Dataset, Dataset> loadImageFolder(const std::filesystem::path& folder, int side, double testFraction, std::uint64_t seed);

// A CSV file with a header row: `labelColumn` holds the class (any text; sorted distinct
// values are the class indices), every other column a number. Rows become F×1×1 inputs.
// `testFraction` of the rows is held out with `seed`. Errors name the file, line and column.
std::pair<Dataset, Dataset> loadCsv(const std::filesystem::path& file, const std::string& labelColumn, double testFraction, std::uint64_t seed);

// Learnable synthetic data for tests: each class draws a distinct pattern plus noise.
Dataset makeSyntheticDataset(int classes, std::int64_t samples, int channels, int side, std::uint64_t seed);

// Carves validation (fraction) from train after shuffling with `seed`, then keeps
// `subset` of the remaining training samples.
Splits makeSplits(const Dataset& train, const Dataset& test, double validationFraction, double subset, std::uint64_t seed);

// The splits a project's dataset section describes (kind, path, fractions, seed).
Splits loadProjectData(const Json& datasetSection, const std::filesystem::path& projectFile);

} // namespace edgesmith
