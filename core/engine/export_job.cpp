#include "core/engine/export_job.h"

#include "core/common/error.h"
#include "core/compress/quantization.h"
#include "core/export/c_arrays.h"
#include "core/export/inference.h"
#include "core/export/onnx_export.h"
#include "core/export/report.h"
#include "core/space/space.h"
#include "core/store/store.h"
#include "core/train/trainer.h"

#include <cctype>
#include <iomanip>
#include <sstream>

namespace edgesmith {
namespace {

struct FormatInfo {
    ExportFormat format;
    const char* name;
    const char* description;
    std::vector<const char*> extensions;
};

const std::vector<FormatInfo>& formats() {
    static const std::vector<FormatInfo> table = {
        {ExportFormat::Onnx, "onnx", "ONNX, float (opset 13, batch norm folded)", {".onnx"}},
        {ExportFormat::OnnxInt8, "onnx-int8", "ONNX, int8 QDQ (per-channel weight scales, calibrated activations)", {".onnx"}},
        {ExportFormat::Torch, "torch", "LibTorch archive of the weights with its model JSON (re-importable)", {".pt", ".json"}},
        {ExportFormat::Json, "json", "architecture JSON: layers, genotype, per-layer table, metrics, policy", {".json"}},
        {ExportFormat::C, "c", "C header and source: int8 weights, per-channel scales, layer table", {".h", ".c"}},
        {ExportFormat::Report, "report", "HTML report of the run (Pareto plot, front, layers, curves) and a CSV", {".html", ".csv"}},
    };
    return table;
}

const FormatInfo& infoOf(ExportFormat format) {
    for (const FormatInfo& info : formats())
        if (info.format == format) return info;
    throw Error("", "format", "unknown export format");
}

std::string fileFriendly(const std::string& text) {
    std::string result;
    for (char c : text) result += std::isalnum(static_cast<unsigned char>(c)) || c == '-' ? c : '-';
    return result;
}

void say(const std::function<void(const std::string&)>& log, const std::string& line) {
    if (log) log(line);
}

std::string bytesText(std::int64_t bytes) {
    std::ostringstream text;
    text << std::fixed << std::setprecision(1);
    if (bytes >= (1 << 20)) text << double(bytes) / (1 << 20) << " MiB";
    else if (bytes >= 1024) text << double(bytes) / 1024 << " KiB";
    else text << bytes << " B";
    return text.str();
}

// The quantization policy a candidate carries: the one a mixed-precision or PTQ run stored
// with it, else the bitwidths its architecture chose (joint search); none for float ones.
std::optional<QuantizationPolicy> candidatePolicy(const Candidate& candidate, const Architecture& architecture) {
    const std::string policy = candidate.key.find('@') == std::string::npos ? "" : candidate.key.substr(candidate.key.find('@') + 1);
    if (policy.empty()) {
        if (hasQuantizedLayers(architecture)) return QuantizationPolicy::fromArchitecture(architecture);
        return std::nullopt;
    }
    const Json stored = candidate.details.value("policy", Json());
    if (policy.rfind("w", 0) != 0 || !stored.is_object() || !stored.contains("weight_bits")) return std::nullopt;
    QuantizationPolicy result;
    result.weightBits = stored.at("weight_bits").get<std::vector<int>>();
    result.activationBits = stored.value("activation_bits", std::vector<int>{});
    result.perChannel = stored.value("per_channel", true);
    result.calibration = calibrationFromString(stored.value("calibration", std::string("minmax")));
    return result;
}

ModelInfo infoFor(const Project& project, const Candidate& candidate, std::int64_t run, const Splits& splits, double testTop1) {
    ModelInfo info = projectModelInfo(project, splits, testTop1);
    info.name = fileFriendly(project.name()) + "-run" + std::to_string(run) + "-c" + std::to_string(candidate.number);
    info.genotype = candidate.key;
    info.source.update(Json{{"database", project.databasePath().string()}, {"run", run}, {"candidate", candidate.number}});
    info.policy = candidate.details.value("policy", Json());
    return info;
}

class ExportRunner {
public:
    ExportRunner(const Project& project, const ExportJob& job, const std::function<void(const std::string&)>& log, const std::atomic<bool>* cancel)
        : project_(project), job_(job), log_(log), cancel_(cancel) {}

