#pragma once
// The sbatch script that runs a project's search on a Slurm allocation with the MPI
// executor. The job is requeueable and its search command is `--continue`, so a requeued
// job (node failure, scontrol requeue, the time limit's own requeue) carries on the same
// run from the database instead of starting over.
#include <cstdint>
#include <filesystem>
#include <string>

namespace edgesmith {

struct SlurmJob {
    std::filesystem::path project;      // the project file
    std::filesystem::path program;      // edgesmith-cli
    std::filesystem::path database;     // empty: the project's own
    std::filesystem::path logDirectory; // empty: beside the project
    std::string jobName;                // empty: edgesmith-<project file stem>
    int nodes = 1;
    int ranksPerNode = 0;               // evaluating ranks; 0: one per GPU, else 2
    int cpusPerRank = 1;
    int gpusPerNode = 0;
    std::string time = "04:00:00";      // Slurm's [D-]HH:MM:SS, MM:SS or minutes
    std::string partition;              // empty: the cluster's default
    std::string launcher = "srun";      // srun (with --mpi=pmix) or mpirun
    std::string mpiPlugin = "pmix";     // srun --mpi=...
    std::int64_t budget = 0;            // search --budget; 0: the strategy's own
    int requeueWarningSeconds = 120;    // the job requeues itself this long before its time limit; 0: never
    // Rank 0 mostly waits for results: let the ranks share the allocation's cores instead of
    // asking for one more than the evaluating ranks use (Slurm's --overcommit).
    bool overcommit = false;
};

// Throws Error naming the field ("nodes", "time", ...) when a setting is out of range.
std::string slurmScript(const SlurmJob& job);

// Ranks the script starts: every node's evaluating ranks plus rank 0, which runs the
// strategy and the database on the first node.
int slurmRanks(const SlurmJob& job);

} // namespace edgesmith
