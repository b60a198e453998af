#pragma once
// Which run of the project's database a submitted Slurm job writes, and when it has ended.
// The job's search runs with --continue: it carries on the project's latest unfinished run
// when there is one (as `edgesmith-cli search --continue` picks it), else starts a new one.
#include "core/store/store.h"

#include <QString>

#include <filesystem>
#include <vector>

namespace edgesmith::gui {

class ClusterFollow {
public:
    // `runs`: the database's runs when the job was submitted.
    ClusterFollow(QString job, const std::filesystem::path& projectFile, const std::vector<RunInfo>& runs);

    const QString& job() const { return job_; }
    // The job's run among `runs` as read now; 0 while the job has not started one.
    std::int64_t runOf(const std::vector<RunInfo>& runs) const;
    // Whether the job's run has finished, failed or been cancelled since the job took it
    // on: a continued run may have been cancelled before, which is not this job's end.
    bool ended(const RunInfo& run) const;

    bool shown = false; // the window has turned to the run once; later the user may look elsewhere

private:
    bool isSearchOfProject(const RunInfo& run) const;

    QString job_;
    std::string projectFile_;        // absolute, normalised: how the engine records it
    std::int64_t continued_ = 0;     // the unfinished run --continue picks; 0: none, a new run
    std::string continuedUpdatedAt_; // that run's last write before the job
    std::int64_t newest_ = 0;        // runs above this id started after the submission
};

} // namespace edgesmith::gui
