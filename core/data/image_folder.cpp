// Image-folder and CSV datasets: users' own data.
#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/data/dataset.h"
#include "core/data/internal/dataset_tensors.h"

#include <stb_image.h>
#include <stb_image_resize.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <sstream>

namespace edgesmith {
namespace {

const std::set<std::string> kImageExtensions = {".png", ".jpg", ".jpeg", ".bmp", ".pgm", ".ppm", ".pnm", ".tga", ".gif"};

struct Sample {
    std::filesystem::path file;
    std::int64_t label;
};

std::vector<std::filesystem::path> sortedEntries(const std::filesystem::path& folder, bool folders) {
    std::vector<std::filesystem::path> entries;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (folders ? entry.is_directory() : entry.is_regular_file()) entries.push_back(entry.path());
    }
    std::sort(entries.begin(), entries.end());
    return entries;
}

std::vector<Sample> scanClasses(const std::filesystem::path& root, const std::vector<std::string>& classes) {
    std::vector<Sample> samples;
    for (std::size_t label = 0; label < classes.size(); ++label) {
        const auto folder = root / classes[label];
        std::size_t found = 0;
        std::error_code status;
        if (std::filesystem::is_directory(folder, status)) {
            for (const auto& file : sortedEntries(folder, false)) {
                std::string extension = file.extension().string();
                std::transform(extension.begin(), extension.end(), extension.begin(), ::tolower);
                if (!kImageExtensions.count(extension)) continue;
                samples.push_back({file, static_cast<std::int64_t>(label)});
                ++found;
            }
        }
        if (found == 0) throw Error(folder.string(), "", "class \"" + classes[label] + "\" has no images (png, jpeg, bmp, pgm, ppm, tga, gif)");
    }
    return samples;
}

Dataset decode(const std::vector<Sample>& samples, int side, int channels, int classes) {
    auto tensors = std::make_shared<DatasetTensors>();
    int height = side, width = side;
    std::vector<std::uint8_t> pixels;
    for (std::size_t index = 0; index < samples.size(); ++index) {
        const auto& file = samples[index].file;
        int w = 0, h = 0, n = 0;
        stbi_uc* data = stbi_load(file.c_str(), &w, &h, &n, channels);
        if (!data) throw Error(file.string(), "", std::string("cannot decode the image: ") + stbi_failure_reason());
        if (index == 0 && side == 0) {
            height = h;
            width = w;
            pixels.reserve(samples.size() * std::size_t(h * w * channels));
        }
        std::vector<std::uint8_t> resized(std::size_t(height * width * channels));
        if (w == width && h == height) {
            std::copy(data, data + resized.size(), resized.begin());
        } else if (side == 0) {
            stbi_image_free(data);
            throw Error(file.string(), "", "is " + std::to_string(w) + "×" + std::to_string(h) + " but the first image is " +
                                               std::to_string(width) + "×" + std::to_string(height) +
                                               "; set dataset.resolution to resize them all");
        } else {
            stbir_resize_uint8(data, w, h, 0, resized.data(), width, height, 0, channels);
        }
        stbi_image_free(data);
        // Interleaved HWC → planar CHW.
        for (int channel = 0; channel < channels; ++channel)
            for (int pixel = 0; pixel < height * width; ++pixel) pixels.push_back(resized[std::size_t(pixel * channels + channel)]);
    }
    tensors->images = torch::from_blob(pixels.data(), {static_cast<std::int64_t>(samples.size()), channels, height, width}, torch::kUInt8).clone();
    std::vector<std::int64_t> labels;
    for (const auto& sample : samples) labels.push_back(sample.label);
    tensors->labels = torch::tensor(labels, torch::kInt64);
    tensors->classes = classes;
    return Dataset(std::move(tensors));
}

// Grey when the first image is grey, colour otherwise.
int channelsOf(const std::filesystem::path& file) {
    int w = 0, h = 0, n = 0;
    if (!stbi_info(file.c_str(), &w, &h, &n)) throw Error(file.string(), "", std::string("cannot decode the image: ") + stbi_failure_reason());
    return n <= 2 ? 1 : 3;
}

template <typename Item>
std::pair<std::vector<Item>, std::vector<Item>> holdOut(std::vector<Item> items, double fraction, std::uint64_t seed) {
    std::mt19937_64 random(seed);
    std::shuffle(items.begin(), items.end(), random);
    const auto test = static_cast<std::size_t>(std::llround(fraction * double(items.size())));
    std::vector<Item> held(items.begin(), items.begin() + static_cast<long>(test));
    items.erase(items.begin(), items.begin() + static_cast<long>(test));
    return {items, held};
}

std::vector<std::string> splitCsvLine(const std::string& line) {
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false;
    for (char character : line) {
        if (character == '"') quoted = !quoted;
        else if (character == ',' && !quoted) {
            cells.push_back(cell);
            cell.clear();
        } else if (character != '\r') cell += character;
    }
    cells.push_back(cell);
    return cells;
}

} // namespace

