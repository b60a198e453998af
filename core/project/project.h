#pragma once
#include "core/common/error.h"
#include "core/common/json.h"
#include "core/project/schema.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace edgesmith {

// A project file (`*.edgesmith.json`): dataset, search space, objectives, constraints,
// strategy, estimator, hardware target, compression pipeline and the experiment
// database. The JSON document is the source of truth, so files round-trip unchanged;
// a Project object only ever holds a document that passed validation.
class Project {
public:
    // Reads and validates `file`. Throws IoError when it cannot be read and
    // ValidationError listing every problem when it is not a valid project.
    static Project load(const std::filesystem::path& file);

    // Validates a document that will live at `file` (relative paths in it are resolved
    // against that file's folder). Throws ValidationError.
    static Project fromDocument(Json document, const std::filesystem::path& file);

    // Every problem of `document` as it would be at `file`; empty when valid.
    static std::vector<Diagnostic> check(const Json& document, const std::filesystem::path& file);

    // Every problem of the text of a project file, parse errors and duplicate keys included.
    // `parsed`, when given, receives the document so callers need not parse it again.
    static std::vector<Diagnostic> checkText(const std::string& text, const std::filesystem::path& file,
                                             Json* parsed = nullptr);

    // The schema of the value at `tokens` (JSON-pointer tokens such as
    // {"strategy", "params", "population"}) in `document`, following the chosen
    // strategy, estimator, soft-constraint rule or compression method; null when the
    // location is not described by the format.
    static std::optional<schema::Node> schemaAt(const Json& document, const std::vector<std::string>& tokens);

    // A minimal valid document: Fashion-MNIST, the small MBConv template, accuracy and latency.
    static Json starterDocument(const std::string& name);

    // Validates for the destination, then writes atomically (nothing is written when
    // invalid). Relative dataset and database paths are rewritten when the folder
    // changes, so a copy keeps pointing at the same data and runs.
    void saveAs(const std::filesystem::path& file);
    void save() { saveAs(file_); }

    // The text `save` writes: two-space indented JSON and a final newline.
    std::string serialize() const;

    const Json& document() const { return document_; }
    const std::filesystem::path& file() const { return file_; }

    std::string name() const;
    std::filesystem::path databasePath() const;
    std::filesystem::path datasetPath() const;
    // The search-space document: the referenced template's contents, or the inline space.
    Json spaceDocument() const;
    std::string spaceLabel() const; // template name, or "inline"

private:
    Project(Json document, std::filesystem::path file);
    Json document_;
    std::filesystem::path file_;
};

// The parsed JSON of `text`, or the diagnostics that explain why it is not JSON
// (line and column of a syntax error, JSON paths of duplicated keys).
struct ParsedJson {
    Json value;
    bool parsed = true; // false on a syntax error; duplicate keys still parse
    std::vector<Diagnostic> diagnostics;
};
ParsedJson parseJson(const std::string& text, const std::string& file);

// The contents of a shipped search-space template; throws IoError / ValidationError.
Json loadSpaceTemplate(const std::string& name);

// Folder of the search-space templates and the names it holds.
std::filesystem::path spaceTemplateDirectory();
std::vector<std::string> spaceTemplateNames();

} // namespace edgesmith
