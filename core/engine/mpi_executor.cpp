#include "core/engine/mpi_executor.h"

#include "core/common/error.h"
#include "core/engine/executor.h"
#include "core/engine/runtime.h"
#include "core/estimate/evaluator.h"

#include <mpi.h>

#include <atomic>
#include <cmath>
#include <condition_variable>
#include <cstdlib>
#include <map>
#include <mutex>
#include <ostream>
#include <set>
#include <thread>
#include <vector>

namespace edgesmith::mpi {
namespace {

// Rank 0 → worker: Setup (project), Job, Cancel, End (the run is over: back to waiting),
// Stop (leave). Worker → rank 0: Ready (or the reason it cannot evaluate), Result, Log,
// Task, Ended (answer to End: nothing more will come from this run).
enum Tag : int { Setup = 101, Job, Cancel, End, Stop, Ready, Result, Log, Task, Ended };

struct Message {
    int source = 0;
    int tag = 0;
    std::string body;
};

World world;
bool started = false, finished = false, workersStopped = false;

void send(int destination, int tag, const std::string& body) {
    // MPI_Send does not write the buffer; older MPI headers lack the const.
    MPI_Send(const_cast<char*>(body.data()), static_cast<int>(body.size()), MPI_CHAR, destination, tag, MPI_COMM_WORLD);
}

std::optional<Message> poll(int source) {
    int flag = 0;
    MPI_Status status;
    MPI_Iprobe(source, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &status);
    if (!flag) return std::nullopt;
    int count = 0;
    MPI_Get_count(&status, MPI_CHAR, &count);
    Message message{status.MPI_SOURCE, status.MPI_TAG, std::string(static_cast<std::size_t>(count), '\0')};
    MPI_Recv(message.body.data(), count, MPI_CHAR, status.MPI_SOURCE, status.MPI_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    return message;
}

// Text that is not valid UTF-8 (a failure message quoting a file name, say) is replaced,
// never thrown on: a worker must always be able to answer.
std::string text(const Json& json) { return json.dump(-1, ' ', false, Json::error_handler_t::replace); }

// Waiting by probing and sleeping: a blocking MPI receive spins a core, and on a small
// machine the waiting ranks would steal it from the ranks that train. Right after a
// message the next one often follows within microseconds (the steps of a large message's
// hand-over, a quick evaluation's result), so a few probes only yield the core; then short
// sleeps while messages are flowing, and longer ones once it is quiet.
class Backoff {
public:
    void reset() { idle_ = 0; }
    void sleep() {
        ++idle_;
        if (idle_ < 64) std::this_thread::yield();
        else std::this_thread::sleep_for(std::chrono::microseconds(idle_ < 400 ? 50 : 1000));
    }

private:
    int idle_ = 0;
};

Message waitFor(int source) {
    Backoff backoff;
    while (true) {
        if (auto message = poll(source)) return *message;
        backoff.sleep();
    }
}

// Cores for each evaluating rank of this node, unless Slurm says how many a task has.
int threadsPerRank(bool nodeHostsRankZero) {
    if (const char* cpus = std::getenv("SLURM_CPUS_PER_TASK"); cpus && std::atoi(cpus) > 0) return std::atoi(cpus);
    const int workersHere = std::max(1, world.localSize - (nodeHostsRankZero ? 1 : 0));
    return std::max(1, static_cast<int>(std::thread::hardware_concurrency()) / workersHere);
}

bool hostsRankZero = false;

// One run's worth of evaluation on a worker rank.
class WorkerSession {
public:
    explicit WorkerSession(const Json& setup) {
        evaluator_ = std::make_unique<Evaluator>(setup.at("project"), setup.at("project_file").get<std::string>());
        threads_ = threadsPerRank(hostsRankZero);
        setComputeThreads(threads_);
        const RuntimeInfo runtime = runtimeInfo();
        if (runtime.cudaDevices > 0) {
            const int workerIndex = hostsRankZero ? world.localRank - 1 : world.localRank;
            setCudaDeviceIndex(std::max(0, workerIndex) % runtime.cudaDevices);
            device_ = "cuda:" + std::to_string(cudaDeviceIndex());
        }
    }

    Json ready() const { return {{"host", world.host}, {"threads", threads_}, {"device", device_}}; }

    // Returns the tag that ended the session (End or Stop).
    int serve() {
        Backoff backoff;
        while (true) {
            auto message = poll(0);
            if (!message) {
                backoff.sleep();
                continue;
            }
            backoff.reset();
            if (message->tag == End || message->tag == Stop) return message->tag;
            if (message->tag != Job) continue; // a Cancel that crossed the result it was meant for
            const EvaluationJob job = EvaluationJob::fromJson(Json::parse(message->body));
            try {
                if (const int ended = evaluate(job)) return ended;
            } catch (const std::exception& error) {
                // Whatever went wrong around the evaluation, rank 0 gets an answer and the
                // search goes on; a rank that never answered would hold the run forever.
                send(0, Result, text({{"job", job.toJson()}, {"candidate", candidateMessage(failedCandidate(job, error.what()))}}));
            }
        }
    }

private:
    // Evaluates on a thread of its own so that this one keeps listening for Cancel and
    // forwards the evaluation's log lines. Returns End or Stop when one came meanwhile
    // (rank 0 then wants no result), else 0.
    int evaluate(const EvaluationJob& job) {
        std::atomic<bool> cancel{false};
        bool done = false; // under `mutex`
        std::mutex mutex;
        std::condition_variable changed; // the evaluation ended or has lines to forward
        std::vector<std::pair<int, std::string>> outgoing;
        std::optional<Candidate> candidate;
        std::thread evaluation([&] {
            try {
                EvaluationControl control;
                control.cancel = &cancel;
                control.threads = threads_;
                control.gate = &gate_;
                control.log = [&](const std::string& line) {
                    std::lock_guard lock(mutex);
                    outgoing.emplace_back(Log, line);
                    changed.notify_one();
                };
                control.taskProgress = [&](const std::string& task, double fraction, double eta) {
                    std::lock_guard lock(mutex);
                    outgoing.emplace_back(Task, text({{"task", task}, {"fraction", fraction}, {"eta", eta}}));
                    changed.notify_one();
                };
                candidate = evaluator_->evaluate(job.genotype, control);
            } catch (const Cancelled&) {
            } catch (const std::exception& error) {
                candidate = failedCandidate(job, error.what());
            }
            std::lock_guard lock(mutex);
            done = true;
            changed.notify_one();
        });
        int ended = 0;
        const auto forward = [&] {
            std::vector<std::pair<int, std::string>> lines;
            {
                std::lock_guard lock(mutex);
                lines.swap(outgoing);
            }
            if (!ended)
                for (const auto& [tag, body] : lines) send(0, tag, body);
        };
        // Woken at once when the evaluation ends (a short evaluation then costs no wait);
        // otherwise rank 0's messages are looked at every millisecond.
        while (true) {
            {
                std::unique_lock lock(mutex);
                changed.wait_for(lock, std::chrono::milliseconds(1), [&] { return done || !outgoing.empty(); });
                if (done) break;
            }
            while (auto message = poll(0)) {
                if (message->tag == Cancel) cancel = true;
                if (message->tag == End || message->tag == Stop) {
                    cancel = true;
                    ended = message->tag;
                }
            }
            forward();
        }
        evaluation.join();
        forward();
        if (ended) return ended;
        Json result = {{"job", job.toJson()}, {"candidate", nullptr}};
        if (candidate) result["candidate"] = candidateMessage(*candidate);
        send(0, Result, text(result));
        return 0;
    }

    std::unique_ptr<Evaluator> evaluator_;
    int threads_ = 1;
    std::string device_ = "cpu";
    MeasurementGate gate_;
};

class MpiExecutor final : public Executor {
public:
    explicit MpiExecutor(const ExecutorContext& context) : log_(context.log), taskProgress_(context.taskProgress) {
        if (!started) throw Error("", "execution.executor", "MPI was not started in this process; the MPI executor runs in edgesmith-cli search --executor mpi");
        if (world.size < 2)
            throw Error("", "execution.executor",
                        "the MPI executor needs at least 2 ranks (rank 0 runs the search, the others evaluate); launch it with "
                        "mpirun -np 3 edgesmith-cli search ... or srun -n 3 ...");
        prepareShared(context);
        const Json setup = {{"project", *context.project}, {"project_file", std::filesystem::absolute(context.projectFile).string()}};
        const std::string body = text(setup);
        for (int rank = 1; rank < world.size; ++rank) send(rank, Setup, body);
        std::string problems;
        std::set<std::string> hosts{world.host};
        int threads = 0;
        for (int answered = 0; answered < world.size - 1;) {
            const Message message = waitFor(MPI_ANY_SOURCE);
            if (message.tag != Ready) continue; // leftovers of an earlier run
            ++answered;
            const Json ready = Json::parse(message.body);
            if (ready.contains("error")) {
                problems += (problems.empty() ? "" : "; ") + std::string("rank ") + std::to_string(message.source) + " on " +
                            ready.value("host", "?") + ": " + ready.at("error").get<std::string>();
                continue;
            }
            hosts.insert(ready.value("host", "?"));
            threads = std::max(threads, ready.value("threads", 1));
            devices_.insert(ready.value("device", "cpu"));
        }
        if (!problems.empty()) {
            endSession();
            throw Error("", "execution", "a rank cannot evaluate: " + problems);
        }
        for (int rank = 1; rank < world.size; ++rank) free_.insert(rank);
        description_ = "MPI: " + std::to_string(world.size - 1) + " evaluating rank" + (world.size == 2 ? "" : "s") + " on " +
                       std::to_string(hosts.size()) + " node" + (hosts.size() == 1 ? "" : "s") + ", " + std::to_string(threads) + " thread" +
                       (threads == 1 ? "" : "s") + " each";
        if (devices_.size() > 1 || !devices_.count("cpu")) description_ += ", GPUs shared out by rank";
    }
    ~MpiExecutor() override { endSession(); }

    int slots() const override { return world.size - 1; }
    std::string describe() const override { return description_; }

    void submit(const EvaluationJob& job) override {
        if (free_.empty()) throw Error("", "execution", "a job was submitted while every rank is busy");
        const int rank = *free_.begin();
        free_.erase(free_.begin());
        busy_[rank] = job;
        send(rank, Job, job.toJson().dump());
    }

    std::optional<EvaluationOutcome> next(std::chrono::milliseconds wait) override {
        const auto deadline = std::chrono::steady_clock::now() + wait;
        Backoff backoff;
        while (true) {
            if (auto message = poll(MPI_ANY_SOURCE)) {
                backoff.reset();
                if (auto outcome = take(*message)) return outcome;
            } else {
                backoff.sleep();
            }
            // Checked after every message too: a stream of log lines must not keep the loop
            // from its cancel, time limit and pause checks.
            if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
        }
    }

    void cancelRunning() override {
        for (const auto& [rank, job] : busy_)
            if (cancelled_.insert(rank).second) send(rank, Cancel, "");
    }

private:
    // What every rank would otherwise build for itself, at once and on shared cores (a
    // supernet, a latency table or predictor), rank 0 builds first with all the node's
    // cores and keeps beside the project; the ranks then load it.
    void prepareShared(const ExecutorContext& context) {
        EvaluationControl control;
        control.cancel = context.cancel;
        control.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
        control.gate = &gate_;
        control.log = log_;
        control.taskProgress = taskProgress_;
        context.evaluator->prepare(control);
    }

    std::optional<EvaluationOutcome> take(const Message& message) {
        if (message.tag == Log) {
            if (log_) log_("rank " + std::to_string(message.source) + ": " + message.body);
        } else if (message.tag == Task) {
            const Json task = Json::parse(message.body);
            if (taskProgress_) taskProgress_(task.value("task", ""), task.value("fraction", 0.0), task.value("eta", -1.0));
        } else if (message.tag == Result) {
            const Json result = Json::parse(message.body);
            EvaluationOutcome outcome{EvaluationJob::fromJson(result.at("job")), std::nullopt};
            if (!result.at("candidate").is_null()) {
                outcome.candidate = candidateFromMessage(result.at("candidate"));
                outcome.candidate->genotype = outcome.job.genotype;
            }
            busy_.erase(message.source);
            cancelled_.erase(message.source);
            free_.insert(message.source);
            return outcome;
        }
        return std::nullopt;
    }

    // Every worker answers End once, after dropping what it was doing; until then its
    // results are read and dropped, so that none stays blocked sending one.
    void endSession() {
        for (int rank = 1; rank < world.size; ++rank) send(rank, End, "");
        for (int ended = 0; ended < world.size - 1;)
            if (waitFor(MPI_ANY_SOURCE).tag == Ended) ++ended;
        busy_.clear();
    }

    std::function<void(const std::string&)> log_;
    std::function<void(const std::string&, double, double)> taskProgress_;
    std::set<int> free_, cancelled_;
    std::map<int, EvaluationJob> busy_;
    std::set<std::string> devices_;
    std::string description_;
    MeasurementGate gate_;
};

} // namespace

World initialise() {
    if (started) return world;
    int already = 0;
    MPI_Initialized(&already);
    if (!already) {
        int provided = 0;
        // Only the thread that started MPI calls it; evaluations run on other threads.
        MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
        if (provided < MPI_THREAD_FUNNELED) {
            // Evaluations run on threads of their own beside the one that calls MPI.
            MPI_Finalize();
            throw Error("", "execution.executor", "this MPI library cannot be used from a threaded program (MPI_THREAD_FUNNELED not provided)");
        }
    }
    started = true;
    MPI_Comm_rank(MPI_COMM_WORLD, &world.rank);
    MPI_Comm_size(MPI_COMM_WORLD, &world.size);
    MPI_Comm node;
    MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, world.rank, MPI_INFO_NULL, &node);
    MPI_Comm_rank(node, &world.localRank);
    MPI_Comm_size(node, &world.localSize);
    int lowest = 0;
    MPI_Allreduce(&world.rank, &lowest, 1, MPI_INT, MPI_MIN, node);
    hostsRankZero = lowest == 0;
    MPI_Comm_free(&node);
    char name[MPI_MAX_PROCESSOR_NAME] = {};
    int length = 0;
    MPI_Get_processor_name(name, &length);
    world.host.assign(name, static_cast<std::size_t>(length));
    return world;
}

bool initialised() { return started && !finished; }

void finalise() {
    if (!started || finished) return;
    if (world.rank == 0 && !workersStopped) {
        for (int rank = 1; rank < world.size; ++rank) send(rank, Stop, "");
        workersStopped = true;
    }
    finished = true;
    MPI_Finalize();
}

int serveEvaluations(std::ostream& errors) {
    if (!started || world.rank == 0) return 0;
    while (true) {
        const Message message = waitFor(0);
        if (message.tag == Stop) return 0;
        if (message.tag == End) {
            send(0, Ended, "");
            continue;
        }
        if (message.tag != Setup) continue;
        std::unique_ptr<WorkerSession> session;
        try {
            session = std::make_unique<WorkerSession>(Json::parse(message.body));
        } catch (const Error& error) {
            const std::string text = (error.file().empty() ? "" : error.file() + ": ") + (error.path().empty() ? "" : error.path() + ": ") + error.message();
            errors << "edgesmith-cli (rank " << world.rank << "): " << text << '\n';
            send(0, Ready, Json{{"host", world.host}, {"error", text}}.dump());
            continue;
        } catch (const std::exception& error) {
            errors << "edgesmith-cli (rank " << world.rank << "): " << error.what() << '\n';
            send(0, Ready, Json{{"host", world.host}, {"error", error.what()}}.dump());
            continue;
        }
        send(0, Ready, session->ready().dump());
        const int ended = session->serve();
        if (ended == Stop) return 0;
        send(0, Ended, "");
    }
}

void registerMpiExecutor() {
    registerExecutor("mpi", [](const ExecutorContext& context) { return std::make_unique<MpiExecutor>(context); });
}

} // namespace edgesmith::mpi
