#include "app/cli/command_line.h"

#include "core/engine/compression_run.h"
#include "core/estimate/supernet.h"
#include "core/hw/hardware_model.h"
#include "core/project/project.h"
#include "core/space/space.h"
#include "core/store/store.h"
#include "core/train/trainer.h"

#include <iomanip>
#include <limits>
#include <random>

namespace edgesmith::cli {
namespace {

int runDifferentiable(const Arguments& arguments, Streams& streams) {
    if (arguments.positionals().size() != 1) throw UsageError("name one project file");
    const Project project = Project::load(arguments.positionals().front());
    const SearchSpace space = SearchSpace::parse(project.spaceDocument(), project.spaceLabel());
    DifferentiableOptions options;
    options.epochs = static_cast<int>(arguments.integer("epochs", options.epochs, 1, 1000));
    options.warmupEpochs = static_cast<int>(arguments.integer("warmup", std::min(options.warmupEpochs, options.epochs - 1), 0, options.epochs - 1));
    options.subset = arguments.number("subset", 1.0, 1e-4, 1.0);
    options.cost = arguments.value("cost").value_or("macs");
    if (options.cost != "macs" && options.cost != "params" && options.cost != "peak_activation_bytes" && options.cost != "latency_ms" &&
        options.cost != "none")
        throw UsageError("--cost is macs, params, peak_activation_bytes, latency_ms or none, not \"" + options.cost + "\"");
    std::unique_ptr<HardwareModel> hardware;
    if (options.cost == "latency_ms") {
        hardware = std::make_unique<HardwareModel>(project.document(), project.file(), space);
        std::mt19937_64 random(options.seed);
        hardware->latencyOf(space.derive(space.sample(random), false)); // fails early for "measured", builds a table or predictor
        options.latencyModel = [&](const Architecture& architecture) { return hardware->latencyOf(architecture); };
    }
    options.relaxation = arguments.value("relaxation").value_or("gumbel");
    if (options.relaxation != "gumbel" && options.relaxation != "darts" && options.relaxation != "proxyless")
        throw UsageError("--relaxation is gumbel, darts or proxyless, not \"" + options.relaxation + "\"");
    options.costWeight = arguments.number("cost-weight", options.costWeight, 0, 100);
    options.costExponent = arguments.number("cost-exponent", options.costExponent, 0, 10);
    options.architectureLearningRate = arguments.number("architecture-rate", options.architectureLearningRate, 1e-6, 10);
    options.seed = static_cast<std::uint64_t>(arguments.integer("seed", 0, 0, std::numeric_limits<long long>::max()));
    options.threads = static_cast<int>(arguments.integer("threads", 0, 0, 1024));
    const bool json = arguments.flag("json");

    const Splits splits = loadProjectData(project.document()["dataset"], project.file());
    Supernet supernet(space, options.seed);
    const DifferentiableResult result = supernet.searchDifferentiable(splits, options, [&](const DifferentiableProgress& progress) {
        if (json) return;
        streams.out << "epoch " << progress.epoch << "/" << progress.epochs << ": loss " << std::fixed << std::setprecision(4) << progress.loss
                    << ", temperature " << std::setprecision(2) << progress.temperature;
        if (options.cost != "none") streams.out << ", expected " << options.cost << " " << std::setprecision(4) << std::defaultfloat << progress.expectedCost;
        streams.out << std::defaultfloat << '\n' << std::flush;
    });
    const Evaluation evaluation = supernet.evaluate(result.derived, splits);
    Json output = result.toJson(space, options.cost);
    output["validation_top1"] = evaluation.top1;

    if (arguments.flag("record")) {
        Store store = Store::open(project.databasePath());
        CompressionRun run(store, project, "differentiable", {space.key(result.derived), 0, 0, ""},
                           {{"differentiable", {{"epochs", options.epochs}, {"relaxation", options.relaxation}, {"cost", options.cost}, {"cost_weight", options.costWeight}}}},
                           options.seed);
        Network network = supernet.extract(result.derived);
        Candidate candidate = importedCandidate(space.key(result.derived), network, evaluation.top1);
        candidate.genotype = result.derived;
        candidate.details["architecture_weights"] = output;
        candidate.details["evaluation"] = evaluation.toJson();
        candidate.details["proxy"] = "differentiable search (" + options.relaxation + " relaxation, cost " + options.cost + "), supernet inherited weights";
        output["candidate"] = run.add(std::move(candidate));
        run.finish();
        output["run"] = run.id();
    }
    if (json) {
        streams.out << output.dump() << '\n';
        return kExitOk;
    }
    streams.out << "\n  " << std::left << std::setw(44) << "decision" << "most probable option (p)\n";
    for (const auto& decision : output["decisions"]) {
        const auto& last = decision["probabilities"].back();
        std::size_t best = 0;
        for (std::size_t option = 1; option < last.size(); ++option)
            if (last[option].get<double>() > last[best].get<double>()) best = option;
        streams.out << "  " << std::left << std::setw(44) << decision["label"].get<std::string>().substr(0, 43) << decision["options"][best].dump()
                    << " (" << std::fixed << std::setprecision(2) << last[best].get<double>() << ")\n";
    }
    streams.out << "\nderived " << space.key(result.derived) << ": validation " << std::setprecision(2) << evaluation.top1
                << " % with inherited weights (retrain it for its own accuracy), " << std::setprecision(0) << result.seconds << " s\n";
    if (output.contains("run"))
        streams.out << "recorded as candidate " << output["candidate"].get<long long>() << " of run " << output["run"].get<long long>() << " in "
                    << project.databasePath().string() << '\n';
    return kExitOk;
}

} // namespace

Verb differentiableVerb() {
    return {"differentiable",
            "differentiable architecture search (Gumbel-softmax over the space's decisions, with a cost term) on a weight-sharing supernet",
            "differentiable PROJECT [--epochs E] [--warmup W] [--subset F] [--relaxation gumbel|darts|proxyless] [--cost macs|params|peak_activation_bytes|latency_ms|none] [--cost-weight W] [--cost-exponent B] "
            "[--architecture-rate R] [--seed S] [--threads T] [--record] [--json]",
            "Trains the project's space as a supernet while learning architecture logits per decision\n"
            "(FBNet / GDAS: Gumbel-max sampling, a straight-through gate per decision, the temperature\n"
            "annealed from 5 to 0.5, α on 20 % of the training split held back from the weights), with\n"
            "the loss CE · w · (log E[cost])^β (survey eq. 23) for the expected MACs, params or peak\n"
            "activation memory. Prints the\n"
            "most probable option of each decision and the derived architecture's inherited-weight\n"
            "validation accuracy; --record stores it as a candidate with the α history of every epoch.",
            {{"epochs", "E", "epochs; default 6"},
             {"warmup", "W", "epochs that train the weights only, subnets drawn uniformly; default 1"},
             {"subset", "F", "fraction of the training split; default 1"},
             {"relaxation", "R", "gumbel (default: one subnet drawn, straight-through gates), darts (every option of one decision mixed by softmax(α)) or proxyless (two options drawn and mixed)"},
             {"cost", "C", "macs (default), params, peak_activation_bytes, latency_ms (the project's lut, predictor or simulator) or none: the cost of eq. 23"},
             {"cost-weight", "W", "w of eq. 23; default 0.2"},
             {"cost-exponent", "B", "β of eq. 23; default 0.6"},
             {"architecture-rate", "R", "Adam learning rate of α; default 0.01"},
             {"seed", "S", "seed of weights, sampling and data order; default 0"},
             {"threads", "T", "compute threads; default 0 (every core)"},
             {"record", "", "store the derived architecture as a candidate of a new run"},
             {"json", "", "one JSON object: the α history, the derived genotype, its accuracy"}},
            runDifferentiable};
}

} // namespace edgesmith::cli
