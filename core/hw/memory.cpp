#include "core/hw/memory.h"

#include "core/nn/internal/network_module.h"
#include "core/space/architecture.h"

#include <c10/core/CPUAllocator.h>

#include <atomic>
#include <cstring>
#include <mutex>
#include <unordered_map>

namespace edgesmith {
namespace {

// Forwards to the allocator it replaces and keeps the live and peak byte counts. Data
// and context pointers stay equal, as oneDNN's raw_allocate requires, so block sizes
// live in a side table.
class CountingAllocator final : public c10::Allocator {
public:
    explicit CountingAllocator(c10::Allocator* base) : base_(base) { instance_ = this; }

    // LibTorch 1.13 declares allocate() const, 2.3 and later not: both are defined, and
    // whichever the installed version declares is the override.
    c10::DataPtr allocate(std::size_t bytes) const { return counted(bytes); }
    c10::DataPtr allocate(std::size_t bytes) { return counted(bytes); }
    c10::DeleterFnPtr raw_deleter() const override { return &release; }
    // LibTorch 2.x declares it pure virtual; 1.13 does not have it, hence no `override`.
    void copy_data(void* destination, const void* source, std::size_t count) const { std::memcpy(destination, source, count); }

    std::int64_t peak() const { return peak_; }
    void resetPeak() { peak_ = live_.load(); }
    std::int64_t live() const { return live_; }

private:
    c10::DataPtr counted(std::size_t bytes) const {
        void* data = base_->raw_allocate(bytes);
        {
            std::lock_guard lock(mutex_);
            sizes_[data] = bytes;
        }
        const std::int64_t live = live_ += std::int64_t(bytes);
        std::int64_t peak = peak_.load();
        while (live > peak && !peak_.compare_exchange_weak(peak, live)) {
        }
        return {data, data, &release, c10::Device(c10::DeviceType::CPU)};
    }

    static void release(void* data) {
        CountingAllocator& self = *instance_;
        std::size_t bytes = 0;
        {
            std::lock_guard lock(self.mutex_);
            const auto found = self.sizes_.find(data);
            if (found != self.sizes_.end()) {
                bytes = found->second;
                self.sizes_.erase(found);
            }
        }
        self.live_ -= std::int64_t(bytes);
        self.base_->raw_deallocate(data);
    }

    static inline CountingAllocator* instance_ = nullptr;
    c10::Allocator* base_;
    mutable std::mutex mutex_;
    mutable std::unordered_map<void*, std::size_t> sizes_;
    mutable std::atomic<std::int64_t> live_{0}, peak_{0};
};

} // namespace

MemoryStats measureInferenceMemory(Network& network, int batch) {
    NetworkModuleImpl& module = network.module();
    torch::NoGradGuard guard;
    const bool wasTraining = module.is_training();
    module.eval();
    const auto& in = network.architecture().input;
    module.forward(torch::zeros({batch, in.channels, in.height, in.width})); // warm caches outside the count

    // The counter must outlive every tensor it allocated, so it is never destroyed.
    static CountingAllocator* counter = nullptr;
    c10::Allocator* original = c10::GetCPUAllocator();
    if (!counter) counter = new CountingAllocator(original);
    c10::SetCPUAllocator(counter, /*priority=*/100);
    std::int64_t before = 0, peak = 0;
    {
        before = counter->live();
        counter->resetPeak();
        const torch::Tensor input = torch::zeros({batch, in.channels, in.height, in.width});
        const torch::Tensor output = module.forward(input);
        peak = counter->peak() - before;
    }
    c10::SetCPUAllocator(original, /*priority=*/100);
    module.train(wasTraining);
    MemoryStats stats;
    stats.batch = batch;
    stats.measuredPeakBytes = peak;
    stats.analyticPeakBytes = peakActivationBytes(network.architecture()) * batch;
    return stats;
}

} // namespace edgesmith
