#pragma once
// Keeps timings honest while other workers train: a latency measurement waits for the
// batches in progress to end and holds new ones back until it is done. Measurements
// take precedence (a reader-preferring lock would let two overlapping trainings starve
// a measurement forever).
#include <condition_variable>
#include <mutex>

namespace edgesmith {

class MeasurementGate {
public:
    void enterBatch() {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return waiting_ == 0 && !measuring_; });
        ++batches_;
    }
    void leaveBatch() {
        std::lock_guard lock(mutex_);
        --batches_;
        changed_.notify_all();
    }
    void beginMeasurement() {
        std::unique_lock lock(mutex_);
        ++waiting_;
        changed_.wait(lock, [&] { return batches_ == 0 && !measuring_; });
        --waiting_;
        measuring_ = true;
    }
    void endMeasurement() {
        std::lock_guard lock(mutex_);
        measuring_ = false;
        changed_.notify_all();
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    int batches_ = 0, waiting_ = 0;
    bool measuring_ = false;
};

// Scoped forms; a null gate means "no other workers".
class BatchPass {
public:
    explicit BatchPass(MeasurementGate* gate) : gate_(gate) { if (gate_) gate_->enterBatch(); }
    ~BatchPass() { if (gate_) gate_->leaveBatch(); }
    BatchPass(const BatchPass&) = delete;
    BatchPass& operator=(const BatchPass&) = delete;

private:
    MeasurementGate* gate_;
};

class MeasurementPass {
public:
    explicit MeasurementPass(MeasurementGate* gate) : gate_(gate) { if (gate_) gate_->beginMeasurement(); }
    ~MeasurementPass() { if (gate_) gate_->endMeasurement(); }
    MeasurementPass(const MeasurementPass&) = delete;
    MeasurementPass& operator=(const MeasurementPass&) = delete;

private:
    MeasurementGate* gate_;
};

} // namespace edgesmith
