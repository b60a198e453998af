#include "core/project/schema.h"

#include "core/common/text.h"

#include <cmath>

namespace edgesmith::schema {
namespace {

std::string bound(const char* symbol, double value) { return std::string(symbol) + " " + formatNumber(value); }

std::string typeMismatch(const Node& node, const Json& value) {
    return "must be " + node.describeType() + ", got " + describeValue(value);
}

bool isWholeNumber(const Json& value) {
    if (value.is_number_integer()) return true;
    if (!value.is_number_float()) return false;
    const double number = value.get<double>();
    return std::isfinite(number) && number == std::floor(number);
}

void checkRange(double number, const Node& node, const std::string& file, const std::string& path,
                std::vector<Diagnostic>& out) {
    const auto report = [&](const std::string& rule) {
        out.push_back({file, path, "must be " + rule + ", got " + formatNumber(number)});
    };
    if (const auto& minimum = node.minimum()) {
        if (node.minimumExclusive() ? !(number > *minimum) : !(number >= *minimum))
            return report(bound(node.minimumExclusive() ? ">" : "≥", *minimum));
    }
    if (const auto& maximum = node.maximum()) {
        if (node.maximumExclusive() ? !(number < *maximum) : !(number <= *maximum))
            return report(bound(node.maximumExclusive() ? "<" : "≤", *maximum));
    }
}

void validateObject(const Json& value, const Node& node, const std::string& file,
                    const std::string& path, std::vector<Diagnostic>& out) {
    std::vector<std::string> known;
    for (const auto& field : node.fields()) known.push_back(field.name);
    for (const auto& field : node.fields()) {
        const auto entry = value.find(field.name);
        if (entry == value.end()) {
            if (field.required)
                out.push_back({file, childPath(path, field.name),
                               "missing; expected " + field.node.describeType()});
            continue;
        }
        validate(*entry, field.node, file, childPath(path, field.name), out);
    }
    if (node.acceptsOtherKeys()) return;
    for (auto entry = value.begin(); entry != value.end(); ++entry) {
        if (node.findField(entry.key())) continue;
        std::string message = "unknown key";
        if (const auto suggestion = closestMatch(entry.key(), known); !suggestion.empty())
            message += " (did you mean \"" + suggestion + "\"?)";
        else if (!known.empty())
            message += " (expected one of " + joinWords(known) + ")";
        out.push_back({file, childPath(path, entry.key()), message});
    }
    if (node.mustBeNonEmpty() && value.empty())
        out.push_back({file, path, "must not be empty"});
}

} // namespace

Node Node::object(std::string description) {
    Node node;
    node.kind_ = Kind::Object;
    node.description_ = std::move(description);
    return node;
}
Node Node::array(Node items, std::string description) {
    Node node;
    node.kind_ = Kind::Array;
    node.description_ = std::move(description);
    node.items_ = std::make_shared<const Node>(std::move(items));
    return node;
}
Node Node::integer(std::string description) {
    Node node;
    node.kind_ = Kind::Integer;
    node.description_ = std::move(description);
    return node;
}
Node Node::number(std::string description) {
    Node node;
    node.kind_ = Kind::Number;
    node.description_ = std::move(description);
    return node;
}
Node Node::boolean(std::string description) {
    Node node;
    node.kind_ = Kind::Boolean;
    node.description_ = std::move(description);
    return node;
}
Node Node::string(std::string description) {
    Node node;
    node.kind_ = Kind::String;
    node.description_ = std::move(description);
    return node;
}
Node Node::choice(std::vector<std::string> choices, std::string description) {
    Node node;
    node.kind_ = Kind::Choice;
    node.choices_ = std::move(choices);
    node.description_ = std::move(description);
    return node;
}
Node Node::any(std::string description) {
    Node node;
    node.description_ = std::move(description);
    return node;
}

Node Node::atLeast(double minimum) const {
    Node node = *this;
    node.minimum_ = minimum;
    node.minimumExclusive_ = false;
    return node;
}
Node Node::above(double minimum) const {
    Node node = atLeast(minimum);
    node.minimumExclusive_ = true;
    return node;
}
Node Node::atMost(double maximum) const {
    Node node = *this;
    node.maximum_ = maximum;
    node.maximumExclusive_ = false;
    return node;
}
Node Node::below(double maximum) const {
    Node node = atMost(maximum);
    node.maximumExclusive_ = true;
    return node;
}
Node Node::byDefault(Json value) const {
    Node node = *this;
    node.default_ = std::move(value);
    return node;
}
Node Node::minItems(std::size_t count) const {
    Node node = *this;
    node.minItems_ = count;
    return node;
}
Node Node::nonEmpty() const {
    Node node = *this;
    node.nonEmpty_ = true;
    return node;
}
Node Node::field(std::string name, Node child) const {
    Node node = *this;
    node.fields_.push_back({std::move(name), std::move(child), false});
    return node;
}
Node Node::required(std::string name, Node child) const {
    Node node = *this;
    node.fields_.push_back({std::move(name), std::move(child), true});
    return node;
}
Node Node::openKeys() const {
    Node node = *this;
    node.openKeys_ = true;
    return node;
}

const Field* Node::findField(const std::string& name) const {
    for (const auto& field : fields_)
        if (field.name == name) return &field;
    return nullptr;
}

std::string Node::describeType() const {
    std::string range;
    if (minimum_) range += " " + bound(minimumExclusive_ ? ">" : "≥", *minimum_);
    if (maximum_) range += (minimum_ ? " and" : "") + std::string(" ") + bound(maximumExclusive_ ? "<" : "≤", *maximum_);
    switch (kind_) {
    case Kind::Object: return "an object";
    case Kind::Array: return "an array";
    case Kind::Integer: return "an integer" + range;
    case Kind::Number: return "a number" + range;
    case Kind::Boolean: return "true or false";
    case Kind::String: return nonEmpty_ ? "a non-empty string" : "a string";
    case Kind::Choice: return "one of " + joinWords(choices_);
    case Kind::Any: return "a value";
    }
    return "a value";
}

void validate(const Json& value, const Node& node, const std::string& file, const std::string& path,
              std::vector<Diagnostic>& out) {
    switch (node.kind()) {
    case Kind::Any: return;
    case Kind::Object:
        if (!value.is_object()) return out.push_back({file, path, typeMismatch(node, value)});
        return validateObject(value, node, file, path, out);
    case Kind::Array:
        if (!value.is_array()) return out.push_back({file, path, typeMismatch(node, value)});
        if (value.size() < node.minimumItems())
            out.push_back({file, path, "must have at least " + std::to_string(node.minimumItems()) +
                                           (node.minimumItems() == 1 ? " entry" : " entries") + ", got " +
                                           std::to_string(value.size())});
        for (std::size_t index = 0; index < value.size(); ++index)
            validate(value[index], *node.items(), file, indexPath(path, index), out);
        return;
    case Kind::Integer:
        if (!value.is_number() || !isWholeNumber(value))
            return out.push_back({file, path, typeMismatch(node, value)});
        return checkRange(value.get<double>(), node, file, path, out);
    case Kind::Number:
        if (!value.is_number()) return out.push_back({file, path, typeMismatch(node, value)});
        return checkRange(value.get<double>(), node, file, path, out);
    case Kind::Boolean:
        if (!value.is_boolean()) out.push_back({file, path, typeMismatch(node, value)});
        return;
    case Kind::String:
        if (!value.is_string()) return out.push_back({file, path, typeMismatch(node, value)});
        if (node.mustBeNonEmpty() && value.get<std::string>().empty())
            out.push_back({file, path, "must not be empty"});
        return;
    case Kind::Choice: {
        if (!value.is_string()) return out.push_back({file, path, typeMismatch(node, value)});
        const auto text = value.get<std::string>();
        for (const auto& choice : node.choices())
            if (choice == text) return;
        std::string message = "must be one of " + joinWords(node.choices()) + ", got " + describeValue(value);
        if (const auto suggestion = closestMatch(text, node.choices()); !suggestion.empty())
            message += " (did you mean \"" + suggestion + "\"?)";
        out.push_back({file, path, message});
        return;
    }
    }
}

Json withDefaults(const Json& value, const Node& node) {
    if (node.kind() == Kind::Object && value.is_object()) {
        Json filled = value;
        for (const auto& field : node.fields()) {
            if (filled.contains(field.name))
                filled[field.name] = withDefaults(filled[field.name], field.node);
            else if (!field.node.defaultValue().is_null())
                filled[field.name] = field.node.defaultValue();
        }
        return filled;
    }
    if (node.kind() == Kind::Array && value.is_array()) {
        Json filled = Json::array();
        for (const auto& item : value) filled.push_back(withDefaults(item, *node.items()));
        return filled;
    }
    return value;
}

std::string childPath(const std::string& parent, const std::string& key) {
    return parent.empty() ? key : parent + "." + key;
}

std::string indexPath(const std::string& parent, std::size_t index) {
    return parent + "[" + std::to_string(index) + "]";
}

std::string describeValue(const Json& value) {
    switch (value.type()) {
    case Json::value_t::object: return "an object";
    case Json::value_t::array: return "an array";
    case Json::value_t::null: return "null";
    case Json::value_t::boolean: return value.get<bool>() ? "true" : "false";
    case Json::value_t::string: {
        std::string text = value.get<std::string>();
        if (text.size() > 40) text = text.substr(0, 37) + "...";
        return "\"" + text + "\"";
    }
    case Json::value_t::number_float: return formatNumber(value.get<double>());
    default: return value.dump();
    }
}

} // namespace edgesmith::schema
