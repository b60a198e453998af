#include "core/common/atomic_file.h"
#include "core/common/text.h"
#include "core/project/catalog.h"
#include "core/project/schema.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace edgesmith;
using schema::Node;

namespace {

std::vector<std::string> check(const Json& value, const Node& node) {
    std::vector<Diagnostic> out;
    schema::validate(value, node, "f.json", "", out);
    std::vector<std::string> lines;
    for (const auto& diagnostic : out) lines.push_back(diagnostic.text());
    return lines;
}

} // namespace

class TestSchema : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void integersAndRanges() {
        const Node node = Node::object().required("n", Node::integer().atLeast(2).atMost(10));
        QVERIFY(check(Json{{"n", 2}}, node).empty());
        QVERIFY(check(Json{{"n", 4.0}}, node).empty()); // 4.0 is a whole number
        QCOMPARE(check(Json{{"n", 2.5}}, node), std::vector<std::string>{"f.json: n: must be an integer ≥ 2 and ≤ 10, got 2.5"});
        QCOMPARE(check(Json{{"n", 11}}, node), std::vector<std::string>{"f.json: n: must be ≤ 10, got 11"});
        QCOMPARE(check(Json{{"n", "3"}}, node), std::vector<std::string>{"f.json: n: must be an integer ≥ 2 and ≤ 10, got \"3\""});
        QCOMPARE(check(Json::object(), node), std::vector<std::string>{"f.json: n: missing; expected an integer ≥ 2 and ≤ 10"});
    }

    void exclusiveBounds() {
        const Node node = Node::number().above(0).below(1);
        QVERIFY(check(0.5, node).empty());
        QCOMPARE(check(0, node), std::vector<std::string>{"f.json: must be > 0, got 0"});
        QCOMPARE(check(1, node), std::vector<std::string>{"f.json: must be < 1, got 1"});
    }

    void unknownKeysSuggestTheClosest() {
        const Node node = Node::object().field("learning_rate", Node::number()).field("epochs", Node::integer());
        QCOMPARE(check(Json{{"learning_rte", 1}}, node),
                 std::vector<std::string>{"f.json: learning_rte: unknown key (did you mean \"learning_rate\"?)"});
        QCOMPARE(check(Json{{"colour", 1}}, node),
                 std::vector<std::string>{"f.json: colour: unknown key (expected one of learning_rate, epochs)"});
        QVERIFY(check(Json{{"anything", 1}}, node.openKeys()).empty());
    }

    void choicesAndArrays() {
        const Node node = Node::object().field("list", Node::array(Node::choice({"sgd", "adamw"})).minItems(1));
        QVERIFY(check(Json{{"list", {"sgd"}}}, node).empty());
        QCOMPARE(check(Json{{"list", Json::array()}}, node), std::vector<std::string>{"f.json: list: must have at least 1 entry, got 0"});
        QCOMPARE(check(Json{{"list", {"sgd", "adamv"}}}, node),
                 std::vector<std::string>{"f.json: list[1]: must be one of sgd, adamw, got \"adamv\" (did you mean \"adamw\"?)"});
    }

    void everyProblemIsReported() {
        const Node node = Node::object().required("a", Node::integer()).required("b", Node::boolean()).field("c", Node::string().nonEmpty());
        QCOMPARE(check(Json{{"c", ""}, {"d", 1}}, node).size(), std::size_t(4));
    }

    void defaultsAreFilledIn() {
        const Node node = Node::object().field("epochs", Node::integer().byDefault(3)).field("inner", Node::object().field("x", Node::number().byDefault(0.5)));
        const Json filled = schema::withDefaults(Json{{"inner", Json::object()}}, node);
        QCOMPARE(filled["epochs"].get<int>(), 3);
        QCOMPARE(filled["inner"]["x"].get<double>(), 0.5);
    }

    // Conformance: every method's declared defaults satisfy its own schema, so the GUI's
    // generated forms start valid.
    void catalogDefaultsAreValid() {
        for (const auto* catalog : {&strategyCatalog(), &estimatorCatalog(), &compressionCatalog(), &softConstraintCatalog()}) {
            for (const auto& method : *catalog) {
                Json params = schema::withDefaults(Json::object(), method.parameters);
                for (const auto& field : method.parameters.fields())
                    if (field.required)
                        params[field.name] = field.node.kind() == schema::Kind::Choice   ? Json(field.node.choices().front())
                                             : field.node.kind() == schema::Kind::String ? Json("value")
                                                                                         : Json(1);
                const auto problems = check(params, method.parameters);
                if (!problems.empty()) qWarning("%s: %s", method.name.c_str(), problems.front().c_str());
                QVERIFY2(problems.empty(), method.name.c_str());
                QVERIFY2(!method.description.empty(), method.name.c_str());
            }
        }
    }

    // docs/formats.md documents every method and parameter a project may name.
    void formatDocumentationCoversTheCatalog() {
        const std::string doc = readFile(EDGESMITH_SOURCE_TREE "/docs/formats.md");
        for (const auto* catalog : {&strategyCatalog(), &estimatorCatalog(), &compressionCatalog(), &softConstraintCatalog()}) {
            for (const auto& method : *catalog) {
                QVERIFY2(doc.find("#### `" + method.name + "`") != std::string::npos, method.name.c_str());
                for (const auto& field : method.parameters.fields())
                    QVERIFY2(doc.find("`" + field.name + "`") != std::string::npos, (method.name + "." + field.name).c_str());
            }
        }
        for (const auto& metric : objectiveMetrics()) QVERIFY2(doc.find("`" + metric.name + "`") != std::string::npos, metric.name.c_str());
    }

    void suggestionsAreForTyposOnly() {
        QCOMPARE(closestMatch("nsga", {"nsga2", "random"}), std::string("nsga2"));
        QCOMPARE(closestMatch("xyz", {"nsga2", "random"}), std::string());
        QCOMPARE(editDistance("kitten", "sitting"), std::size_t(3));
        QCOMPARE(formatNumber(3.0), std::string("3"));
        QCOMPARE(formatNumber(0.25), std::string("0.25"));
    }

    void atomicWriteReplacesWholeFiles() {
        QTemporaryDir folder;
        const std::string file = folder.filePath("x.json").toStdString();
        writeFileAtomically(file, "first");
        writeFileAtomically(file, "second, longer");
        QCOMPARE(readFile(file), std::string("second, longer"));
        QCOMPARE(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
        QVERIFY_THROWS_EXCEPTION(IoError, writeFileAtomically(folder.filePath("no/such/folder/x.json").toStdString(), "x"));
    }
};

QTEST_GUILESS_MAIN(TestSchema)
#include "test_schema.moc"
