#pragma once
// A weight-sharing supernet over a search space (survey III-C1): one set of weights holds
// every candidate. Each layer of a block owns one tensor per operator at the largest shape
// any genotype asks of it; a subnet reads the first N output and input channels (elastic
// width and expansion, eq. 19), the centre k×k of the largest kernel (single-path
// superkernel, eq. 18) and skips the blocks its depth drops. Candidates are then scored
// with inherited weights after their batch norms are recalibrated, in seconds instead of
// the minutes training from scratch takes.
#include "core/common/json.h"
#include "core/common/measurement_gate.h"
#include "core/data/dataset.h"
#include "core/nn/network.h"
#include "core/space/space.h"
#include "core/train/trainer.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace edgesmith {

// Which subnets share a layer's weights. By default every subnet holding a layer of one name
// and operator shares them: a smaller kernel is the centre of the largest (eq. 18), fewer
// channels are the first ones (eq. 19). Each switch below keeps apart weights that stand-alone
// networks would learn differently, at the price of more tensors, each trained less often.
struct SupernetSharing {
    // Every kernel option of a layer holds its own weights (single-path one-shot, SPOS),
    // instead of the centre of the largest kernel.
    bool separateKernels = false;
    // A layer that reads its block's input holds weights apart from the same layer reading a
    // tensor made inside the block: an MBConv of expansion 1 has no expansion, so its
    // depthwise convolution reads the block's input, not expanded features.
    bool separateBlockInputs = false;

    bool operator==(const SupernetSharing& other) const {
        return separateKernels == other.separateKernels && separateBlockInputs == other.separateBlockInputs;
    }
    // "separate kernels, separate block inputs"; "elastic" when everything is shared.
    std::string description() const;
};

struct SupernetOptions {
    // uniform: one subnet per batch, uniform over the space (SPOS).
    // fair: FairNAS strict fairness, every option of every decision once per step.
    // sandwich: the largest, the smallest and `randomSubnets` random subnets per batch,
    //           the others distilled from the largest in place (BigNAS / OFA).
    // progressive: once-for-all progressive shrinking: the largest network first, then
    //              elastic kernel, then depth, then width and everything else, with
    //              in-place distillation from the largest.
    std::string sampling = "uniform";
    int epochs = 6;
    int batchSize = 128;
    std::string optimizer = "adamw"; // sgd, adamw
    double learningRate = 0.002;
    double momentum = 0.9;
    double weightDecay = 5e-4;
    double subset = 1.0;    // fraction of the training split
    int randomSubnets = 2;  // sandwich and progressive
    // progressive: the share of the steps in each phase before the last one opens every
    // decision (the largest alone, then with the elastic kernel, then with depth); the
    // rest of the steps go to that last phase. Quarters by default.
    double largestShare = 0.25, kernelShare = 0.25, depthShare = 0.25;
    // Read by whoever builds the Supernet (it fixes the tensors): the estimator, bench_ranking.
    SupernetSharing sharing;
    double temperature = 1.0;
    double gradientClip = 5.0;
    std::uint64_t seed = 0;
    // Few-shot NAS (Zhao et al., 2021): decision index → option index, held in every subnet
    // the training runs. A copy of a trained supernet, trained on with one decision pinned,
    // becomes the sub-supernet of that option's part of the space, where the decision's
    // options no longer share (and fight over) the same weights.
    std::map<std::size_t, int> pinned;
    int threads = 0;
    std::string device = "cpu"; // "cuda": the shared weights move there for training and stay
    int progressEvery = 50;
    MeasurementGate* gate = nullptr;

    // From the supernet estimator's params; missing keys keep the defaults.
    static SupernetOptions fromJson(const Json& params);
    // "uniform sampling, 6 epochs, 100 % of the training split": provenance of a number.
    std::string description() const;
    // A short fine-tune of a subnet from its recalibrated inherited weights: the images,
    // batch size, seed and device the supernet trained with, at half its learning rate (the
    // weights are already near a minimum). Threads, gate and progress are the caller's.
    TrainingOptions finetuning(int epochs) const;
    // The images of `train` the supernet trains on (its `subset`, drawn with its seed), and
    // the rest, which it never sees: one rule for the training and for scoring on unseen images.
    Dataset trainingImages(const Dataset& train) const;
    Dataset unseenImages(const Dataset& train) const;
};

struct SupernetProgress {
    int epoch = 0, epochs = 0;
    std::int64_t batch = 0, batches = 0;
    double loss = 0;        // running over the epoch, of the first subnet of each step
    std::string phase;      // progressive shrinking: "largest", "kernel", "depth", "all"
    double etaSeconds = 0;
    bool epochEnd = false;
};

struct SupernetTensor {
    std::string key;                 // "stages[1].blocks[0].depthwise|mbconv|conv.weight"
    std::vector<std::int64_t> shape; // the largest shape, which every subnet slices
};

