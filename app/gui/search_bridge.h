#pragma once
// Runs the search engine (or a compression, or an export) on a worker thread and turns its events into
// Qt signals, delivered on the GUI thread. The window never touches the engine directly.
#include "core/common/json.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace edgesmith {
struct Feedback;
}

namespace edgesmith::gui {

class SearchBridge : public QObject {
    Q_OBJECT
public:
    explicit SearchBridge(QObject* parent = nullptr);
    ~SearchBridge() override; // cancels a running search and waits for it

    // Starts a search of the project `document` saved at `projectFile`, with an
    // evaluation budget (0: the strategy's own), parallel workers (0: automatic) and a
    // time limit in seconds (0: none). False when one is already running.
    bool start(const Json& document, const QString& projectFile, qint64 budget = 0, int workers = 0, double timeLimitSeconds = 0);
    // Continues a stopped run of `database` from its committed candidates; `budget` 0
    // keeps the run's own.
    bool resumeRun(const QString& database, qint64 run, qint64 budget = 0);
    // Compresses one architecture as `job` (CompressionJob::toJson()) says, recorded as a
    // run of the project's store; compressionRecorded() names it at the end.
    bool compress(const Json& document, const QString& projectFile, const Json& job);
    // Exports a candidate as `job` (ExportJob::toJson()) says; finished() carries the files
    // written ("wrote A and B") or why not.
    bool exportCandidate(const Json& document, const QString& projectFile, const Json& job);
    void pause();
    void resume();
    void cancel();
    bool running() const { return running_; }
    bool paused() const;

Q_SIGNALS:
    void started(qint64 run, const QString& database);
    // `record`: the candidate as Candidate::toJson() writes it, without the details.
    void candidateEvaluated(const QByteArray& record);
    void frontChanged(const QStringList& keys);
    void progress(qint64 evaluated, qint64 planned, double etaSeconds);
    void logLine(const QString& text);
    // Long work inside one evaluation (a supernet's training): fraction in [0, 1], seconds
    // left or -1.
    void taskProgress(const QString& task, double fraction, double etaSeconds);
    void finished(const QString& status, const QString& message);
    void compressionRecorded(qint64 run);

private:
    // `run`: set by jobs whose run is known only at the end (compressions).
    using Job = std::function<void(Feedback&, QString& status, QString& message, qint64& run)>;
    bool launch(Job job);

    struct Worker;
    std::unique_ptr<Worker> worker_;
    bool running_ = false;
};

} // namespace edgesmith::gui
