#include "app/gui/cluster_follow.h"

#include <algorithm>

namespace edgesmith::gui {

ClusterFollow::ClusterFollow(QString job, const std::filesystem::path& projectFile, const std::vector<RunInfo>& runs)
    : job_(std::move(job)), projectFile_(std::filesystem::absolute(projectFile).lexically_normal().string()) {
    for (const RunInfo& run : runs) {
        newest_ = std::max(newest_, run.id);
        if (!isSearchOfProject(run) || run.status == RunStatus::Finished || run.status == RunStatus::Failed) continue;
        if (run.id > continued_) {
            continued_ = run.id;
            continuedUpdatedAt_ = run.updatedAt;
        }
    }
}

bool ClusterFollow::isSearchOfProject(const RunInfo& run) const {
    if (!run.settings.is_object() || run.settings.contains("compression")) return false;
    return std::filesystem::path(run.settings.value("project_file", std::string())).lexically_normal().string() == projectFile_;
}

std::int64_t ClusterFollow::runOf(const std::vector<RunInfo>& runs) const {
    if (continued_ > 0) return continued_;
    std::int64_t found = 0;
    for (const RunInfo& run : runs)
        if (run.id > newest_ && isSearchOfProject(run) && (found == 0 || run.id < found)) found = run.id;
    return found;
}

bool ClusterFollow::ended(const RunInfo& run) const {
    if (run.status != RunStatus::Finished && run.status != RunStatus::Failed && run.status != RunStatus::Cancelled) return false;
    return run.id != continued_ || run.updatedAt != continuedUpdatedAt_;
}

} // namespace edgesmith::gui