// Differentiable search over the supernet (FBNet / GDAS style, survey eq. 11, 22, 23): one
// vector of architecture logits α per decision. Each weight step trains the subnet drawn by
// Gumbel-max from α; each architecture step, on a part of the training split held back from
// the weights (bi-level, eq. 11), draws a subnet the same way and multiplies the output of
// the layer each decision controls by a straight-through gate (one in value, the relaxed
// softmax((α + g) / τ) of the drawn option in gradient), so the loss reaches α through the
// drawn path alone and memory stays that of one subnet. The temperature τ anneals
// exponentially. With a cost the loss is CE · w · (log E[cost])^β (eq. 23), E[cost] under
// softmax(α) over analytic costs (MACs, params or peak activation memory, in thousands),
// its gradient by the score function over 32 genotypes drawn per step: exact for any
// space, where a per-option lookup table would assume that options' costs add up.
struct DifferentiableOptions {
    int epochs = 6;
    int warmupEpochs = 1;             // weights only, subnets drawn uniformly, before α moves
    int batchSize = 128;
    double learningRate = 0.002;      // weights (AdamW, cosine)
    double weightDecay = 5e-4;
    double architectureLearningRate = 0.01; // α (Adam)
    double initialTemperature = 5.0, finalTemperature = 0.5;
    double architectureFraction = 0.2; // of the training split, held back for the α steps
    double subset = 1.0;
    // How the α step relaxes the discrete choice:
    //   gumbel    — one subnet drawn by Gumbel-max, straight-through gates (FBNet / GDAS);
    //   darts     — every option of one decision, the outputs mixed by softmax(α) (eq. 11);
    //   proxyless — two options of one decision drawn from softmax(α), mixed by their
    //               renormalised weights (ProxylessNAS path binarisation: two subnets).
    // darts and proxyless take the decisions in turn, the others drawn from α.
    std::string relaxation = "gumbel";
    std::string cost = "macs";        // macs, params, peak_activation_bytes, latency_ms, or none
    // latency_ms: the latency of a drawn architecture (a lookup table, a predictor or the
    // simulator: it is called 32 times per step, so never a measurement). It runs while
    // this search holds a batch of `gate`, so it must not take `gate` itself.
    std::function<double(const Architecture&)> latencyModel;
    double costWeight = 0.2, costExponent = 0.6; // w and β of eq. 23
    std::uint64_t seed = 0;
    int threads = 0;
    MeasurementGate* gate = nullptr;
};

// Reported at the end of every epoch.
struct DifferentiableProgress {
    int epoch = 0, epochs = 0;
    std::int64_t batch = 0, batches = 0;
    double loss = 0, temperature = 0, expectedCost = 0;
    bool epochEnd = false;
};

struct DifferentiableResult {
    Genotype derived; // the most probable option of every decision
    // softmax(α) of every decision at the end of every epoch: [epoch][decision][option]
    std::vector<std::vector<std::vector<double>>> probabilities;
    std::vector<double> expectedCost; // per epoch, in the cost's units, over 512 draws from α
    double seconds = 0;
    // {"derived", "decisions": [{path, options, probabilities: [[per epoch]...]}], "expected_cost", "cost"}
    Json toJson(const SearchSpace& space, const std::string& cost) const;
};

class Supernet {
public:
    // Weights seeded for reproducibility, initialised like stand-alone networks.
    explicit Supernet(const SearchSpace& space, std::uint64_t seed = 0, const SupernetSharing& sharing = {});
    ~Supernet();
    Supernet(Supernet&&) noexcept;
    Supernet& operator=(Supernet&&) noexcept;

    const SearchSpace& space() const;
    std::int64_t parameterCount() const;
    std::vector<SupernetTensor> tensors() const;
    // The shared tensors a subnet reads, with the part it reads; their element counts sum
    // to the subnet's own parameter count.
    std::vector<SupernetTensor> slicesOf(const Genotype& genotype) const;

    // The genotype with the most and the fewest parameters (numeric options at their
    // ends, the other decisions chosen one at a time).
    const Genotype& largest() const;
    const Genotype& smallest() const;

    // Throws Cancelled when `cancel` is set; the weights keep what was learnt so far.
    void train(const Splits& splits, const SupernetOptions& options, const std::function<void(const SupernetProgress&)>& onProgress = {},
               const std::atomic<bool>* cancel = nullptr);

    // Back to freshly initialised weights (a training that failed half-way is not to be
    // continued as if it had not).
    void reinitialise(std::uint64_t seed);

    // Another supernet holding copies of these weights (on their device): the start of a
    // few-shot copy that trains on with a decision pinned.
    Supernet copy() const;

    // A stand-alone network of the genotype holding copies of its inherited weights; its
    // batch norms still need recalibrateBatchNorm() (the statistics are per subnet).
    Network extract(const Genotype& genotype) const;
    // extract() on the supernet's device with its batch norms recalibrated on
    // `recalibrationBatches` batches of the training split: the starting point of scoring
    // and of a short fine-tune alike (a fine-tune from the supernet's shared statistics
    // would still carry part of them when it is validated).
    Network recalibrated(const Genotype& genotype, const Splits& splits, int recalibrationBatches = 20) const;
    // Inherited-weight accuracy on the validation split (its first `validationSamples`
    // when positive) after recalibrating batch norm on `recalibrationBatches` batches of
    // the training split.
    Evaluation evaluate(const Genotype& genotype, const Splits& splits, int recalibrationBatches = 20, std::int64_t validationSamples = 0) const;

    // Differentiable search; the shared weights are trained on the way. Throws Cancelled.
    DifferentiableResult searchDifferentiable(const Splits& splits, const DifferentiableOptions& options,
                                              const std::function<void(const DifferentiableProgress&)>& onProgress = {},
                                              const std::atomic<bool>* cancel = nullptr);

    // Adds `delta` to one element of a shared tensor: how tests see what subnets share.
    void addToWeight(const std::string& key, const std::vector<std::int64_t>& index, double delta);
    // One shared tensor's values, flattened: how tests see what a training touched.
    std::vector<float> weightValues(const std::string& key) const;

    // A LibTorch archive (written atomically) that also records the space's shape
    // signature; load() throws Error when the file holds another supernet's tensors and
    // IoError when it cannot be read.
    void save(const std::filesystem::path& file) const;
    void load(const std::filesystem::path& file);

private:
    struct State;
    explicit Supernet(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

} // namespace edgesmith
