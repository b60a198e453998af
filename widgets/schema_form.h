#pragma once
#include "core/common/json.h"
#include "core/project/schema.h"

#include <QWidget>

#include <map>
#include <string>
#include <utility>
#include <vector>

class QFormLayout;
class QLineEdit;

namespace edgesmith::widgets {

// A form built from an object schema: a spin box per integer or number (with the
// schema's range), a check box per boolean, a combo box per choice, a line edit per
// string, a grid of boxes for an object of named numbers, and JSON text for anything
// else nested. Values start from `values`, missing keys
// from the schema's defaults; tooltips carry each field's description and type. New
// strategies, estimators and device profiles get their form without GUI code.
class SchemaForm : public QWidget {
    Q_OBJECT
public:
    explicit SchemaForm(QWidget* parent = nullptr);

    void setSchema(const schema::Node& node, const Json& values);
    // The edited values: every field shown (defaults included), nested JSON parsed.
    // Text that is not valid JSON keeps the field's previous value.
    Json values() const;
    // The editor of a field (tests), or nullptr.
    QWidget* editor(const std::string& name) const;
    int fieldCount() const { return static_cast<int>(editors_.size()); }
    // Hides a field's row; its value still comes back from values().
    void setFieldVisible(const std::string& name, bool visible);
    // Replaces the label made from the field's name ("ram_bytes" → "Ram bytes:") where a
    // unit or an acronym reads better.
    void setFieldLabel(const std::string& name, const QString& label);

Q_SIGNALS:
    void edited();

private:
    QWidget* makeEditor(const std::string& name, const schema::Node& node, const Json& value);
    static bool isNumberTable(const schema::Node& node);
    QWidget* makeNumberTable(const std::string& name, const schema::Node& node, const Json& value);

    schema::Node schema_;
    Json initial_ = Json::object();
    std::map<std::string, QWidget*> editors_;
    // Objects of named numbers: their boxes by key, in schema order.
    std::map<std::string, std::vector<std::pair<std::string, QLineEdit*>>> numberTables_;
    QFormLayout* layout_;
};

} // namespace edgesmith::widgets
