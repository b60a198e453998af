#include "core/engine/runtime.h"

#include <atomic>

#include <dlfcn.h>
#include <malloc.h>
#include <fstream>
#include <thread>

namespace edgesmith {
namespace {

int hardwareThreadCount() {
    const unsigned count = std::thread::hardware_concurrency();
    return count == 0 ? 1 : static_cast<int>(count);
}

// Debian's LibTorch calls whichever libblas.so.3 the alternatives system points at;
// reading our own memory map names it without linking any BLAS ourselves.
std::string loadedBlas() {
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line)) {
        const auto slash = line.rfind('/');
        if (slash == std::string::npos) continue;
        const std::string path = line.substr(line.find('/'));
        if (path.find("openblas") != std::string::npos) return "OpenBLAS (" + path + ")";
        if (path.find("libblis") != std::string::npos) return "BLIS (" + path + ")";
        if (path.find("/blas/libblas") != std::string::npos) return "reference BLAS (" + path + ")";
    }
    return "unknown";
}

// Training frees and reallocates the same activation-sized blocks every batch. glibc
// hands blocks over 128 KiB (mmap) back to the kernel at once, so each batch paid page faults
// to get them again; keeping them in the heap removes that system time.
void keepFreedMemory() {
    static const bool done = [] {
        // Activations of a 128-image batch reach tens of MB, above the largest mmap
        // threshold glibc accepts (32 MiB), so mmap is switched off altogether.
        mallopt(M_MMAP_MAX, 0);
        mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);
        return true;
    }();
    (void)done;
}

} // namespace

RuntimeInfo runtimeInfo() {
    RuntimeInfo info;
    info.torchVersion = TORCH_VERSION;
    info.intraOpThreads = at::get_num_threads();
    info.hardwareThreads = hardwareThreadCount();
    info.cudaAvailable = torch::cuda::is_available();
    info.cudaDevices = info.cudaAvailable ? static_cast<int>(torch::cuda::device_count()) : 0;
    info.blas = loadedBlas();
    return info;
}

int setComputeThreads(int threads) {
    // Subnormal floats (tiny gradients, Adam moments) run tens of times slower on x86;
    // flushing them to zero changes no result that training can notice.
    at::globalContext().setFlushDenormal(true);
    keepFreedMemory();
    at::set_num_threads(threads <= 0 ? hardwareThreadCount() : threads);
    return at::get_num_threads();
}

namespace {
std::atomic<int> cudaIndex{0};
}

void setCudaDeviceIndex(int index) { cudaIndex = std::max(0, index); }
int cudaDeviceIndex() { return cudaIndex; }

} // namespace edgesmith
