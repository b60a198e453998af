#include "core/project/catalog.h"

namespace edgesmith {
namespace {

using schema::Node;

Node seed() { return Node::integer("Random seed; the same seed gives the same run").atLeast(0).byDefault(0); }

Node trainingParameters(int epochs, double subset) {
    return Node::object()
        .field("epochs", Node::integer("Training epochs per candidate").atLeast(1).atMost(1000).byDefault(epochs))
        .field("batch_size", Node::integer("Mini-batch size").atLeast(1).atMost(65536).byDefault(128))
        .field("optimizer", Node::choice({"sgd", "adam", "adamw"}, "Optimizer").byDefault("adamw"))
        .field("learning_rate", Node::number("Peak learning rate").above(0).atMost(10).byDefault(0.002))
        .field("momentum", Node::number("SGD momentum").atLeast(0).below(1).byDefault(0.9))
        .field("weight_decay", Node::number("Weight decay").atLeast(0).atMost(1).byDefault(0.0005))
        .field("schedule", Node::choice({"constant", "cosine", "step"}, "Learning-rate schedule").byDefault("cosine"))
        .field("warmup_epochs", Node::number("Linear warm-up, in epochs").atLeast(0).byDefault(0))
        .field("label_smoothing", Node::number("Label smoothing").atLeast(0).below(1).byDefault(0.0))
        .field("gradient_clip", Node::number("Clip the gradient norm to this (0: off)").atLeast(0).byDefault(0))
        .field("subset", Node::number("Fraction of the training split used (proxy)").above(0).atMost(1).byDefault(subset))
        .field("resolution", Node::integer("Input resolution for training (proxy); 0 keeps the space's").atLeast(0).atMost(1024).byDefault(0))
        .field("early_stopping_patience", Node::integer("Epochs without validation gain before stopping (0: off)").atLeast(0).byDefault(0))
        .field("distillation", Node::object("Knowledge distillation from a trained teacher (survey V-A, eq. 27)")
                                   .required("teacher", Node::string("Genotype key of the teacher in the project's space").nonEmpty())
                                   .required("weights", Node::string("The teacher's weights (edgesmith-cli train --save), relative to the project file").nonEmpty())
                                   .field("alpha", Node::number("Weight of the soft-target loss").atLeast(0).atMost(1).byDefault(0.5))
                                   .field("temperature", Node::number("Softmax temperature").above(0).atMost(100).byDefault(4.0)))
        .field("seed", seed());
}

} // namespace

const std::vector<MetricInfo>& objectiveMetrics() {
    static const std::vector<MetricInfo> metrics = {
        {"accuracy", "Top-1 accuracy", "%", Goal::Maximize, "Top-1 accuracy on the validation split (the search never sees the test split)"},
        {"error", "Top-1 error", "%", Goal::Minimize, "100 − top-1 validation accuracy"},
        {"latency_ms", "Latency", "ms", Goal::Minimize, "Batch 1, median of timed runs after warm-up, on the project's hardware target"},
        {"measured_latency_ms", "Measured latency", "ms", Goal::Minimize, "Batch 1 latency timed on this host, kept next to a modelled latency to check it"},
        {"energy_mj", "Energy", "mJ", Goal::Minimize, "Energy per inference estimated by the device simulator"},
        {"macs", "MACs", "", Goal::Minimize, "Multiply-accumulates of convolutions and fully connected layers"},
        {"flops", "FLOPs", "", Goal::Minimize, "2 × MACs"},
        {"params", "Parameters", "", Goal::Minimize, "Every trainable parameter, batch-norm affine included"},
        {"peak_activation_bytes", "Peak activation memory", "B", Goal::Minimize, "Largest total of live activation bytes at any point of the execution order"},
        {"storage_bytes", "Storage", "B", Goal::Minimize, "Σ params × bitwidth / 8, plus quantization scales and zero points"},
        {"bitops", "BitOps", "", Goal::Minimize, "MACs × weight bits × activation bits"},
    };
    return metrics;
}

const MetricInfo* findMetric(const std::string& name) {
    for (const auto& metric : objectiveMetrics())
        if (metric.name == name) return &metric;
    return nullptr;
}

std::vector<std::string> metricNames() {
    std::vector<std::string> names;
    for (const auto& metric : objectiveMetrics()) names.push_back(metric.name);
    return names;
}

const std::vector<MethodInfo>& strategyCatalog() {
    static const std::vector<MethodInfo> strategies = {
        {"grid", "Grid search", "Enumerates the space in order (survey III-B)",
         Node::object().field("max_candidates", Node::integer("Stop after this many candidates").atLeast(1).byDefault(1000))},
        {"random", "Random search", "Uniform samples; constrained sampling resamples until the hard budgets hold",
         Node::object()
             .field("samples", Node::integer("Candidates to evaluate").atLeast(1).byDefault(100))
             .field("constrained", Node::boolean("Resample candidates that break a hard budget").byDefault(true))
             .field("max_resamples", Node::integer("Give up on a budget after this many draws").atLeast(1).byDefault(1000))
             .field("seed", seed())},
        {"regularized-evolution", "Regularized evolution", "Aging evolution with tournament selection",
         Node::object()
             .field("population", Node::integer("Population size").atLeast(2).byDefault(20))
             .field("tournament_size", Node::integer("Candidates drawn per tournament").atLeast(2).byDefault(5))
             .field("cycles", Node::integer("Children evaluated after the first population").atLeast(1).byDefault(100))
             .field("mutations", Node::integer("Decisions changed per child").atLeast(1).byDefault(1))
             .field("seed", seed())},
        {"nsga2", "NSGA-II", "Non-dominated sorting and crowding distance with crossover and mutation on genotypes",
         Node::object()
             .field("population", Node::integer("Population size").atLeast(2).byDefault(16))
             .field("generations", Node::integer("Generations").atLeast(1).byDefault(10))
             .field("crossover_probability", Node::number("Probability of crossover").atLeast(0).atMost(1).byDefault(0.9))
             .field("mutation_probability", Node::number("Per-decision mutation probability").atLeast(0).atMost(1).byDefault(0.1))
             .field("seed", seed())},
        {"bayesian", "Bayesian optimisation", "Gaussian-process surrogate; expected improvement (eq. 10), EHVI or ParEGO for several objectives",
         Node::object()
             .field("initial_samples", Node::integer("Random candidates before the surrogate is used").atLeast(1).byDefault(8))
             .field("iterations", Node::integer("Candidates chosen by the acquisition function").atLeast(1).byDefault(32))
             .field("acquisition", Node::choice({"auto", "ei", "ehvi", "parego"}, "Acquisition function; auto: EHVI for several objectives, else EI").byDefault("auto"))
             .field("kernel", Node::choice({"matern52", "rbf"}, "GP kernel").byDefault("matern52"))
             .field("pool_size", Node::integer("Random genotypes scored per step").atLeast(1).byDefault(1000))
             .field("seed", seed())},
        {"reinforce", "Reinforcement learning", "Controller trained by policy gradient (REINFORCE or PPO) on the reward",
         Node::object()
             .field("controller", Node::choice({"categorical", "lstm"}, "Controller kind").byDefault("categorical"))
             .field("algorithm", Node::choice({"reinforce", "ppo"}, "Policy-gradient method").byDefault("reinforce"))
             .field("episodes", Node::integer("Architectures sampled").atLeast(1).byDefault(100))
             .field("learning_rate", Node::number("Controller learning rate").above(0).byDefault(0.05))
             .field("baseline_decay", Node::number("Moving-average baseline decay").atLeast(0).atMost(1).byDefault(0.9))
             .field("seed", seed())},
        {"greedy", "Greedy / progressive", "Fills blocks by the best marginal gain of accuracy per cost",
         Node::object()
             .field("candidates_per_step", Node::integer("Options tried per decision").atLeast(1).byDefault(4))
             .field("seed", seed())},
    };
    return strategies;
}

const std::vector<MethodInfo>& estimatorCatalog() {
    static const std::vector<MethodInfo> estimators = {
        {"analytic", "Analytic metrics only", "No training: MACs, params, memory, storage and modelled latency", Node::object()},
        {"training", "Full training", "Trains every candidate from scratch on the training split", trainingParameters(10, 1.0)},
        {"proxy-training", "Proxy training", "Fewer epochs, a data subset and optionally a smaller resolution (survey III-C1)", trainingParameters(2, 0.2)},
        {"supernet", "Weight-sharing supernet",
         "Trains one supernet over the space once (SPOS, FairNAS, sandwich or once-for-all progressive shrinking), then scores each "
         "candidate with inherited weights after batch-norm recalibration (survey III-C1, eq. 18-19)",
         Node::object()
             .field("sampling", Node::choice({"uniform", "fair", "sandwich", "progressive"},
                                             "Subnets per step: uniform single path (SPOS), FairNAS strict fairness, sandwich rule with in-place "
                                             "distillation, or progressive shrinking (largest, then kernel, depth, width)")
                                    .byDefault("uniform"))
             .field("epochs", Node::integer("Supernet training epochs").atLeast(1).atMost(1000).byDefault(6))
             .field("batch_size", Node::integer("Mini-batch size").atLeast(1).atMost(65536).byDefault(128))
             .field("optimizer", Node::choice({"sgd", "adamw"}, "Optimizer of the shared weights").byDefault("adamw"))
             .field("learning_rate", Node::number("Peak learning rate (cosine schedule)").above(0).atMost(10).byDefault(0.002))
             .field("momentum", Node::number("SGD momentum").atLeast(0).below(1).byDefault(0.9))
             .field("weight_decay", Node::number("Weight decay").atLeast(0).atMost(1).byDefault(0.0005))
             .field("subset", Node::number("Fraction of the training split the supernet trains on").above(0).atMost(1).byDefault(1.0))
             .field("random_subnets", Node::integer("Random subnets per step besides the largest (sandwich, progressive)").atLeast(0).atMost(16).byDefault(2))
             .field("largest_share", Node::number("Progressive shrinking: share of the steps the largest subnet trains alone").atLeast(0).below(1).byDefault(0.25))
             .field("kernel_share", Node::number("Progressive shrinking: share of the steps with the elastic kernel open").atLeast(0).below(1).byDefault(0.25))
             .field("depth_share", Node::number("Progressive shrinking: share of the steps with kernel and depth open; the rest opens every decision")
                                       .atLeast(0).below(1).byDefault(0.25))
             .field("temperature", Node::number("In-place distillation temperature").above(0).atMost(100).byDefault(1.0))
             .field("gradient_clip", Node::number("Clip the gradient norm to this (0: off)").atLeast(0).byDefault(5.0))
             .field("recalibration_batches", Node::integer("Training batches that re-estimate each subnet's batch norm").atLeast(1).atMost(1000).byDefault(20))
             .field("score_on", Node::choice({"validation", "unseen"},
                                             "Images each subnet is scored on: the validation split, or the validation split and the training "
                                             "images outside the supernet's subset (needs subset below 1; more images, less noisy ranking)")
                                    .byDefault("validation"))
             .field("validation_samples", Node::integer("Images each subnet is scored on, the first of those score_on names (0: all)").atLeast(0).byDefault(0))
             .field("finetune_epochs", Node::integer("Fine-tune each subnet from its inherited weights for this many epochs before scoring (0: off)").atLeast(0).atMost(100).byDefault(0))
             .field("separate_kernels", Node::boolean("Every kernel option of a layer holds its own weights (single-path one-shot) instead of "
                                                      "the centre of the largest kernel").byDefault(false))
             .field("separate_block_inputs", Node::boolean("A layer that reads its block's input (the depthwise convolution of an MBConv of "
                                                           "expansion 1) holds weights apart from the same layer reading expanded features").byDefault(false))
             .field("split", Node::string("Few-shot: a stage-wide decision (its path, e.g. stages[1].out) whose every option gets its own copy of the "
                                          "trained supernet, trained on with that option pinned; each candidate is scored by its option's copy "
                                          "(empty: one-shot)").byDefault(""))
             .field("split_epochs", Node::integer("Epochs each few-shot copy trains after the shared supernet").atLeast(1).atMost(1000).byDefault(2))
             .field("reuse", Node::boolean("Keep the trained supernet beside the project and reuse it while the space, data and settings are unchanged").byDefault(true))
             .field("seed", seed())},
        {"predictor", "Accuracy predictor",
         "A regressor on the genotype (Gaussian process or MLP) fitted on the candidates the project's database already holds, "
         "then asked instead of training (survey III-C1, OFA / FBNetV3); reports its held-out fit",
         Node::object()
             .field("kind", Node::choice({"gp", "mlp"}, "Regressor: Gaussian process (Matérn 5/2 on the one-hot genotype) or a two-layer MLP").byDefault("gp"))
             .field("source", Node::choice({"training", "supernet"}, "Learn from runs that trained their candidates (training, proxy-training) or from supernet runs").byDefault("training"))
             .field("metric", Node::string("The metric to predict").nonEmpty().byDefault("accuracy"))
             .field("database", Node::string("The database to learn from, relative to the project file; empty: the project's own").byDefault(""))
             .field("min_candidates", Node::integer("Fewest evaluated candidates to fit on").atLeast(4).byDefault(10))
             .field("held_out", Node::number("Fraction held out to report the fit").above(0).below(1).byDefault(0.2))
             .field("seed", seed())},
        {"table", "Tabular benchmark", "Looks metrics up in a JSON table keyed by genotype (survey VI-D): {\"0-1-2\": {\"mean_acc\": 91.2, ...}}",
         Node::object()
             .required("file", Node::string("The table (JSON); relative to the project file").nonEmpty())
             .field("metrics", Node::object("EdgeSmith metric → the table's column, e.g. {\"accuracy\": \"mean_acc\"}; unmapped metrics use their own names").openKeys())},
    };
    return estimators;
}

const std::vector<MethodInfo>& softConstraintCatalog() {
    const auto target = [](Node node) {
        return node.required("metric", Node::choice(metricNames(), "Constrained cost metric"))
            .required("target", Node::number("Target cost C0").above(0));
    };
    static const std::vector<MethodInfo> rules = {
        {"pareto", "Pareto front", "No scalarisation: objectives are kept apart", Node::object()},
        {"mnasnet", "MnasNet reward (eq. 12)", "ACC if C ≤ C0, else ACC × (C/C0)^β",
         target(Node::object()).field("beta", Node::number("Exponent β").below(0).byDefault(-0.07))},
        {"mnasnet-soft", "MnasNet soft reward (eq. 15)", "ACC × (C/C0)^β",
         target(Node::object()).field("beta", Node::number("Exponent β").below(0).byDefault(-0.07))},
        {"chamnet", "ChamNet fitness (eq. 13)", "ACC − [α H(C − C0)]^β",
         target(Node::object())
             .field("alpha", Node::number("Penalty scale α").above(0).byDefault(1.0))
             .field("beta", Node::number("Penalty exponent β").above(0).byDefault(1.0))},
        {"linear", "Linear reward (eq. 17)", "ACC + β |C/C0 − 1|",
         target(Node::object()).field("beta", Node::number("Weight β").below(0).byDefault(-0.5))},
    };
    return rules;
}

const std::vector<MethodInfo>& compressionCatalog() {
    static const std::vector<MethodInfo> methods = {
        {"prune-magnitude", "Unstructured magnitude pruning", "Masks the smallest weights, globally or per layer (survey IV-C)",
         Node::object()
             .field("sparsity", Node::number("Fraction of weights removed").atLeast(0).below(1).byDefault(0.5))
             .field("scope", Node::choice({"global", "layer"}, "Rank weights over the network or per layer").byDefault("global"))},
        {"prune-channels", "Structured channel pruning", "Removes whole channels by L1/L2 norm, BN scaling or Taylor importance",
         Node::object()
             .field("ratio", Node::number("Fraction of channels removed").atLeast(0).below(1).byDefault(0.3))
             .field("importance", Node::choice({"l1", "l2", "bn-scale", "taylor"}, "Channel importance").byDefault("l1"))
             .field("iterations", Node::integer("Prune → fine-tune rounds").atLeast(1).byDefault(1))},
        {"quantize-ptq", "Post-training quantization", "Uniform affine quantization (eq. 28) with calibration",
         Node::object()
             .field("weight_bits", Node::integer("Weight bitwidth").atLeast(2).atMost(32).byDefault(8))
             .field("activation_bits", Node::integer("Activation bitwidth").atLeast(2).atMost(32).byDefault(8))
             .field("granularity", Node::choice({"tensor", "channel"}, "Scale per tensor or per output channel").byDefault("channel"))
             .field("symmetric", Node::boolean("Symmetric (zero point 0) weights").byDefault(true))
             .field("calibration", Node::choice({"minmax", "percentile", "mse"}, "Range calibration").byDefault("minmax"))
             .field("calibration_batches", Node::integer("Batches used for calibration").atLeast(1).byDefault(8))},
        {"quantize-qat", "Quantization-aware training", "Fake quantization with a straight-through estimator",
         Node::object()
             .field("weight_bits", Node::integer("Weight bitwidth").atLeast(2).atMost(32).byDefault(8))
             .field("activation_bits", Node::integer("Activation bitwidth").atLeast(2).atMost(32).byDefault(8))
             .field("epochs", Node::integer("Fine-tuning epochs").atLeast(1).byDefault(2))},
        {"mixed-precision", "Mixed-precision search", "Per-layer weight and activation bitwidths searched under a storage budget (HAQ setting, survey IV)",
         Node::object()
             .field("weight_bits", Node::array(Node::integer().atLeast(2).atMost(32), "Allowed weight bitwidths").minItems(1).byDefault(Json::array({2, 3, 4, 5, 6, 8})))
             .field("activation_bits", Node::array(Node::integer().atLeast(2).atMost(32), "Allowed activation bitwidths").minItems(1).byDefault(Json::array({8})))
             .field("storage_bytes", Node::integer("Storage budget in bytes (0: the storage of uniform 4-bit weights)").atLeast(0).byDefault(0))
             .field("strategy", Node::choice({"annealing", "evolution", "random", "rl"}, "Policy search strategy").byDefault("evolution"))
             .field("evaluations", Node::integer("Policies scored").atLeast(1).byDefault(20))},
        {"distill", "Knowledge distillation", "Teacher → student with temperature T and loss weight (eq. 27)",
         Node::object()
             .field("temperature", Node::number("Softmax temperature T").above(0).byDefault(4.0))
             .field("alpha", Node::number("Weight of the distillation loss").atLeast(0).atMost(1).byDefault(0.7))
             .field("epochs", Node::integer("Distillation epochs").atLeast(1).byDefault(2))},
        {"low-rank", "Low-rank decomposition", "SVD for linear and 1×1 convs, Tucker-2 for k×k convs (eq. 25-26)",
         Node::object()
             .field("rank_selection", Node::choice({"evbmf", "ratio"}, "How ranks are chosen").byDefault("evbmf"))
             .field("ratio", Node::number("Kept rank fraction when rank_selection is ratio").above(0).atMost(1).byDefault(0.5))
             .field("fine_tune_epochs", Node::integer("Fine-tuning epochs after decomposition").atLeast(0).byDefault(1))},
    };
    return methods;
}

const MethodInfo* findMethod(const std::vector<MethodInfo>& catalog, const std::string& name) {
    for (const auto& method : catalog)
        if (method.name == name) return &method;
    return nullptr;
}

std::vector<std::string> methodNames(const std::vector<MethodInfo>& catalog) {
    std::vector<std::string> names;
    for (const auto& method : catalog) names.push_back(method.name);
    return names;
}

bool estimatorMeasuresAccuracy(const std::string& estimator) { return estimator != "analytic"; }

} // namespace edgesmith
