#pragma once
#include <string>

namespace edgesmith {

// What the compute runtime (LibTorch) offers on this machine.
struct RuntimeInfo {
    std::string torchVersion;
    int intraOpThreads = 1;
    int hardwareThreads = 1;
    bool cudaAvailable = false;
    int cudaDevices = 0;
    std::string blas; // the BLAS LibTorch's matrix products end up in, when it can be told
};

RuntimeInfo runtimeInfo();

// Intra-op threads for LibTorch. Debian's LibTorch starts with one thread; EdgeSmith
// uses every core unless the user or the project asks otherwise. `threads <= 0` means
// all hardware threads. Returns the count now in force.
int setComputeThreads(int threads);

// The CUDA device that "cuda" means in this process (default 0). An MPI rank picks its
// own from its rank on the node, so ranks sharing a node share out its GPUs.
void setCudaDeviceIndex(int index);
int cudaDeviceIndex();

} // namespace edgesmith
