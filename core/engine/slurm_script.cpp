#include "core/engine/slurm_script.h"

#include "core/common/error.h"

#include <regex>
#include <sstream>
#include <vector>

namespace edgesmith {
namespace {

// Single quotes keep a path with spaces or $ in one word.
std::string quoted(const std::string& text) {
    std::string out = "'";
    for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string absoluteText(const std::filesystem::path& path) { return std::filesystem::absolute(path).lexically_normal().string(); }

// Slurm's time formats: minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM, D-HH:MM:SS.
long long timeLimitSeconds(const std::string& time) {
    long long days = 0;
    std::string rest = time;
    const auto dash = time.find('-');
    if (dash != std::string::npos) {
        days = std::stoll(time.substr(0, dash));
        rest = time.substr(dash + 1);
    }
    std::vector<long long> parts;
    std::stringstream fields(rest);
    for (std::string field; std::getline(fields, field, ':');) parts.push_back(std::stoll(field));
    if (dash != std::string::npos) {
        parts.resize(3, 0); // hours[:minutes[:seconds]]
        return ((days * 24 + parts[0]) * 60 + parts[1]) * 60 + parts[2];
    }
    if (parts.size() == 1) return parts[0] * 60;
    if (parts.size() == 2) return parts[0] * 60 + parts[1];
    return (parts[0] * 60 + parts[1]) * 60 + parts[2];
}

void check(const SlurmJob& job) {
    if (job.project.empty()) throw Error("", "project", "name the project file the job searches");
    if (job.program.empty()) throw Error("", "program", "name the edgesmith-cli the job runs");
    if (job.nodes < 1 || job.nodes > 100000) throw Error("", "nodes", "must be between 1 and 100000, got " + std::to_string(job.nodes));
    if (job.ranksPerNode < 0 || job.ranksPerNode > 4096) throw Error("", "ranks_per_node", "must be between 0 (automatic) and 4096");
    if (job.cpusPerRank < 1 || job.cpusPerRank > 4096) throw Error("", "cpus_per_rank", "must be between 1 and 4096");
    if (job.gpusPerNode < 0 || job.gpusPerNode > 64) throw Error("", "gpus_per_node", "must be between 0 and 64");
    static const std::regex time(R"(^(\d+-)?\d{1,2}(:\d{2}){0,2}$|^\d+$)");
    if (!std::regex_match(job.time, time))
        throw Error("", "time", "\"" + job.time + "\" is not a Slurm time limit; write HH:MM:SS, D-HH:MM:SS or minutes");
    if (job.launcher != "srun" && job.launcher != "mpirun") throw Error("", "launcher", "use srun or mpirun, got \"" + job.launcher + "\"");
    static const std::regex word(R"(^[A-Za-z0-9_.,-]*$)");
    if (!std::regex_match(job.jobName, word)) throw Error("", "name", "\"" + job.jobName + "\" is not a job name: letters, digits, _ . , - only");
    if (!std::regex_match(job.partition, word)) throw Error("", "partition", "\"" + job.partition + "\" is not a partition name");
    if (!std::regex_match(job.mpiPlugin, word) || job.mpiPlugin.empty()) throw Error("", "mpi", "\"" + job.mpiPlugin + "\" is not an srun MPI plugin");
    if (job.budget < 0) throw Error("", "budget", "must be 0 (the strategy's own) or more");
    if (job.requeueWarningSeconds < 0 || job.requeueWarningSeconds > 65535)
        throw Error("", "requeue_warning_seconds", "must be between 0 (never) and 65535, Slurm's limit for --signal");
    const long long limit = timeLimitSeconds(job.time);
    if (job.requeueWarningSeconds > 0 && limit > 0 && job.requeueWarningSeconds >= limit)
        throw Error("", "requeue_warning_seconds",
                    std::to_string(job.requeueWarningSeconds) + " s is not shorter than the time limit of " + std::to_string(limit) +
                        " s: the job would requeue itself as soon as it starts; lower it or raise the time limit");
}

int evaluatingRanksPerNode(const SlurmJob& job) {
    if (job.ranksPerNode > 0) return job.ranksPerNode;
    return job.gpusPerNode > 0 ? job.gpusPerNode : 2;
}

} // namespace

int slurmRanks(const SlurmJob& job) { return job.nodes * evaluatingRanksPerNode(job) + 1; }

std::string slurmScript(const SlurmJob& job) {
    check(job);
    const std::filesystem::path project = absoluteText(job.project);
    const std::string name = job.jobName.empty() ? "edgesmith-" + project.stem().stem().string() : job.jobName;
    const std::filesystem::path logs = job.logDirectory.empty() ? project.parent_path() : std::filesystem::path(absoluteText(job.logDirectory));
    const int ranks = slurmRanks(job);

    std::ostringstream out;
    out << "#!/bin/bash\n"
        << "# Written by edgesmith-cli slurm-script for " << project.string() << ".\n"
        << "# Rank 0 runs the strategy and is the only writer of the database; ranks 1.." << ranks - 1 << " evaluate.\n"
        << "# Submit with: sbatch THIS-FILE. The job may be requeued (node failure, scontrol requeue,\n"
        << "# its own requeue before the time limit): it then continues the same run (--continue).\n"
        << "#SBATCH --job-name=" << name << '\n'
        << "#SBATCH --nodes=" << job.nodes << '\n'
        << "#SBATCH --ntasks=" << ranks << '\n'
        << "#SBATCH --cpus-per-task=" << job.cpusPerRank << '\n';
    if (job.gpusPerNode > 0) out << "#SBATCH --gpus-per-node=" << job.gpusPerNode << '\n';
    out << "#SBATCH --time=" << job.time << '\n';
    if (!job.partition.empty()) out << "#SBATCH --partition=" << job.partition << '\n';
    if (job.overcommit) out << "#SBATCH --overcommit\n";
    out << "#SBATCH --requeue\n"
        << "#SBATCH --open-mode=append\n"
        << "#SBATCH --output=" << (logs / (name + "-%j.log")).string() << '\n';
    if (job.requeueWarningSeconds > 0) out << "#SBATCH --signal=B:USR1@" << job.requeueWarningSeconds << '\n';
    out << "\nset -uo pipefail\n"
        << "echo \"edgesmith: job ${SLURM_JOB_ID} (restart ${SLURM_RESTART_COUNT:-0}) on ${SLURM_JOB_NODELIST} at $(date -u +%FT%TZ)\"\n";
    if (job.requeueWarningSeconds > 0)
        out << "# Near the time limit the job puts itself back in the queue; the search, told to stop\n"
            << "# by the SIGTERM that follows, keeps every finished candidate and the next start resumes.\n"
            << "requeue() { echo \"edgesmith: time limit near, requeueing job ${SLURM_JOB_ID}\"; scontrol requeue \"${SLURM_JOB_ID}\"; }\n"
            << "trap requeue USR1\n";

    std::ostringstream command;
    // --kill-on-bad-exit: a rank that dies ends the step, so no rank waits on a dead rank 0.
    if (job.launcher == "srun") command << "srun --kill-on-bad-exit=1" << (job.overcommit ? " --overcommit" : "") << " --mpi=" << job.mpiPlugin << " --ntasks=" << ranks << " --cpus-per-task=" << job.cpusPerRank;
    else command << "mpirun -np " << ranks << " --bind-to none";
    // A bare name is looked up on the nodes' PATH; a path is made absolute here.
    const std::string program = job.program.has_parent_path() ? absoluteText(job.program) : job.program.string();
    command << ' ' << quoted(program) << " search " << quoted(project.string()) << " --executor mpi --continue";
    if (!job.database.empty()) command << " --db " << quoted(absoluteText(job.database));
    if (job.budget > 0) command << " --budget " << job.budget;

    // Waiting in the background lets bash run the USR1 trap while the search runs.
    out << command.str() << " &\n"
        << "search=$!\n"
        << "wait \"$search\"\n"
        << "status=$?\n"
        << "# A trap interrupts wait; wait again for the search's own exit status.\n"
        << "while kill -0 \"$search\" 2>/dev/null; do wait \"$search\"; status=$?; done\n"
        << "exit \"$status\"\n";
    return out.str();
}

} // namespace edgesmith
