#pragma once
#include <stdexcept>
#include <string>
#include <vector>

namespace edgesmith {

// One problem found in an input file: which file, where inside it (a JSON path such
// as `strategy.params.population`, empty for the file as a whole) and what is wrong.
struct Diagnostic {
    std::string file;
    std::string path;
    std::string message;

    // `file: path: message`, the one line users see in the CLI, the GUI and the logs.
    std::string text() const;
    bool operator==(const Diagnostic&) const = default;
};

// Base of every error core throws: it always names the file (or other input) and the
// location inside it, so callers can show one clear line.
class Error : public std::runtime_error {
public:
    Error(std::string file, std::string path, std::string message);
    const std::string& file() const { return file_; }
    const std::string& path() const { return path_; }
    const std::string& message() const { return message_; }

private:
    std::string file_;
    std::string path_;
    std::string message_;
};

// Reading or writing a file failed at the operating-system level.
class IoError : public Error {
public:
    using Error::Error;
};

// An output could not be written (the work failed, not its input): the CLI exits 1 for it
// where an unreadable input exits 2.
class WriteError : public IoError {
public:
    using IoError::IoError;
};

// An input was read but is not acceptable; carries every problem found, not just the first.
class ValidationError : public Error {
public:
    explicit ValidationError(std::vector<Diagnostic> diagnostics);
    const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

private:
    std::vector<Diagnostic> diagnostics_;
};

// Raised when a cancel flag goes up in long work (an evaluation, a training, a
// compression). An evaluation it stops is dropped, not stored, so a resumed run
// evaluates it again.
class Cancelled : public std::exception {
public:
    const char* what() const noexcept override { return "cancelled"; }
};

} // namespace edgesmith