    ExportResult run() {
        if (job_.out.empty()) throw Error("", "out", "name the file to write");
        const Store store = Store::openReadOnly(project_.databasePath());
        if (job_.format == ExportFormat::Report) {
            const ReportSummary report = writeReport(store, job_.run, job_.candidate, job_.out);
            ExportResult result;
            result.files = report.files;
            result.summary.push_back("report of run " + std::to_string(job_.run) + ": " + std::to_string(report.candidates) + " candidates, " +
                                     std::to_string(report.front) + " on the Pareto front");
            return result;
        }
        const auto candidate = store.candidate(job_.run, job_.candidate);
        if (!candidate)
            throw Error(store.file().string(), "", "run " + std::to_string(job_.run) + " has no candidate " + std::to_string(job_.candidate) +
                                                       " (see 'edgesmith-cli show RUN PROJECT')");
        if (candidate->status != CandidateStatus::Evaluated)
            throw Error(store.file().string(), "", "candidate " + std::to_string(job_.candidate) + " of run " + std::to_string(job_.run) + " was not evaluated (" +
                                                       toString(candidate->status) + (candidate->message.empty() ? "" : ": " + candidate->message) + ")");
        const std::filesystem::path kept = keptModelPath(project_.databasePath(), job_.run, job_.candidate);
        ExportResult result;
        if (!job_.retrain && std::filesystem::exists(kept)) {
            ImportedModel model = importModel(kept);
            // Kept models are named by run and candidate number; a store made afresh reuses them.
            if (model.info.genotype == candidate->key) {
                say(log_, "using the model kept at " + kept.string());
                return finish(model.network, model.info, std::move(result));
            }
            say(log_, kept.string() + " holds " + model.info.genotype + ", not this candidate; training it again");
        }
        return trainAndExport(*candidate, std::move(result));
    }

private:
    const Splits& splits() {
        if (!splits_) splits_ = loadProjectData(project_.document().at("dataset"), project_.file());
        return *splits_;
    }

    ExportResult trainAndExport(const Candidate& candidate, ExportResult result) {
        const SearchSpace space = SearchSpace::parse(project_.spaceDocument(), project_.spaceLabel());
        const std::string key = candidate.key.substr(0, candidate.key.find('@'));
        Genotype genotype;
        try {
            genotype = space.canonical(space.parseKey(key));
        } catch (const Error& error) {
            throw Error(project_.file().string(), "space", "candidate " + std::to_string(candidate.number) + " (" + key +
                                                                ") is not in the project's space any more: " + error.message());
        }
        Network network(space.derive(genotype), 0);
        const auto policy = candidatePolicy(candidate, network.architecture());
        if (candidate.key.find('@') != std::string::npos && !policy)
            throw Error(project_.databasePath().string(), "", "candidate " + std::to_string(candidate.number) + " (" + candidate.key +
                                                                  ") is a compressed network whose weights were not kept; compress the architecture again "
                                                                  "(its new run keeps them) or export the model file 'compress --save' wrote");
        TrainingOptions options = TrainingOptions::fromJson(project_.document().at("estimator").value("params", Json::object()));
        options.applyAugmentation(project_.document().at("dataset").value("augment", Json::object()));
        if (job_.trainingEpochs > 0) options.epochs = job_.trainingEpochs;
        options.threads = job_.threads;
        options.progressEvery = 0;
        say(log_, "training " + key + " (" + options.proxyDescription() + "); the store keeps metrics, not weights");
        trainUnlessCancelled(network, splits(), options, cancel_);
        result.trained = true;
        const double floatTop1 = evaluate(network, splits().test, splits()).top1;
        ModelInfo info = infoFor(project_, candidate, job_.run, splits(), floatTop1);
        info.accuracy["float_test_top1"] = floatTop1;
        if (policy) {
            quantizePostTraining(network, splits().train, splits(), *policy);
            say(log_, "applied the candidate's quantization policy (post-training, calibrated on training images)");
        }
        info.accuracy["test_top1"] = evaluate(network, splits().test, splits()).top1;
        info.accuracy["stored_validation_top1"] = candidate.metric("accuracy");
        info.accuracy["trained"] = options.proxyDescription();
        keepModel(project_.databasePath(), job_.run, job_.candidate, network, info);
        say(log_, "kept the trained model at " + keptModelPath(project_.databasePath(), job_.run, job_.candidate).string());
        return finish(network, info, std::move(result));
    }

