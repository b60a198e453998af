#include "core/engine/local_executor.h"

#include "core/estimate/evaluator.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace edgesmith {
namespace {

// Jobs are queued only when a worker is free (the loop keeps to slots()), so the queue
// never grows past the pool.
class LocalExecutor final : public Executor {
public:
    explicit LocalExecutor(const ExecutorContext& context)
        : evaluator_(*context.evaluator), log_(context.log), taskProgress_(context.taskProgress) {
        workers_ = context.workers > 0 ? context.workers : automaticWorkerCount(evaluator_);
        threads_ = std::max(1, static_cast<int>(std::thread::hardware_concurrency()) / workers_);
        for (int index = 0; index < workers_; ++index) pool_.emplace_back([this] { work(); });
    }
    ~LocalExecutor() override {
        {
            std::lock_guard lock(mutex_);
            closing_ = true;
        }
        cancel_ = true;
        jobsChanged_.notify_all();
        for (auto& thread : pool_) thread.join();
    }

    int slots() const override { return workers_; }
    std::string describe() const override {
        return std::to_string(workers_) + " worker" + (workers_ == 1 ? "" : "s") + " × " + std::to_string(threads_) + " thread" + (threads_ == 1 ? "" : "s");
    }
    void submit(const EvaluationJob& job) override {
        {
            std::lock_guard lock(mutex_);
            jobs_.push_back(job);
        }
        jobsChanged_.notify_one();
    }
    std::optional<EvaluationOutcome> next(std::chrono::milliseconds wait) override {
        std::unique_lock lock(mutex_);
        outcomesChanged_.wait_for(lock, wait, [&] { return !outcomes_.empty(); });
        if (outcomes_.empty()) return std::nullopt;
        EvaluationOutcome outcome = std::move(outcomes_.front());
        outcomes_.pop_front();
        return outcome;
    }
    void cancelRunning() override { cancel_ = true; }

private:
    void work() {
        while (true) {
            EvaluationJob job;
            {
                std::unique_lock lock(mutex_);
                jobsChanged_.wait(lock, [&] { return closing_ || !jobs_.empty(); });
                if (closing_) return;
                job = std::move(jobs_.front());
                jobs_.pop_front();
            }
            EvaluationOutcome outcome{job, std::nullopt};
            try {
                EvaluationControl control;
                control.cancel = &cancel_;
                control.threads = threads_;
                control.sharedThreads = workers_ * threads_;
                control.gate = &gate_;
                control.log = log_;
                control.taskProgress = taskProgress_;
                outcome.candidate = evaluator_.evaluate(job.genotype, control);
            } catch (const Cancelled&) {
            } catch (const std::exception& error) {
                outcome.candidate = failedCandidate(job, error.what());
            }
            {
                std::lock_guard lock(mutex_);
                outcomes_.push_back(std::move(outcome));
            }
            outcomesChanged_.notify_all();
        }
    }

    const Evaluator& evaluator_;
    int workers_ = 1, threads_ = 1;
    std::function<void(const std::string&)> log_;
    std::function<void(const std::string&, double, double)> taskProgress_;
    std::atomic<bool> cancel_{false};
    MeasurementGate gate_;
    std::mutex mutex_;
    std::condition_variable jobsChanged_, outcomesChanged_;
    std::deque<EvaluationJob> jobs_;
    std::deque<EvaluationOutcome> outcomes_;
    bool closing_ = false;
    std::vector<std::thread> pool_;
};

} // namespace

std::unique_ptr<Executor> makeLocalExecutor(const ExecutorContext& context) { return std::make_unique<LocalExecutor>(context); }

} // namespace edgesmith
