#include "app/cli/command_line.h"
#include "app/cli/project_candidate.h"

#include "core/common/error.h"
#include "core/compress/quantization.h"
#include "core/engine/compression_run.h"
#include "core/engine/export_job.h"
#include "core/store/store.h"

#include <iomanip>

namespace edgesmith::cli {
namespace {

std::int64_t positiveNumber(const std::string& text, const char* what) {
    try {
        std::size_t used = 0;
        const long long value = std::stoll(text, &used);
        if (used == text.size() && value >= 1) return value;
    } catch (const std::exception&) {
    }
    throw UsageError(std::string(what) + " must be a positive integer; got '" + text + "'");
}

void printResult(const ExportResult& result, ExportFormat format, bool json, Streams& streams) {
    if (json) {
        Json files = Json::array();
        for (const auto& file : result.files) files.push_back(file.string());
        streams.out << Json{{"format", toString(format)}, {"files", files}, {"summary", result.summary}, {"trained", result.trained}}.dump() << '\n';
        return;
    }
    for (const std::string& line : result.summary) streams.out << line << '\n';
    for (const auto& file : result.files) streams.out << "wrote " << file.string() << '\n';
}

// export PROJECT --model MODEL.json: a model file, no store involved.
int exportModelFile(const Arguments& arguments, ExportFormat format, const std::filesystem::path& out, bool json, Streams& streams) {
    if (format == ExportFormat::Report) throw UsageError("--format report exports a run (RUN), not a model file");
    const Project project = Project::load(arguments.positionals().front());
    ImportedModel model = importModel(*arguments.value("model"));
    ExportResult result;
    if (format == ExportFormat::OnnxInt8 && !isQuantized(model.network)) {
        const Splits splits = loadProjectData(project.document()["dataset"], project.file());
        requireProjectInput(model.network, splits, *arguments.value("model"));
        if (!json) streams.out << "quantizing W8/A8 per channel (post-training, calibrated on training images) for the int8 export\n";
        quantizeForInt8Export(model.network, model.info, splits);
    }
    result = exportModel(model.network, model.info, format, out, !arguments.flag("static-batch"), arguments.value("c-prefix").value_or(""));
    printResult(result, format, json, streams);
    return kExitOk;
}

int runExport(const Arguments& arguments, Streams& streams) {
    const auto& positionals = arguments.positionals();
    const auto formatName = arguments.value("format");
    if (!formatName) throw UsageError("--format is required: onnx, onnx-int8, torch, json, c or report");
    ExportFormat format;
    try {
        format = exportFormatFromString(*formatName);
    } catch (const Error& error) {
        throw UsageError("--format: " + error.message());
    }
    const auto out = arguments.value("out");
    if (!out) throw UsageError("--out PATH is required (the file to write; see 'edgesmith-cli help export' for the files of each format)");
    const bool json = arguments.flag("json");
    if (arguments.value("model")) {
        if (positionals.size() != 1) throw UsageError("with --model, name only the project file (its data calibrates int8 exports)");
        return exportModelFile(arguments, format, *out, json, streams);
    }
    if (positionals.size() < 2 || positionals.size() > 3)
        throw UsageError("name the project file, the run and the candidate: export PROJECT RUN CANDIDATE (or RUN:CANDIDATE)");
    ExportJob job;
    job.format = format;
    job.out = *out;
    std::string runText = positionals[1], candidateText = positionals.size() == 3 ? positionals[2] : "";
    if (const auto colon = runText.find(':'); colon != std::string::npos && candidateText.empty()) {
        candidateText = runText.substr(colon + 1);
        runText = runText.substr(0, colon);
    }
    job.run = positiveNumber(runText, "RUN");
    if (candidateText.empty() && format != ExportFormat::Report) throw UsageError("name the candidate to export: export PROJECT RUN CANDIDATE");
    job.candidate = candidateText.empty() ? 0 : positiveNumber(candidateText, "CANDIDATE");
    job.trainingEpochs = static_cast<int>(arguments.integer("epochs", 0, 1, 1000));
    job.threads = static_cast<int>(arguments.integer("threads", 0, 0, 1024));
    job.retrain = arguments.flag("retrain");
    job.dynamicBatch = !arguments.flag("static-batch");
    job.cPrefix = arguments.value("c-prefix").value_or("");
    const Project project = Project::load(positionals.front());
    const ExportResult result = runExportJob(project, job, [&](const std::string& line) {
        if (!json) streams.out << line << '\n';
    });
    printResult(result, format, json, streams);
    return kExitOk;
}

int runImport(const Arguments& arguments, Streams& streams) {
    const auto& positionals = arguments.positionals();
    if (positionals.size() != 2) throw UsageError("name the project file and the model: import PROJECT MODEL.json");
    const Project project = Project::load(positionals[0]);
    ImportedModel model = importModel(positionals[1]);
    const Splits splits = loadProjectData(project.document()["dataset"], project.file());
    requireProjectInput(model.network, splits, positionals[1]);
    const Evaluation test = evaluate(model.network, splits.test, splits);
    const double validation = evaluate(model.network, splits.validation, splits).top1;
    const Json document = modelDocument(model.network, model.info);
    const std::string key = model.info.genotype.empty() ? "imported-" + model.info.name : model.info.genotype;
    Json output = {{"model", positionals[1]}, {"genotype", key}, {"layers", model.network.architecture().layers.size()},
                   {"metrics", document["metrics"]}, {"quantized", isQuantized(model.network)}, {"test_top1", test.top1},
                   {"validation_top1", validation}, {"exported_test_top1", model.info.accuracy.value("test_top1", Json())}};
    if (arguments.flag("record")) {
        Store store = Store::open(project.databasePath());
        CompressionRun run(store, project, "import", {key, 0, 0, positionals[1]}, {{"model", std::filesystem::absolute(positionals[1]).string()}});
        const std::int64_t number = run.add(importedCandidate(key, model.network, validation), model.network, model.info);
        run.finish();
        output["run"] = run.id();
        output["candidate"] = number;
    }
    if (arguments.flag("json")) {
        streams.out << output.dump() << '\n';
        return kExitOk;
    }
    const Json& metrics = document["metrics"];
    streams.out << "imported " << key << ": " << output["layers"].get<std::size_t>() << " layers, " << metrics["params"].get<long long>() << " params, "
                << metrics["macs"].get<long long>() << " MACs, " << metrics["storage_bytes"].get<long long>() << " B of storage"
                << (output["quantized"].get<bool>() ? " (quantized)" : "") << '\n'
                << std::fixed << std::setprecision(2) << "test top-1 " << test.top1 << " %";
    if (output["exported_test_top1"].is_number()) streams.out << " (the exporting EdgeSmith measured " << output["exported_test_top1"].get<double>() << " %)";
    streams.out << '\n';
    if (output.contains("run"))
        streams.out << "recorded as candidate " << output["candidate"].get<long long>() << " of run " << output["run"].get<long long>() << " in "
                    << project.databasePath().string() << '\n';
    return kExitOk;
}

} // namespace

Verb exportVerb() {
    return {"export",
            "export a candidate for deployment: ONNX (float, int8 QDQ), LibTorch, JSON, C arrays, or a run report",
            "export PROJECT RUN CANDIDATE --format onnx|onnx-int8|torch|json|c|report --out PATH [--epochs E] [--threads T]\n"
            "         [--retrain] [--static-batch] [--c-prefix NAME] [--json]\n"
            "       export PROJECT --model MODEL.json --format F --out PATH",
            "Writes candidate CANDIDATE of run RUN (see 'edgesmith-cli show RUN PROJECT'; RUN:CANDIDATE works too).\n"
            "The store keeps metrics, not weights: the first export of a searched candidate trains it with the\n"
            "project's settings (--epochs overrides), applies its quantization policy, and keeps the model beside\n"
            "the store for every later export; compressions keep their results there themselves.\n"
            "Formats: onnx (float, opset 13, batch norm folded, pixels in, logits out), onnx-int8 (QDQ: int8 weights\n"
            "per channel, calibrated activations; a float model is quantized W8/A8 first), torch (PATH = weights,\n"
            "plus the model JSON beside it; 'import' and 'compress --model' read it), json (architecture, per-layer\n"
            "table, metrics, policy), c (PATH.h + PATH.c: int8 weights, scales, layer table for microcontrollers),\n"
            "report (PATH.html + PATH.csv of the whole run, CANDIDATE detailed; without it the most accurate on the\n"
            "front). Files are written whole or not at all.",
            {{"format", "F", "onnx, onnx-int8, torch, json, c or report"},
             {"out", "PATH", "the file to write (a stem for the two-file formats)"},
             {"model", "MODEL.json", "export a model file (compress --save, export --format torch) instead of a store candidate"},
             {"epochs", "E", "training epochs when the candidate has no kept model (default: the project's)"},
             {"threads", "T", "training threads (0: every core)"},
             {"retrain", "", "train again even when a kept model exists"},
             {"static-batch", "", "ONNX: fix the batch dimension at 1 instead of a named dynamic one"},
             {"c-prefix", "NAME", "c: prefix of every C identifier (default: the file name)"},
             {"json", "", "one JSON object on stdout: files, summary"}},
            runExport};
}

Verb importVerb() {
    return {"import",
            "import a model file (export --format torch, compress --save) and measure it on the project's data",
            "import PROJECT MODEL.json [--record] [--json]",
            "Rebuilds the network from the model JSON and its weights (with its quantization), checks that it\n"
            "fits the project's data, and measures validation and test accuracy. --record adds it to the\n"
            "project's store as a run of one candidate (and keeps the model there), so it joins the Pareto plot,\n"
            "the tables and Export. To compress it further: 'edgesmith-cli compress PROJECT --model MODEL.json'.",
            {{"record", "", "add the model to the project's store as a candidate"}, {"json", "", "one JSON object on stdout"}},
            runImport};
}

} // namespace edgesmith::cli
