#include "core/store/store.h"

#include "core/common/clock.h"

#include <sqlite3.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <iterator>
#include <limits>
#include <stdexcept>
#include <system_error>
#include <utility>

namespace edgesmith {
namespace {

// 'EdgS' in the SQLite header tells any tool that the file is an EdgeSmith store before a
// single table is read. Changing it would orphan every store already written.
constexpr std::int32_t kApplicationId = 0x45646753;
constexpr const char* kApplicationName = "EdgeSmith";
// Longer than any single commit of another connection, so readers and a second writer
// wait instead of failing with SQLITE_BUSY.
constexpr int kBusyTimeoutMs = 5000;
constexpr const char* kEventLevels[] = {"info", "warning", "error"};
// Column order that Store::Impl::readRun expects.
constexpr const char* kRunColumns = "SELECT id, project_name, strategy, estimator, seed, status, message, started_at, "
                                    "updated_at, seconds, candidates, project_json, settings_json FROM runs ";

// A failed SQLite call. Store::Impl::attempt turns it into the error users see, naming the
// file and the action that failed; it never leaves this file.
class SqliteFailure : public std::runtime_error {
public:
    SqliteFailure(int code, const std::string& detail) : std::runtime_error(detail), code_(code) {}
    int code() const { return code_; }

private:
    int code_;
};

std::string damagedMessage(const std::string& detail) {
    return "is damaged (" + detail + "); restore it from a backup, or choose a new file for the store";
}

[[noreturn]] void throwFailure(const std::string& file, const std::string& action, const SqliteFailure& failure) {
    const std::string detail = failure.what();
    switch (failure.code() & 0xff) {
    case SQLITE_NOTADB:
        throw StoreError(file, "", "is not an EdgeSmith store (not an SQLite database); choose a store written by "
                                   "EdgeSmith, or a new file name");
    case SQLITE_CORRUPT: throw StoreError(file, "", damagedMessage(detail));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        throw StoreError(file, "", action + ": another program kept the store locked for more than " +
                                       std::to_string(kBusyTimeoutMs / 1000) + " s; let it finish, then try again");
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_IOERR:
    case SQLITE_FULL:
        throw IoError(file, "", action + ": " + detail +
                                    "; check that the file and its folder can be written and the disk has room");
    default: throw StoreError(file, "", action + ": " + detail);
    }
}

class Connection {
public:
    Connection(const std::filesystem::path& file, bool readOnly) {
        const int flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        const int code = sqlite3_open_v2(file.c_str(), &handle_, flags, nullptr);
        if (code != SQLITE_OK) {
            const std::string detail = handle_ ? sqlite3_errmsg(handle_) : sqlite3_errstr(code);
            sqlite3_close_v2(handle_);
            throw SqliteFailure(code, detail);
        }
        sqlite3_extended_result_codes(handle_, 1);
        sqlite3_busy_timeout(handle_, kBusyTimeoutMs);
        // A checkpoint writes the main file; readers leave that to the writer so that
        // opening any file read-only can never change its bytes.
        if (readOnly) sqlite3_db_config(handle_, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, static_cast<int*>(nullptr));
    }
    ~Connection() { sqlite3_close_v2(handle_); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    sqlite3* handle() const { return handle_; }
    std::int64_t lastInsertId() const { return sqlite3_last_insert_rowid(handle_); }
    int changes() const { return sqlite3_changes(handle_); }

    void execute(const std::string& sql) const {
        char* message = nullptr;
        const int code = sqlite3_exec(handle_, sql.c_str(), nullptr, nullptr, &message);
        if (code == SQLITE_OK) return;
        const std::string detail = message ? message : sqlite3_errstr(code);
        sqlite3_free(message);
        throw SqliteFailure(code, detail);
    }
    [[noreturn]] void fail(int code) const { throw SqliteFailure(code, sqlite3_errmsg(handle_)); }

private:
    sqlite3* handle_ = nullptr;
};

class Statement {
public:
    Statement(const Connection& connection, const char* sql) : connection_(connection) {
        const int code = sqlite3_prepare_v2(connection.handle(), sql, -1, &handle_, nullptr);
        if (code != SQLITE_OK) connection.fail(code);
    }
    ~Statement() { sqlite3_finalize(handle_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bindInteger(int index, std::int64_t value) { return check(sqlite3_bind_int64(handle_, index, value)); }
    Statement& bindReal(int index, double value) { return check(sqlite3_bind_double(handle_, index, value)); }
    Statement& bindNull(int index) { return check(sqlite3_bind_null(handle_, index)); }
    Statement& bindText(int index, const std::string& value) {
        return check(sqlite3_bind_text(handle_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT));
    }

    // True while a row is ready to read.
    bool step() {
        const int code = sqlite3_step(handle_);
        if (code == SQLITE_ROW) return true;
        if (code == SQLITE_DONE) return false;
        connection_.fail(code);
    }
    void run() {
        while (step()) {
        }
    }
    // The step's outcome was already reported by step(); reset only rearms the statement.
    void reset() {
        sqlite3_reset(handle_);
        sqlite3_clear_bindings(handle_);
    }

    std::int64_t integer(int column) const { return sqlite3_column_int64(handle_, column); }
    double real(int column) const { return sqlite3_column_double(handle_, column); }
    bool isNull(int column) const { return sqlite3_column_type(handle_, column) == SQLITE_NULL; }
    std::string text(int column) const {
        const auto* bytes = sqlite3_column_text(handle_, column);
        if (!bytes) return {};
        return {reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(sqlite3_column_bytes(handle_, column))};
    }

private:
    Statement& check(int code) {
        if (code != SQLITE_OK) connection_.fail(code);
        return *this;
    }

    const Connection& connection_;
    sqlite3_stmt* handle_ = nullptr;
};

// Rolls back unless committed, so an exception anywhere inside leaves the file as it was.
class Transaction {
public:
    Transaction(const Connection& connection, const char* begin) : connection_(connection) {
        connection_.execute(begin);
    }
    ~Transaction() {
        // After a disk-full or I/O error SQLite has already rolled back, and a second
        // ROLLBACK would only report that no transaction is active.
        if (!committed_ && !sqlite3_get_autocommit(connection_.handle()))
            sqlite3_exec(connection_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit() {
        connection_.execute("COMMIT");
        committed_ = true;
    }

private:
    const Connection& connection_;
    bool committed_ = false;
};

// --- schema -----------------------------------------------------------------------------

std::string storedVersionText(const Connection& connection, const char* key) {
    Statement query(connection, "SELECT value FROM meta WHERE key = ?");
    query.bindText(1, key);
    return query.step() ? query.text(0) : std::string();
}

void setStoredVersion(const Connection& connection, int version) {
    Statement update(connection, "UPDATE meta SET value = ? WHERE key = 'schema_version'");
    update.bindText(1, std::to_string(version)).run();
}

// Version 0 is a store with an identity and nothing else: every new file starts here and
// reaches the current version through the same migrations as an old file.
void stampVersion0(const Connection& connection) {
    connection.execute("PRAGMA application_id = " + std::to_string(kApplicationId));
    connection.execute("CREATE TABLE meta(key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)");
    Statement insert(connection, "INSERT INTO meta(key, value) VALUES ('application', ?), ('schema_version', '0')");
    insert.bindText(1, kApplicationName).run();
}

void createVersion1(const Connection& connection) {
    connection.execute(R"sql(
        CREATE TABLE runs(
            id INTEGER PRIMARY KEY,
            project_name TEXT NOT NULL,
            strategy TEXT NOT NULL,
            estimator TEXT NOT NULL,
            seed INTEGER NOT NULL,
            status TEXT NOT NULL,
            message TEXT NOT NULL DEFAULT '',
            started_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            seconds REAL NOT NULL DEFAULT 0,
            candidates INTEGER NOT NULL DEFAULT 0,
            project_json TEXT NOT NULL,
            settings_json TEXT NOT NULL,
            state_json TEXT);
        CREATE TABLE candidates(
            id INTEGER PRIMARY KEY,
            run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            genotype TEXT NOT NULL,
            status TEXT NOT NULL,
            message TEXT NOT NULL DEFAULT '',
            generation INTEGER NOT NULL,
            seconds REAL NOT NULL,
            metrics_json TEXT NOT NULL,
            details_json TEXT NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE(run, number));
        CREATE INDEX candidates_by_genotype ON candidates(run, genotype);
        CREATE TABLE curves(
            candidate INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            epoch INTEGER,
            train_loss REAL,
            train_accuracy REAL,
            validation_accuracy REAL,
            learning_rate REAL,
            seconds REAL,
            PRIMARY KEY(candidate, position));
        CREATE TABLE events(
            id INTEGER PRIMARY KEY,
            run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            level TEXT NOT NULL,
            text TEXT NOT NULL);
        CREATE INDEX events_by_run ON events(run, id);
    )sql");
}

// kMigrations[n] upgrades a store from schema version n to n + 1. Schema version 2 is one
// more function above and one more entry here (and kStoreSchemaVersion = 2).
using Migration = void (*)(const Connection&);
constexpr Migration kMigrations[] = {&createVersion1};
static_assert(std::size(kMigrations) == kStoreSchemaVersion, "one migration per schema version");

// --- identity ---------------------------------------------------------------------------

struct Identity {
    bool blank = false; // a new or empty SQLite file that nobody has written tables to
    int version = 0;
};

std::vector<std::string> tableNames(const Connection& connection) {
    Statement query(connection, "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name");
    std::vector<std::string> names;
    while (query.step()) names.push_back(query.text(0));
    return names;
}

std::int64_t applicationId(const Connection& connection) {
    Statement query(connection, "PRAGMA application_id");
    return query.step() ? query.integer(0) : 0;
}

std::string foreignMessage(std::int64_t application, const std::vector<std::string>& tables) {
    char owner[48];
    if (application == 0) std::snprintf(owner, sizeof owner, "no application id");
    else std::snprintf(owner, sizeof owner, "application id 0x%08x", static_cast<std::uint32_t>(application));
    std::string listed;
    constexpr std::size_t kShown = 5;
    for (std::size_t index = 0; index < tables.size() && index < kShown; ++index)
        listed += (index ? ", " : "") + tables[index];
    if (tables.size() > kShown) listed += ", ...";
    return "is an SQLite database of another application (" + std::string(owner) +
           (tables.empty() ? ", no tables" : ", tables: " + listed) +
           "); EdgeSmith leaves it untouched: choose another file for the store";
}

int parseVersion(const std::string& text, const std::string& file) {
    int version = -1;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), version);
    if (error != std::errc() || end != text.data() + text.size() || version < 0)
        throw StoreError(file, "meta.schema_version", damagedMessage("schema version \"" + text + "\" is not a number"));
    return version;
}

int storedVersion(const Connection& connection, const std::string& file, const std::vector<std::string>& tables) {
    if (std::find(tables.begin(), tables.end(), "meta") == tables.end())
        throw StoreError(file, "", damagedMessage("EdgeSmith's application id but no meta table"));
    if (storedVersionText(connection, "application") != kApplicationName)
        throw StoreError(file, "meta.application", damagedMessage("EdgeSmith's application id but another name"));
    const int version = parseVersion(storedVersionText(connection, "schema_version"), file);
    if (version > kStoreSchemaVersion)
        throw StoreError(file, "", "was written by a newer EdgeSmith (store schema version " + std::to_string(version) +
                                       "; this build reads versions up to " + std::to_string(kStoreSchemaVersion) +
                                       "); open it with that EdgeSmith version or a newer one");
    return version;
}

// Throws StoreError for anything that is not an EdgeSmith store this build can read.
Identity identify(const Connection& connection, const std::string& file) {
    const std::int64_t application = applicationId(connection);
    const auto tables = tableNames(connection);
    if (application == 0 && tables.empty()) return {true, 0};
    if (application != kApplicationId) throw StoreError(file, "", foreignMessage(application, tables));
    return {false, storedVersion(connection, file, tables)};
}

void checkIntegrity(const Connection& connection, const std::string& file) {
    Statement check(connection, "PRAGMA quick_check(1)");
    const std::string verdict = check.step() ? check.text(0) : "no integrity verdict";
    if (verdict != "ok") throw StoreError(file, "", damagedMessage(verdict));
}

// --- values -----------------------------------------------------------------------------


// Invalid UTF-8 in a message must not cost the candidate: it is replaced, not thrown.
std::string dumpJson(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

Json parseStored(const std::string& text, const std::string& file, const std::string& where) {
    try {
        return Json::parse(text);
    } catch (const nlohmann::json::exception& error) {
        throw StoreError(file, where, damagedMessage(std::string("not valid JSON: ") + error.what()));
    }
}

// JSON has no NaN or infinity, and a failed estimator legitimately reports NaN.
Json encodeMetrics(const std::map<std::string, double>& metrics) {
    Json values = Json::object();
    for (const auto& [name, value] : metrics) {
        if (std::isfinite(value)) values[name] = value;
        else values[name] = std::isnan(value) ? "nan" : value > 0 ? "inf" : "-inf";
    }
    return values;
}

double decodeMetric(const Json& value, const std::string& file, const std::string& where) {
    if (value.is_number()) return value.get<double>();
    if (value == "nan") return std::numeric_limits<double>::quiet_NaN();
    if (value == "inf") return std::numeric_limits<double>::infinity();
    if (value == "-inf") return -std::numeric_limits<double>::infinity();
    throw StoreError(file, where, damagedMessage("metric value " + dumpJson(value) + " is not a number"));
}

Json decodeMetrics(const std::string& text, const std::string& file, const std::string& where) {
    const Json stored = parseStored(text, file, where);
    if (!stored.is_object()) throw StoreError(file, where, damagedMessage("metrics are not a JSON object"));
    Json values = Json::object();
    for (const auto& [name, value] : stored.items()) values[name] = decodeMetric(value, file, where + "." + name);
    return values;
}

std::string candidateKey(const Candidate& candidate) {
    if (!candidate.key.empty()) return candidate.key;
    std::string key;
    for (std::size_t index = 0; index < candidate.genotype.size(); ++index)
        key += (index ? "-" : "") + std::to_string(candidate.genotype[index]);
    return key.empty() ? "fixed" : key;
}

std::string projectName(const Json& project) {
    if (!project.is_object()) return {};
    const auto found = project.find("name");
    return found != project.end() && found->is_string() ? found->get<std::string>() : std::string();
}

void bindNumber(Statement& statement, int index, const Json& entry, const char* key) {
    const auto found = entry.find(key);
    if (found == entry.end() || !found->is_number()) statement.bindNull(index);
    else if (found->is_number_integer()) statement.bindInteger(index, found->get<std::int64_t>());
    else statement.bindReal(index, found->get<double>());
}

// One row per entry of details["history"], so curves can be queried without parsing JSON.
void insertCurve(const Connection& connection, std::int64_t candidate, const Json& details) {
    const auto history = details.find("history");
    if (history == details.end() || !history->is_array()) return;
    Statement insert(connection, "INSERT INTO curves(candidate, position, epoch, train_loss, train_accuracy, "
                                 "validation_accuracy, learning_rate, seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    constexpr const char* kColumns[] = {"epoch", "train_loss", "train_accuracy", "validation_accuracy",
                                        "learning_rate", "seconds"};
    std::int64_t position = 0;
    for (const auto& entry : *history) {
        if (!entry.is_object()) continue;
        insert.bindInteger(1, candidate).bindInteger(2, position++);
        for (int column = 0; column < static_cast<int>(std::size(kColumns)); ++column)
            bindNumber(insert, column + 3, entry, kColumns[column]);
        insert.run();
        insert.reset();
    }
}

bool hasContent(const std::filesystem::path& file) {
    std::error_code error;
    return std::filesystem::exists(file, error) && std::filesystem::file_size(file, error) > 0 && !error;
}

void requireFolder(const std::filesystem::path& file) {
    const auto folder = file.parent_path();
    if (!folder.empty() && !std::filesystem::is_directory(folder))
        throw IoError(file.string(), "", "folder " + folder.string() +
                                             " does not exist; create it, or choose another location for the store");
    if (std::filesystem::is_directory(file))
        throw IoError(file.string(), "", "is a folder; choose a file name for the store");
}

Error noSuchRun(const std::string& file, std::int64_t run) {
    return Error(file, "", "has no run " + std::to_string(run));
}

} // namespace

std::string toString(RunStatus status) {
    switch (status) {
    case RunStatus::Running: return "running";
    case RunStatus::Paused: return "paused";
    case RunStatus::Finished: return "finished";
    case RunStatus::Cancelled: return "cancelled";
    case RunStatus::Failed: return "failed";
    }
    return "failed";
}

RunStatus runStatusFromString(const std::string& text) {
    for (auto status : {RunStatus::Running, RunStatus::Paused, RunStatus::Finished, RunStatus::Cancelled,
                        RunStatus::Failed})
        if (toString(status) == text) return status;
    throw Error("", "status",
                "unknown run status \"" + text + "\"; expected running, paused, finished, cancelled or failed");
}

// Every SQL operation goes through attempt() (errors named after the action and the file)
// and every change through write() (one BEGIN IMMEDIATE ... COMMIT, rolled back on throw).
struct Store::Impl {
    Impl(const std::filesystem::path& path, bool readOnlyMode)
        : file(path), name(path.string()), readOnly(readOnlyMode), connection(path, readOnlyMode) {}

    std::filesystem::path file;
    std::string name;
    bool readOnly;
    Connection connection;
    int version = 0;

    template <typename Body>
    decltype(auto) attempt(const std::string& action, Body&& body) const {
        try {
            return body();
        } catch (const SqliteFailure& failure) {
            throwFailure(name, action, failure);
        }
    }

    template <typename Body>
    void write(const std::string& action, Body&& body) {
        if (readOnly) throw Error(name, "", "was opened read-only; open it with Store::open to change it");
        attempt(action, [&] {
            Transaction transaction(connection, "BEGIN IMMEDIATE");
            body();
            transaction.commit();
        });
    }

    static std::unique_ptr<Impl> connect(const std::filesystem::path& file, bool readOnly) {
        try {
            return std::make_unique<Impl>(file, readOnly);
        } catch (const SqliteFailure& failure) {
            throwFailure(file.string(), "cannot open the store", failure);
        }
    }

    // Reads only: a file that turns out not to be ours must leave with its bytes unchanged.
    static void validate(const std::filesystem::path& file) {
        const auto reader = connect(file, true);
        reader->attempt("cannot open the store", [&] {
            Transaction read(reader->connection, "BEGIN");
            identify(reader->connection, reader->name);
            checkIntegrity(reader->connection, reader->name);
        });
    }

    void upgrade() {
        attempt("cannot initialise the store", [&] {
            Transaction transaction(connection, "BEGIN IMMEDIATE");
            const Identity identity = identify(connection, name);
            if (identity.blank) stampVersion0(connection);
            for (version = identity.version; version < kStoreSchemaVersion; ++version) migrate(version);
            transaction.commit();
        });
    }

    void migrate(int from) {
        attempt("cannot upgrade the store from schema version " + std::to_string(from) + " to " +
                    std::to_string(from + 1),
                [&] {
                    kMigrations[from](connection);
                    setStoredVersion(connection, from + 1);
                });
    }

    // After the upgrade: switching modes rewrites the header, which a failed upgrade must not.
    void enableWal() {
        attempt("cannot switch the store to WAL journal mode", [&] {
            Statement pragma(connection, "PRAGMA journal_mode = WAL");
            const std::string mode = pragma.step() ? pragma.text(0) : std::string();
            if (mode != "wal")
                throw StoreError(name, "", "cannot use WAL journal mode (got \"" + mode +
                                               "\"); keep the store on a local disk");
        });
    }

    RunInfo readRun(const Statement& row) const {
        RunInfo info;
        info.id = row.integer(0);
        const std::string where = "runs[" + std::to_string(info.id) + "]";
        info.projectName = row.text(1);
        info.strategy = row.text(2);
        info.estimator = row.text(3);
        info.seed = static_cast<std::uint64_t>(row.integer(4));
        try {
            info.status = runStatusFromString(row.text(5));
        } catch (const Error& error) {
            throw StoreError(name, where + ".status", damagedMessage(error.message()));
        }
        info.message = row.text(6);
        info.startedAt = row.text(7);
        info.updatedAt = row.text(8);
        info.seconds = row.real(9);
        info.candidates = row.integer(10);
        info.project = parseStored(row.text(11), name, where + ".project_json");
        info.settings = parseStored(row.text(12), name, where + ".settings_json");
        return info;
    }

    Candidate readCandidate(const Statement& row, std::int64_t run) const {
        const std::string where = "candidates[run " + std::to_string(run) + ", number " +
                                  std::to_string(row.integer(0)) + "]";
        const Json record = {{"number", row.integer(0)},
                             {"genotype", row.text(1)},
                             {"status", row.text(2)},
                             {"message", row.text(3)},
                             {"metrics", decodeMetrics(row.text(6), name, where + ".metrics_json")},
                             {"generation", row.integer(4)},
                             {"seconds", row.real(5)},
                             {"details", parseStored(row.text(7), name, where + ".details_json")}};
        try {
            return Candidate::fromJson(record);
        } catch (const StoreError&) {
            throw;
        } catch (const Error& error) {
            throw StoreError(name, where + "." + error.path(), damagedMessage(error.message()));
        }
    }

    std::int64_t insertCandidate(std::int64_t run, const Candidate& candidate) {
        Statement insert(connection, "INSERT INTO candidates(run, number, genotype, status, message, generation, "
                                     "seconds, metrics_json, details_json, created_at) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insert.bindInteger(1, run)
            .bindInteger(2, candidate.number)
            .bindText(3, candidateKey(candidate))
            .bindText(4, toString(candidate.status))
            .bindText(5, candidate.message)
            .bindInteger(6, candidate.generation)
            .bindReal(7, candidate.seconds)
            .bindText(8, dumpJson(encodeMetrics(candidate.metrics)))
            .bindText(9, dumpJson(candidate.details))
            .bindText(10, utcNow())
            .run();
        const std::int64_t id = connection.lastInsertId();
        insertCurve(connection, id, candidate.details);
        return id;
    }

    void updateRunAfterCandidate(std::int64_t run, const Candidate& candidate, const Json& runState) {
        Statement update(connection, "UPDATE runs SET candidates = candidates + 1, seconds = seconds + ?, "
                                     "updated_at = ?, state_json = ? WHERE id = ?");
        update.bindReal(1, candidate.seconds).bindText(2, utcNow()).bindText(3, dumpJson(runState)).bindInteger(4, run);
        update.run();
        if (connection.changes() == 0) throw noSuchRun(name, run);
    }

    void requireRun(std::int64_t run) const {
        Statement query(connection, "SELECT 1 FROM runs WHERE id = ?");
        query.bindInteger(1, run);
        if (!query.step()) throw noSuchRun(name, run);
    }
};

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::open(const std::filesystem::path& file) {
    requireFolder(file);
    if (hasContent(file)) Impl::validate(file);
    auto impl = Impl::connect(file, false);
    // FULL costs one fsync per candidate, noise next to seconds of evaluation, and keeps
    // committed candidates through a power loss as well as a killed process.
    impl->attempt("cannot configure the store",
                  [&] { impl->connection.execute("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL"); });
    impl->upgrade();
    impl->enableWal();
    return Store(std::move(impl));
}

Store Store::openReadOnly(const std::filesystem::path& file) {
    if (!std::filesystem::exists(file))
        throw IoError(file.string(), "", "does not exist; check the path, or start a run to create the store");
    auto impl = Impl::connect(file, true);
    const std::string& name = impl->name;
    const Identity identity = impl->attempt("cannot open the store", [&] {
        Transaction read(impl->connection, "BEGIN");
        return identify(impl->connection, name);
    });
    if (identity.blank) throw StoreError(name, "", "holds no EdgeSmith store yet; start a run to create one there");
    if (identity.version < kStoreSchemaVersion)
        throw StoreError(name, "", "has store schema version " + std::to_string(identity.version) +
                                       ", older than this EdgeSmith's " + std::to_string(kStoreSchemaVersion) +
                                       "; open it once for writing (start or resume a run) to upgrade it in place");
    impl->version = identity.version;
    return Store(std::move(impl));
}

const std::filesystem::path& Store::file() const { return impl_->file; }

int Store::schemaVersion() const { return impl_->version; }

std::int64_t Store::createRun(const Json& project, const std::string& strategy, const std::string& estimator,
                              std::uint64_t seed, const Json& settings) {
    std::int64_t id = 0;
    impl_->write("cannot create a run", [&] {
        const std::string now = utcNow();
        Statement insert(impl_->connection,
                         "INSERT INTO runs(project_name, strategy, estimator, seed, status, started_at, updated_at, "
                         "project_json, settings_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        // SQLite integers are signed 64-bit; the seed keeps its bits and reads back unchanged.
        insert.bindText(1, projectName(project))
            .bindText(2, strategy)
            .bindText(3, estimator)
            .bindInteger(4, static_cast<std::int64_t>(seed))
            .bindText(5, toString(RunStatus::Running))
            .bindText(6, now)
            .bindText(7, now)
            .bindText(8, dumpJson(project))
            .bindText(9, dumpJson(settings))
            .run();
        id = impl_->connection.lastInsertId();
    });
    return id;
}

std::int64_t Store::addCandidate(std::int64_t run, const Candidate& candidate, const Json& runState) {
    const std::string action =
        "cannot store candidate " + std::to_string(candidate.number) + " of run " + std::to_string(run);
    std::int64_t id = 0;
    try {
        if (candidate.number < 1) throw Error(impl_->name, "", "candidate numbers start at 1");
        impl_->write(action, [&] {
            impl_->updateRunAfterCandidate(run, candidate, runState);
            id = impl_->insertCandidate(run, candidate);
        });
    } catch (const StoreError&) {
        throw;
    } catch (const Error& error) {
        throw StoreError(impl_->name, error.path(), action + ": " + error.message());
    }
    return id;
}

void Store::setStatus(std::int64_t run, RunStatus status, const std::string& message) {
    impl_->write("cannot set the status of run " + std::to_string(run), [&] {
        Statement update(impl_->connection, "UPDATE runs SET status = ?, message = ?, updated_at = ? WHERE id = ?");
        update.bindText(1, toString(status)).bindText(2, message).bindText(3, utcNow()).bindInteger(4, run).run();
        if (impl_->connection.changes() == 0) throw noSuchRun(impl_->name, run);
    });
}

void Store::setSettings(std::int64_t run, const Json& settings) {
    impl_->write("cannot save the settings of run " + std::to_string(run), [&] {
        Statement update(impl_->connection, "UPDATE runs SET settings_json = ?, updated_at = ? WHERE id = ?");
        update.bindText(1, dumpJson(settings)).bindText(2, utcNow()).bindInteger(3, run).run();
        if (impl_->connection.changes() == 0) throw noSuchRun(impl_->name, run);
    });
}

void Store::addEvent(std::int64_t run, const std::string& level, const std::string& text) {
    if (std::find(std::begin(kEventLevels), std::end(kEventLevels), level) == std::end(kEventLevels))
        throw Error(impl_->name, "level", "unknown event level \"" + level + "\"; expected info, warning or error");
    impl_->write("cannot record an event of run " + std::to_string(run), [&] {
        impl_->requireRun(run);
        Statement insert(impl_->connection, "INSERT INTO events(run, at, level, text) VALUES (?, ?, ?, ?)");
        insert.bindInteger(1, run).bindText(2, utcNow()).bindText(3, level).bindText(4, text).run();
    });
}

std::vector<RunInfo> Store::runs() const {
    return impl_->attempt("cannot read the runs", [&] {
        Statement query(impl_->connection, (std::string(kRunColumns) + "ORDER BY id").c_str());
        std::vector<RunInfo> runs;
        while (query.step()) runs.push_back(impl_->readRun(query));
        return runs;
    });
}

RunInfo Store::run(std::int64_t id) const {
    return impl_->attempt("cannot read run " + std::to_string(id), [&] {
        Statement query(impl_->connection, (std::string(kRunColumns) + "WHERE id = ?").c_str());
        query.bindInteger(1, id);
        if (!query.step()) throw noSuchRun(impl_->name, id);
        return impl_->readRun(query);
    });
}

std::vector<Candidate> Store::candidates(std::int64_t run, std::int64_t afterNumber) const {
    return impl_->attempt("cannot read the candidates of run " + std::to_string(run), [&] {
        Statement query(impl_->connection,
                        "SELECT number, genotype, status, message, generation, seconds, metrics_json, details_json "
                        "FROM candidates WHERE run = ? AND number > ? ORDER BY number");
        query.bindInteger(1, run).bindInteger(2, afterNumber);
        std::vector<Candidate> candidates;
        while (query.step()) candidates.push_back(impl_->readCandidate(query, run));
        return candidates;
    });
}

std::optional<Candidate> Store::candidate(std::int64_t run, std::int64_t number) const {
    return impl_->attempt("cannot read candidate " + std::to_string(number) + " of run " + std::to_string(run), [&] {
        Statement query(impl_->connection,
                        "SELECT number, genotype, status, message, generation, seconds, metrics_json, details_json "
                        "FROM candidates WHERE run = ? AND number = ?");
        query.bindInteger(1, run).bindInteger(2, number);
        std::optional<Candidate> found;
        if (query.step()) found = impl_->readCandidate(query, run);
        return found;
    });
}

Json Store::runState(std::int64_t run) const {
    return impl_->attempt("cannot read the state of run " + std::to_string(run), [&] {
        Statement query(impl_->connection, "SELECT state_json FROM runs WHERE id = ?");
        query.bindInteger(1, run);
        if (!query.step()) throw noSuchRun(impl_->name, run);
        if (query.isNull(0)) return Json();
        return parseStored(query.text(0), impl_->name, "runs[" + std::to_string(run) + "].state_json");
    });
}

std::vector<RunEvent> Store::events(std::int64_t run, std::int64_t afterId) const {
    return impl_->attempt("cannot read the events of run " + std::to_string(run), [&] {
        Statement query(impl_->connection,
                        "SELECT id, run, at, level, text FROM events WHERE run = ? AND id > ? ORDER BY id");
        query.bindInteger(1, run).bindInteger(2, afterId);
        std::vector<RunEvent> events;
        while (query.step())
            events.push_back({query.integer(0), query.integer(1), query.text(2), query.text(3), query.text(4)});
        return events;
    });
}

} // namespace edgesmith
