#pragma once
// Running the programs of the cluster tests (edgesmith-cli, mpirun, sbatch, squeue, ...)
// and making sure that nothing they started outlives a test.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <csignal>
#include <sys/types.h>

namespace edgesmith::testing {

struct ProcessResult {
    int exitCode;
    QString out;
    QString err;
};

// SIGKILL to the children of `pid` (mpirun's ranks: OpenMPI gives each a process group of
// its own, so a group kill would miss them) and then to `pid`: what a dead node does.
inline void killWithChildren(qint64 pid) {
    QDir proc(QStringLiteral("/proc"));
    for (const QString& entry : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool number = false;
        const qint64 child = entry.toLongLong(&number);
        if (!number) continue;
        QFile stat(proc.filePath(entry + "/stat"));
        if (!stat.open(QIODevice::ReadOnly)) continue;
        const QString text = QString::fromUtf8(stat.readAll());
        const QStringList fields = text.mid(text.lastIndexOf(')') + 2).split(' '); // after "pid (name) "
        if (fields.size() > 1 && fields[1].toLongLong() == pid) ::kill(static_cast<pid_t>(child), SIGKILL);
    }
    ::kill(static_cast<pid_t>(pid), SIGKILL);
}

// Runs `program` in `folder`; on a timeout it is killed with its children, exit code -1.
inline ProcessResult runProcess(const QString& program, const QStringList& arguments, const QString& folder, int timeoutMs,
                                const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment()) {
    QProcess process;
    process.setWorkingDirectory(folder);
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForFinished(timeoutMs)) {
        killWithChildren(process.processId());
        process.waitForFinished();
        return {-1, QString::fromUtf8(process.readAllStandardOutput()), QStringLiteral("timed out")};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace edgesmith::testing