std::pair<Dataset, Dataset> loadImageFolder(const std::filesystem::path& folder, int side, double testFraction, std::uint64_t seed) {
    std::error_code status;
    if (!std::filesystem::is_directory(folder, status)) throw IoError(folder.string(), "", "is not a folder");
    const bool presplit = std::filesystem::is_directory(folder / "train", status) && std::filesystem::is_directory(folder / "test", status);
    const auto classRoot = presplit ? folder / "train" : folder;
    std::vector<std::string> classes;
    for (const auto& entry : sortedEntries(classRoot, true)) classes.push_back(entry.filename().string());
    if (classes.size() < 2) throw Error(classRoot.string(), "", "needs one sub-folder per class, at least two; found " + std::to_string(classes.size()));
    std::vector<Sample> train = scanClasses(classRoot, classes), test;
    if (presplit) test = scanClasses(folder / "test", classes);
    else std::tie(train, test) = holdOut(train, testFraction, seed);
    const int channels = channelsOf(train.front().file);
    const int classCount = static_cast<int>(classes.size());
    return {decode(train, side, channels, classCount), decode(test, side, channels, classCount)};
}

std::pair<Dataset, Dataset> loadCsv(const std::filesystem::path& file, const std::string& labelColumn, double testFraction, std::uint64_t seed) {
    std::istringstream text(readFile(file));
    std::string line;
    if (!std::getline(text, line)) throw Error(file.string(), "", "is empty; expected a header row");
    const auto header = splitCsvLine(line);
    const auto labelAt = std::find(header.begin(), header.end(), labelColumn);
    if (labelAt == header.end()) throw Error(file.string(), "", "has no column \"" + labelColumn + "\" (dataset.label_column)");
    const auto labelIndex = static_cast<std::size_t>(labelAt - header.begin());
    std::vector<std::vector<float>> rows;
    std::vector<std::string> labels;
    for (int number = 2; std::getline(text, line); ++number) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const auto cells = splitCsvLine(line);
        const std::string where = file.string() + ":" + std::to_string(number);
        if (cells.size() != header.size())
            throw Error(where, "", "has " + std::to_string(cells.size()) + " columns; the header has " + std::to_string(header.size()));
        std::vector<float> features;
        for (std::size_t column = 0; column < cells.size(); ++column) {
            if (column == labelIndex) continue;
            std::size_t used = 0;
            float value = 0;
            try {
                value = std::stof(cells[column], &used);
            } catch (const std::exception&) {
                used = 0;
            }
            if (used == 0) throw Error(where, "", "column \"" + header[column] + "\": \"" + cells[column] + "\" is not a number");
            features.push_back(value);
        }
        rows.push_back(std::move(features));
        labels.push_back(cells[labelIndex]);
    }
    const std::set<std::string> distinct(labels.begin(), labels.end());
    if (distinct.size() < 2) throw Error(file.string(), "", "column \"" + labelColumn + "\" needs at least two classes");
    const std::vector<std::string> classNames(distinct.begin(), distinct.end());
    std::vector<std::int64_t> order(rows.size());
    std::iota(order.begin(), order.end(), 0);
    const auto [trainRows, testRows] = holdOut(order, testFraction, seed);
    const auto build = [&](const std::vector<std::int64_t>& picked) {
        auto tensors = std::make_shared<DatasetTensors>();
        const auto features = static_cast<std::int64_t>(header.size() - 1);
        tensors->images = torch::empty({static_cast<std::int64_t>(picked.size()), features, 1, 1}, torch::kFloat32);
        std::vector<std::int64_t> classes;
        auto values = tensors->images.accessor<float, 4>();
        for (std::size_t row = 0; row < picked.size(); ++row) {
            const auto& source = rows[static_cast<std::size_t>(picked[row])];
            for (std::int64_t feature = 0; feature < features; ++feature) values[static_cast<std::int64_t>(row)][feature][0][0] = source[static_cast<std::size_t>(feature)];
            classes.push_back(std::lower_bound(classNames.begin(), classNames.end(), labels[static_cast<std::size_t>(picked[row])]) - classNames.begin());
        }
        tensors->labels = torch::tensor(classes, torch::kInt64);
        tensors->classes = static_cast<int>(classNames.size());
        return Dataset(std::move(tensors));
    };
    return {build(trainRows), build(testRows)};
}

} // namespace edgesmith
