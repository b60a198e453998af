#pragma once
// The experiment store: one SQLite file (WAL mode) holding runs, their candidates,
// training curves and events. Every candidate is committed in its own transaction
// together with the run's resumable state, so a run killed at any moment resumes with
// every committed candidate and nothing evaluated twice. Readers (the GUI) may open the
// same file while a run writes.
#include "core/common/error.h"
#include "core/common/json.h"
#include "core/search/candidate.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace edgesmith {

// A database that cannot be used: not SQLite, not EdgeSmith's, written by a newer
// version, or corrupt. Carries the file path; the file is never modified.
class StoreError : public Error {
public:
    using Error::Error;
};

inline constexpr int kStoreSchemaVersion = 1;

enum class RunStatus { Running, Paused, Finished, Cancelled, Failed };
std::string toString(RunStatus status);
RunStatus runStatusFromString(const std::string& text);

struct RunInfo {
    std::int64_t id = 0;
    std::string projectName;
    std::string strategy;
    std::string estimator;
    std::uint64_t seed = 0;
    RunStatus status = RunStatus::Running;
    std::string message;        // why it failed, or empty
    std::string startedAt;      // ISO 8601 UTC
    std::string updatedAt;      // last write
    double seconds = 0;         // evaluation wall time summed so far (survives resumes)
    std::int64_t candidates = 0;
    Json project;               // the project document as it was when the run started
    Json settings;              // engine settings: budget, time limit, workers, ...
};

struct RunEvent {
    std::int64_t id = 0;
    std::int64_t run = 0;
    std::string at;     // ISO 8601 UTC
    std::string level;  // info | warning | error
    std::string text;
};

class Store {
public:
    // Opens (creating when missing) the database at `file`, upgrading older schema
    // versions in place. Throws StoreError for a foreign, corrupt or newer file and
    // IoError when the folder cannot be written.
    static Store open(const std::filesystem::path& file);
    // Opens an existing database without ever writing to it (views, `runs`, `show`).
    // Also throws StoreError for an older schema version, which only open() can upgrade,
    // and IoError for a missing file.
    static Store openReadOnly(const std::filesystem::path& file);

    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store();

    const std::filesystem::path& file() const;
    int schemaVersion() const;

    std::int64_t createRun(const Json& project, const std::string& strategy, const std::string& estimator,
                           std::uint64_t seed, const Json& settings);
    // One transaction: the candidate, its training curve (details["history"]), the run's
    // candidate count and seconds, and `runState` (the strategy state after telling it).
    // Returns the candidate's row id. Any failure throws StoreError with nothing written.
    std::int64_t addCandidate(std::int64_t run, const Candidate& candidate, const Json& runState);
    void setStatus(std::int64_t run, RunStatus status, const std::string& message = "");
    void setSettings(std::int64_t run, const Json& settings);
    void addEvent(std::int64_t run, const std::string& level, const std::string& text);

    std::vector<RunInfo> runs() const;
    RunInfo run(std::int64_t id) const; // throws Error when there is no such run
    // Candidates of `run` in completion order with number > `afterNumber` (for views
    // that poll for new ones).
    std::vector<Candidate> candidates(std::int64_t run, std::int64_t afterNumber = 0) const;
    // One candidate with its details (curves, confusion matrix); none when the run has
    // no candidate with that number.
    std::optional<Candidate> candidate(std::int64_t run, std::int64_t number) const;
    Json runState(std::int64_t run) const; // null before the first candidate
    std::vector<RunEvent> events(std::int64_t run, std::int64_t afterId = 0) const;

private:
    struct Impl;
    explicit Store(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace edgesmith
