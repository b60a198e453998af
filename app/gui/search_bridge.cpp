#include "app/gui/search_bridge.h"

#include "core/engine/compression_job.h"
#include "core/engine/export_job.h"
#include "core/engine/search_engine.h"
#include "core/project/project.h"

#include <QMetaObject>
#include <QPointer>

#include <thread>

namespace edgesmith::gui {
namespace {

// A job's lines as Log events of the engine's feedback (the Log tab shows them).
std::function<void(const std::string&)> logLines(Feedback& feedback) {
    return [&feedback](const std::string& line) {
        EngineEvent event;
        event.kind = EngineEventKind::Log;
        event.text = line;
        if (feedback.onEvent) feedback.onEvent(event);
    };
}

} // namespace

struct SearchBridge::Worker {
    Feedback feedback;
    std::thread thread;
};

SearchBridge::SearchBridge(QObject* parent) : QObject(parent) {}

SearchBridge::~SearchBridge() {
    if (!worker_) return;
    worker_->feedback.cancel = true;
    worker_->feedback.pause = false;
    if (worker_->thread.joinable()) worker_->thread.join();
}

bool SearchBridge::start(const Json& document, const QString& projectFile, qint64 budget, int workers, double timeLimitSeconds) {
    const std::string file = projectFile.toStdString();
    return launch([document, file, budget, workers, timeLimitSeconds](Feedback& feedback, QString& status, QString& message, qint64&) {
        const Project project = Project::fromDocument(document, file);
        SearchSettings settings;
        settings.budget = budget;
        settings.workers = workers;
        settings.timeLimitSeconds = timeLimitSeconds;
        settings.executor = "local"; // the window is one process; clusters run from Run on Cluster…
        const RunResult result = startSearch(project, settings, feedback);
        status = QString::fromStdString(toString(result.status));
        message = QString::fromStdString(result.message);
    });
}

bool SearchBridge::resumeRun(const QString& database, qint64 run, qint64 budget) {
    const std::string file = database.toStdString();
    return launch([file, run, budget](Feedback& feedback, QString& status, QString& message, qint64&) {
        SearchSettings overrides;
        overrides.budget = budget;
        overrides.executor = "local"; // a run first started on MPI ranks continues here
        const RunResult result = resumeSearch(file, run, overrides, feedback);
        status = QString::fromStdString(toString(result.status));
        message = QString::fromStdString(result.message);
    });
}

bool SearchBridge::compress(const Json& document, const QString& projectFile, const Json& job) {
    const std::string file = projectFile.toStdString();
    return launch([document, file, job](Feedback& feedback, QString& status, QString& message, qint64& run) {
        const Project project = Project::fromDocument(document, file);
        const auto log = logLines(feedback);
        try {
            run = runCompressionJob(project, CompressionJob::fromJson(job), log, &feedback.cancel);
            status = QStringLiteral("finished");
            message = QStringLiteral("compression run %1").arg(run);
        } catch (const Cancelled&) {
            status = QStringLiteral("cancelled");
            message = QStringLiteral("compression cancelled; the candidates scored so far are in the store");
        }
    });
}

bool SearchBridge::exportCandidate(const Json& document, const QString& projectFile, const Json& job) {
    const std::string file = projectFile.toStdString();
    return launch([document, file, job](Feedback& feedback, QString& status, QString& message, qint64&) {
        const Project project = Project::fromDocument(document, file);
        const auto log = logLines(feedback);
        try {
            const ExportResult result = runExportJob(project, ExportJob::fromJson(job), log, &feedback.cancel);
            for (const std::string& line : result.summary) log(line);
            QStringList files;
            for (const auto& written : result.files) files << QString::fromStdString(written.string());
            status = QStringLiteral("finished");
            message = QStringLiteral("wrote %1").arg(files.join(QStringLiteral(" and ")));
        } catch (const Cancelled&) {
            status = QStringLiteral("cancelled");
            message = QStringLiteral("export cancelled; nothing was written");
        }
    });
}

bool SearchBridge::launch(Job job) {
    if (running_) return false;
    if (worker_ && worker_->thread.joinable()) worker_->thread.join();
    worker_ = std::make_unique<Worker>();
    running_ = true;
    QPointer<SearchBridge> self(this);
    // Queued into the GUI thread; `self` guards against a bridge destroyed meanwhile.
    const auto post = [self](auto function) {
        QMetaObject::invokeMethod(self.data(), [self, function] {
            if (self) function(*self);
        }, Qt::QueuedConnection);
    };
    worker_->feedback.onEvent = [post](const EngineEvent& event) {
        switch (event.kind) {
        case EngineEventKind::RunStarted: {
            const qint64 run = event.run;
            post([run](SearchBridge& bridge) { Q_EMIT bridge.started(run, QString()); });
            break;
        }
        case EngineEventKind::CandidateEvaluated: {
            Json record = event.candidate.toJson();
            record.erase("details");
            const QByteArray bytes = QByteArray::fromStdString(record.dump());
            post([bytes](SearchBridge& bridge) { Q_EMIT bridge.candidateEvaluated(bytes); });
            break;
        }
        case EngineEventKind::FrontChanged: {
            QStringList keys;
            for (const auto& key : event.front) keys << QString::fromStdString(key);
            post([keys](SearchBridge& bridge) { Q_EMIT bridge.frontChanged(keys); });
            break;
        }
        case EngineEventKind::Progress: {
            const qint64 evaluated = event.evaluated, planned = event.planned;
            const double eta = event.etaSeconds;
            post([=](SearchBridge& bridge) { Q_EMIT bridge.progress(evaluated, planned, eta); });
            break;
        }
        case EngineEventKind::Log: {
            const QString text = QString::fromStdString(event.text);
            post([text](SearchBridge& bridge) { Q_EMIT bridge.logLine(text); });
            break;
        }
        case EngineEventKind::TaskProgress: {
            const QString task = QString::fromStdString(event.text);
            const double fraction = event.fraction, eta = event.etaSeconds;
            post([=](SearchBridge& bridge) { Q_EMIT bridge.taskProgress(task, fraction, eta); });
            break;
        }
        case EngineEventKind::RunFinished:
            break; // reported once the thread's result is known, below
        }
    };
    Feedback* feedback = &worker_->feedback;
    worker_->thread = std::thread([job = std::move(job), feedback, post] {
        QString status, message;
        qint64 run = 0;
        try {
            job(*feedback, status, message, run);
        } catch (const std::exception& error) {
            status = QStringLiteral("failed");
            message = QString::fromUtf8(error.what());
        }
        post([status, message, run](SearchBridge& bridge) {
            bridge.running_ = false;
            Q_EMIT bridge.finished(status, message);
            if (run > 0) Q_EMIT bridge.compressionRecorded(run);
        });
    });
    return true;
}

void SearchBridge::pause() {
    if (worker_) worker_->feedback.pause = true;
}

void SearchBridge::resume() {
    if (worker_) worker_->feedback.pause = false;
}

void SearchBridge::cancel() {
    if (worker_) worker_->feedback.cancel = true;
}

bool SearchBridge::paused() const { return worker_ && worker_->feedback.pause; }

} // namespace edgesmith::gui
