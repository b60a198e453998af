// slurm-script: the sbatch script that runs a project's search on a Slurm cluster with the
// MPI executor, written to a file (and submitted with --submit).
#include "app/cli/command_line.h"

#include "core/common/atomic_file.h"
#include "core/engine/slurm_script.h"
#include "core/project/project.h"

#include <array>
#include <map>
#include <cstdio>
#include <filesystem>
#include <sys/stat.h>
#include <sys/wait.h>

namespace edgesmith::cli {
namespace {

std::filesystem::path thisProgram() {
    std::error_code error;
    const auto path = std::filesystem::read_symlink("/proc/self/exe", error);
    return error ? std::filesystem::path("edgesmith-cli") : path;
}

// Runs `sbatch --parsable FILE`; returns the job id or throws with what sbatch said.
std::string submit(const std::filesystem::path& script) {
    const std::string command = "sbatch --parsable '" + script.string() + "' 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) throw Error(script.string(), "", "cannot start sbatch");
    std::string output;
    std::array<char, 256> buffer{};
    while (fgets(buffer.data(), static_cast<int>(buffer.size()), pipe)) output += buffer.data();
    const int status = pclose(pipe);
    while (!output.empty() && (output.back() == '\n' || output.back() == '\r')) output.pop_back();
    if (status != 0 || output.empty())
        throw Error(script.string(), "", "sbatch refused the script" + (output.empty() ? std::string() : ": " + output));
    return output.substr(0, output.find(';')); // --parsable: "JOBID[;CLUSTER]"
}

int run(const Arguments& arguments, Streams& streams) {
    if (arguments.positionals().size() != 1) throw UsageError("name one project file");
    const Project project = Project::load(arguments.positionals().front()); // a broken project fails here, not on the cluster
    SlurmJob job;
    job.project = project.file();
    job.program = arguments.value("program").value_or(thisProgram().string());
    job.database = arguments.value("db").value_or("");
    job.logDirectory = arguments.value("logs").value_or("");
    job.jobName = arguments.value("name").value_or("");
    job.nodes = static_cast<int>(arguments.integer("nodes", 1, 1, 100000));
    job.ranksPerNode = static_cast<int>(arguments.integer("ranks-per-node", 0, 1, 4096));
    job.cpusPerRank = static_cast<int>(arguments.integer("cpus-per-rank", 1, 1, 4096));
    job.gpusPerNode = static_cast<int>(arguments.integer("gpus-per-node", 0, 0, 64));
    job.time = arguments.value("time").value_or(job.time);
    job.partition = arguments.value("partition").value_or("");
    job.launcher = arguments.value("launcher").value_or(job.launcher);
    job.mpiPlugin = arguments.value("mpi").value_or(job.mpiPlugin);
    job.budget = arguments.integer("budget", 0, 1, 100000000);
    job.requeueWarningSeconds = static_cast<int>(arguments.integer("requeue-warning", 120, 0, 65535));
    job.overcommit = arguments.flag("overcommit");
    std::string script;
    try {
        script = slurmScript(job);
    } catch (const Error& error) {
        static const std::map<std::string, std::string> options = {
            {"ranks_per_node", "ranks-per-node"}, {"cpus_per_rank", "cpus-per-rank"}, {"gpus_per_node", "gpus-per-node"}, {"requeue_warning_seconds", "requeue-warning"}};
        const auto option = options.find(error.path());
        throw UsageError("--" + (option == options.end() ? error.path() : option->second) + ": " + error.message());
    }
    const auto out = arguments.value("out");
    if (!out) {
        if (arguments.flag("submit")) throw UsageError("--submit needs --out FILE: sbatch reads the script from a file");
        streams.out << script;
        return kExitOk;
    }
    writeFileAtomically(*out, script);
    chmod(out->c_str(), 0755);
    if (!arguments.flag("json")) streams.out << "wrote " << *out << " (" << slurmRanks(job) << " ranks on " << job.nodes << " node" << (job.nodes == 1 ? "" : "s") << ")\n";
    std::string jobId;
    if (arguments.flag("submit")) {
        jobId = submit(std::filesystem::absolute(*out));
        const std::filesystem::path database = job.database.empty() ? project.databasePath() : job.database;
        if (!arguments.flag("json")) streams.out << "submitted job " << jobId << "; follow it with: edgesmith-cli runs --db " << database.string() << '\n';
    }
    if (arguments.flag("json")) {
        Json line = {{"script", *out}, {"ranks", slurmRanks(job)}, {"nodes", job.nodes}};
        if (!jobId.empty()) line["job"] = jobId;
        streams.out << line.dump() << '\n';
    }
    return kExitOk;
}

} // namespace

Verb slurmScriptVerb() {
    return {"slurm-script",
            "write (and submit) the sbatch script that runs the project's search on a Slurm cluster",
            "slurm-script PROJECT [--nodes N] [--ranks-per-node R] [--cpus-per-rank C] [--gpus-per-node G] [--time T]\n"
            "       [--partition P] [--launcher srun|mpirun] [--mpi PLUGIN] [--budget N] [--db FILE] [--logs DIR] [--overcommit]\n"
            "       [--out FILE [--submit]] [--json]",
            "Writes an sbatch script that starts N×R evaluating ranks plus rank 0 (the strategy and\n"
            "the database, on the first node) with the MPI executor. The job is requeueable and runs\n"
            "'search --continue': after a node failure, scontrol requeue, or its own requeue shortly\n"
            "before the time limit, it continues the same run from the database, losing only the\n"
            "evaluations in flight. With GPUs, each evaluating rank takes the GPU of its place on the\n"
            "node. Keep the database on the first node's local disk or a file system with working\n"
            "locks (docs/cluster.md).",
            {{"nodes", "N", "nodes (default 1)"},
             {"ranks-per-node", "R", "evaluating ranks per node (default: one per GPU, else 2)"},
             {"cpus-per-rank", "C", "cores per rank, its training threads (default 1)"},
             {"gpus-per-node", "G", "GPUs per node (default 0)"},
             {"time", "T", "Slurm time limit, e.g. 04:00:00 (default) or 1-00:00:00"},
             {"partition", "P", "partition (default: the cluster's)"},
             {"launcher", "L", "srun (default, with --mpi) or mpirun"},
             {"mpi", "PLUGIN", "srun's MPI plugin (default pmix)"},
             {"budget", "N", "search --budget N"},
             {"db", "FILE", "experiment database (default: the project's)"},
             {"logs", "DIR", "where the job's log goes (default: beside the project)"},
             {"name", "NAME", "job name (default edgesmith-PROJECT)"},
             {"program", "FILE", "the edgesmith-cli the nodes run (default: this one)"},
             {"requeue-warning", "S", "requeue itself S seconds before the time limit (default 120; 0: never)"},
             {"overcommit", "", "let rank 0 share the evaluating ranks' cores (Slurm --overcommit)"},
             {"out", "FILE", "write the script here (default: stdout)"},
             {"submit", "", "submit it with sbatch and print the job id"},
             {"json", "", "one JSON line: script, ranks, job"}},
            run};
}

} // namespace edgesmith::cli
