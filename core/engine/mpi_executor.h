#pragma once
// The MPI executor (DESIGN.md, the MPI seam): rank 0 runs the strategy and is the only
// writer of the store; ranks 1..N-1 each build the run's Evaluator from the project the
// executor sends them and evaluate one candidate at a time. Messages are the JSON job and
// candidate record of the in-process executor. Rank 0 hands a job to a rank as soon as it
// is free. Built only with MPI (libopenmpi-dev); neither MPI nor torch appear here.
#include <iosfwd>
#include <string>

namespace edgesmith::mpi {

struct World {
    int rank = 0, size = 1;
    int localRank = 0, localSize = 1; // among the ranks of this node
    std::string host;
};

// Starts MPI once for this process (later calls return the same world). Launched
// without mpirun or srun, MPI starts a world of one rank.
World initialise();
bool initialised();
// Rank 0 first releases the workers still waiting for work; then MPI ends. Idempotent.
void finalise();

// Ranks 1..N-1: evaluate the jobs rank 0 sends until it says stop. Returns an exit code;
// a fatal problem of this rank is written to `errors` and also sent to rank 0.
int serveEvaluations(std::ostream& errors);

// Adds "mpi" to the executors of core/engine/executor.h (call on rank 0 after initialise()).
void registerMpiExecutor();

} // namespace edgesmith::mpi