    ExportResult finish(Network& network, ModelInfo info, ExportResult result) {
        if (job_.format == ExportFormat::OnnxInt8 && !isQuantized(network)) {
            say(log_, "quantizing W8/A8 per channel (post-training, min/max calibration on training images) for the int8 export");
            quantizeForInt8Export(network, info, splits());
        }
        if (info.accuracy.contains("test_top1")) {
            std::ostringstream line;
            line << std::fixed << std::setprecision(2) << "test top-1 " << info.accuracy["test_top1"].get<double>() << " %";
            result.summary.push_back(line.str());
        }
        ExportResult written = exportModel(network, info, job_.format, job_.out, job_.dynamicBatch, job_.cPrefix);
        result.files = written.files;
        result.summary.insert(result.summary.end(), written.summary.begin(), written.summary.end());
        return result;
    }

    const Project& project_;
    const ExportJob& job_;
    const std::function<void(const std::string&)>& log_;
    const std::atomic<bool>* cancel_;
    std::optional<Splits> splits_;
};

} // namespace

std::string toString(ExportFormat format) { return infoOf(format).name; }

ExportFormat exportFormatFromString(const std::string& text) {
    std::string names;
    for (const FormatInfo& info : formats()) {
        if (text == info.name) return info.format;
        names += (names.empty() ? "" : ", ") + std::string(info.name);
    }
    throw Error("", "format", "unknown export format \"" + text + "\"; use one of " + names);
}

std::vector<ExportFormat> exportFormats() {
    std::vector<ExportFormat> list;
    for (const FormatInfo& info : formats()) list.push_back(info.format);
    return list;
}

std::string describe(ExportFormat format) { return infoOf(format).description; }

std::vector<std::filesystem::path> exportFiles(ExportFormat format, const std::filesystem::path& out) {
    const FormatInfo& info = infoOf(format);
    if (format == ExportFormat::Torch) return {modelWeightsPath(out), modelDocumentPath(out)};
    std::filesystem::path stem = out;
    for (const char* extension : info.extensions)
        if (stem.extension() == extension) stem.replace_extension();
    if (format == ExportFormat::Onnx || format == ExportFormat::OnnxInt8 || format == ExportFormat::Json)
        if (!out.extension().empty()) return {out};
    std::vector<std::filesystem::path> files;
    for (const char* extension : info.extensions) files.push_back(std::filesystem::path(stem) += extension);
    return files;
}

Json ExportJob::toJson() const {
    return {{"format", toString(format)}, {"run", run}, {"candidate", candidate}, {"out", out.string()}, {"training_epochs", trainingEpochs},
            {"threads", threads}, {"retrain", retrain}, {"dynamic_batch", dynamicBatch}, {"c_prefix", cPrefix}};
}

ExportJob ExportJob::fromJson(const Json& json) {
    ExportJob job;
    try {
        job.format = exportFormatFromString(json.value("format", std::string("onnx")));
        job.run = json.at("run").get<std::int64_t>();
        job.candidate = json.value("candidate", std::int64_t(0));
        job.out = json.at("out").get<std::string>();
        job.trainingEpochs = json.value("training_epochs", 0);
        job.threads = json.value("threads", 0);
        job.retrain = json.value("retrain", false);
        job.dynamicBatch = json.value("dynamic_batch", true);
        job.cPrefix = json.value("c_prefix", std::string());
    } catch (const Json::exception& error) {
        throw Error("", "export", std::string("is not an export job: ") + error.what());
    }
    return job;
}

ModelInfo projectModelInfo(const Project& project, const Splits& splits, double testTop1) {
    ModelInfo info;
    info.space = project.spaceDocument();
    info.source = {{"project", project.name()}};
    info.normalisation = normalisationOf(splits);
    info.accuracy = {{"test_top1", testTop1}};
    return info;
}

std::filesystem::path keptModelPath(const std::filesystem::path& database, std::int64_t run, std::int64_t candidate) {
    std::filesystem::path folder = database.parent_path() / (database.stem().string() + "-models");
    return folder / ("run" + std::to_string(run) + "-candidate" + std::to_string(candidate) + ".json");
}

void keepModel(const std::filesystem::path& database, std::int64_t run, std::int64_t candidate, Network& network, const ModelInfo& info) {
    const std::filesystem::path file = keptModelPath(database, run, candidate);
    std::error_code status;
    std::filesystem::create_directories(file.parent_path(), status);
    if (status) throw WriteError(file.parent_path().string(), "", "cannot create the folder of kept models: " + status.message());
    writeTorchArchive(network, info, file);
}

ExportResult runExportJob(const Project& project, const ExportJob& job, const std::function<void(const std::string&)>& log, const std::atomic<bool>* cancel) {
    return ExportRunner(project, job, log, cancel).run();
}

ExportResult exportModel(Network& network, const ModelInfo& info, ExportFormat format, const std::filesystem::path& out, bool dynamicBatch,
                         const std::string& cPrefix) {
    ExportResult result;
    switch (format) {
    case ExportFormat::Onnx:
    case ExportFormat::OnnxInt8: {
        const std::filesystem::path file = exportFiles(format, out).front();
        OnnxOptions options;
        options.quantized = format == ExportFormat::OnnxInt8;
        options.dynamicBatch = dynamicBatch;
        const OnnxSummary summary = writeOnnx(network, info, file, options);
        result.files = {file};
        if (!options.quantized && isQuantized(network))
            result.summary.push_back("the network is quantized: this float file keeps its weights on their grids but computes activations in float "
                                     "(onnx-int8 writes the quantized computation)");
        result.summary.push_back("ONNX opset " + std::to_string(summary.opset) + ", " + std::to_string(summary.nodes) + " nodes, " + bytesText(summary.bytes) +
                                 (options.quantized ? "; " + std::to_string(summary.quantizedLayers) + " layers with int8 weights, " +
                                                          std::to_string(summary.quantizedInputs) + " quantized inputs"
                                                    : "") +
                                 (dynamicBatch ? "; dynamic batch" : "; batch 1"));
        break;
    }
    case ExportFormat::Torch:
        result.files = writeTorchArchive(network, info, out);
        result.summary.push_back("LibTorch archive " + bytesText(static_cast<std::int64_t>(std::filesystem::file_size(result.files.front()))) +
                                 " and its model JSON; 'edgesmith-cli import' or 'compress --model' read them back");
        break;
    case ExportFormat::Json: {
        const std::filesystem::path file = exportFiles(format, out).front();
        writeModelJson(network, info, file);
        result.files = {file};
        result.summary.push_back("architecture JSON: " + std::to_string(network.architecture().layers.size()) + " layers");
        break;
    }
    case ExportFormat::C: {
        const CArraysSummary summary = writeCArrays(network, info, out, cPrefix);
        result.files = summary.files;
        result.summary.push_back("C arrays '" + summary.prefix + "': " + bytesText(summary.weightBytes) + " int8 weights + " + bytesText(summary.scaleBytes) +
                                 " scales + " + bytesText(summary.biasBytes) + " biases ≈ " + bytesText(summary.flashBytes) + " of flash; peak int8 activations " +
                                 bytesText(summary.peakActivationBytes) + " of RAM" + (summary.requantized ? "; weights quantized to 8 bits by the export" : ""));
        break;
    }
    case ExportFormat::Report:
        throw Error(out.string(), "format", "a report is of a run of the store, not of one model");
    }
    return result;
}

void quantizeForInt8Export(Network& network, ModelInfo& info, const Splits& splits) {
    const QuantizationPolicy policy = QuantizationPolicy::uniform(network.architecture(), 8, 8);
    quantizePostTraining(network, splits.train, splits, policy);
    info.accuracy["test_top1"] = evaluate(network, splits.test, splits).top1;
    info.policy = {{"weight_bits", policy.weightBits}, {"activation_bits", policy.activationBits}, {"per_channel", true}, {"calibration", "minmax"},
                   {"applied_by", "export"}};
}

std::string exportPlan(const Project& project, const ExportJob& job) {
    std::ostringstream plan;
    plan << describe(job.format) << ".\nWrites ";
    const auto files = exportFiles(job.format, job.out);
    for (std::size_t index = 0; index < files.size(); ++index) plan << (index ? " and " : "") << files[index].string();
    plan << " (each complete or not at all).\n";
    if (job.format == ExportFormat::Report) return plan.str();
    const std::filesystem::path kept = keptModelPath(project.databasePath(), job.run, job.candidate);
    if (!job.retrain && std::filesystem::exists(kept)) plan << "Uses the model kept from an earlier export or compression (" << kept.filename().string() << ").";
    else
        plan << "The store keeps metrics, not weights: the candidate is trained first with the project's settings"
             << (job.trainingEpochs > 0 ? " for " + std::to_string(job.trainingEpochs) + " epochs" : std::string()) << ", then kept for later exports.";
    if (job.format == ExportFormat::OnnxInt8) plan << "\nA float model is quantized W8/A8 (post-training, calibrated on training images) first.";
    return plan.str();
}

} // namespace edgesmith
