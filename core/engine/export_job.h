#pragma once
// Exporting a candidate of the store for deployment, as the CLI's `export` and the GUI's
// Export… dialog start it. The store keeps metrics, not weights, so the first export of a
// searched candidate trains it with the project's settings (and applies its quantization
// policy); the trained model is kept beside the store (DB-models/runR-candidateC.pt/.json,
// see keptModelPath) and every later export of that candidate reuses it. Compressions keep
// their final networks there too. Long: call it off the GUI thread.
#include "core/common/json.h"
#include "core/data/dataset.h"
#include "core/export/model_file.h"
#include "core/project/project.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace edgesmith {

enum class ExportFormat { Onnx, OnnxInt8, Torch, Json, C, Report };
std::string toString(ExportFormat format);
ExportFormat exportFormatFromString(const std::string& text); // throws Error naming the choices
std::vector<ExportFormat> exportFormats();
// What a format writes, for help texts and the GUI: "ONNX, float (opset 13)".
std::string describe(ExportFormat format);
// The files `out` becomes: MODEL.onnx; MODEL.pt + MODEL.json; MODEL.h + MODEL.c; ...
std::vector<std::filesystem::path> exportFiles(ExportFormat format, const std::filesystem::path& out);

struct ExportJob {
    ExportFormat format = ExportFormat::Onnx;
    std::int64_t run = 0, candidate = 0;
    std::filesystem::path out;
    int trainingEpochs = 0; // 0: the project's estimator settings (when no kept model exists)
    int threads = 0;
    bool retrain = false;   // train again even when a kept model exists
    bool dynamicBatch = true;
    std::string cPrefix;    // C identifiers; empty: from the file name

    Json toJson() const;
    static ExportJob fromJson(const Json& json); // throws Error naming the bad field
};

struct ExportResult {
    std::vector<std::filesystem::path> files;
    std::vector<std::string> summary; // lines for the CLI and the GUI's log
    bool trained = false;             // the model was trained for this export
};

// What a model of the project carries: its space, the project's name, the normalisation of
// `splits` and the test accuracy EdgeSmith measured.
ModelInfo projectModelInfo(const Project& project, const Splits& splits, double testTop1);

// DB-models/runR-candidateC.json beside the project's store (with its .pt).
std::filesystem::path keptModelPath(const std::filesystem::path& database, std::int64_t run, std::int64_t candidate);
// Keeps `network` as the model of that candidate (compressions call this for their results).
void keepModel(const std::filesystem::path& database, std::int64_t run, std::int64_t candidate, Network& network, const ModelInfo& info);

// Throws Error for a missing run or candidate, a candidate that cannot be rebuilt, or an
// unwritable output (nothing is left half-written), Cancelled when `cancel` is set.
ExportResult runExportJob(const Project& project, const ExportJob& job, const std::function<void(const std::string&)>& log = {},
                          const std::atomic<bool>* cancel = nullptr);

// Writes an already built model (an imported one, or one compressed in this process);
// onnx-int8 needs it quantized.
ExportResult exportModel(Network& network, const ModelInfo& info, ExportFormat format, const std::filesystem::path& out, bool dynamicBatch = true,
                         const std::string& cPrefix = "");

// W8/A8 per-channel post-training quantization (min/max, calibrated on training images) of
// a float model for an int8 export; `info` gets the new test accuracy and the policy.
void quantizeForInt8Export(Network& network, ModelInfo& info, const Splits& splits);

// What an export of the job would write and do, without doing it (the dialog's summary).
std::string exportPlan(const Project& project, const ExportJob& job);

} // namespace edgesmith
