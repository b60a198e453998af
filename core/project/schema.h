#pragma once
// A small declarative schema for JSON inputs. It validates project files and the
// parameters of strategies, estimators and compressors, and it is what the GUI reads
// to build their forms and what docs/formats.md is checked against.
#include "core/common/error.h"
#include "core/common/json.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace edgesmith::schema {

enum class Kind { Any, Object, Array, Integer, Number, Boolean, String, Choice };

struct Field;

class Node {
public:
    static Node object(std::string description = {});
    static Node array(Node items, std::string description = {});
    static Node integer(std::string description = {});
    static Node number(std::string description = {});
    static Node boolean(std::string description = {});
    static Node string(std::string description = {});
    static Node choice(std::vector<std::string> choices, std::string description = {});
    static Node any(std::string description = {});

    // Fluent refinements; each returns a copy so schemas read as one expression.
    Node atLeast(double minimum) const;
    Node above(double minimum) const;   // exclusive lower bound
    Node atMost(double maximum) const;
    Node below(double maximum) const;   // exclusive upper bound
    Node byDefault(Json value) const;
    Node minItems(std::size_t count) const;
    Node nonEmpty() const;              // strings: not ""; objects and arrays: at least one entry
    Node field(std::string name, Node node) const;        // optional key
    Node required(std::string name, Node node) const;     // key that must be present
    Node openKeys() const;              // objects whose other keys are checked elsewhere

    Kind kind() const { return kind_; }
    const std::string& description() const { return description_; }
    const Json& defaultValue() const { return default_; }
    const std::optional<double>& minimum() const { return minimum_; }
    const std::optional<double>& maximum() const { return maximum_; }
    bool minimumExclusive() const { return minimumExclusive_; }
    bool maximumExclusive() const { return maximumExclusive_; }
    const std::vector<std::string>& choices() const { return choices_; }
    const std::vector<Field>& fields() const { return fields_; }
    const Node* items() const { return items_.get(); }
    const Field* findField(const std::string& name) const;
    bool acceptsOtherKeys() const { return openKeys_; }
    bool mustBeNonEmpty() const { return nonEmpty_; }
    std::size_t minimumItems() const { return minItems_; }

    // A human phrase for the accepted values: "integer ≥ 2", "one of sgd, adamw".
    std::string describeType() const;

private:
    Kind kind_ = Kind::Any;
    std::string description_;
    Json default_;
    std::optional<double> minimum_, maximum_;
    bool minimumExclusive_ = false, maximumExclusive_ = false;
    std::vector<std::string> choices_;
    std::vector<Field> fields_;
    std::shared_ptr<const Node> items_;
    std::size_t minItems_ = 0;
    bool openKeys_ = false;
    bool nonEmpty_ = false;
};

struct Field {
    std::string name;
    Node node;
    bool required = false;
};

// Appends one Diagnostic per problem (every problem, not only the first) to `out`.
// `path` is the JSON path of `value` inside `file` ("" for the document root).
void validate(const Json& value, const Node& node, const std::string& file,
              const std::string& path, std::vector<Diagnostic>& out);

// `value` with every missing optional key that has a default filled in (recursively).
Json withDefaults(const Json& value, const Node& node);

// `parent.child` / `parent[3]`, the path notation of every diagnostic.
std::string childPath(const std::string& parent, const std::string& key);
std::string indexPath(const std::string& parent, std::size_t index);

// Short rendering of a JSON value for messages: numbers as written, strings quoted,
// containers by kind ("an object"), long text cut.
std::string describeValue(const Json& value);

} // namespace edgesmith::schema
