#pragma once
#include "core/common/json.h"

#include <QDialog>

#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QSpinBox;

namespace edgesmith {
struct MethodInfo;
}

namespace edgesmith::widgets {

class SchemaForm;

// "Run → Start Search…": strategy, estimator and their parameters (forms generated from
// the catalog's schemas), how latency is obtained (latency model, device profile), the
// objectives, and the run's budget, workers and time limit. Starts from the project's own
// choices; the window applies document() as one undoable edit, then starts the run with
// the budget settings.
class SearchLauncher : public QDialog {
    Q_OBJECT
public:
    // `projectFile` locates the project's own device profiles (none when empty).
    explicit SearchLauncher(const Json& project, const QString& projectFile = {}, QWidget* parent = nullptr);

    // The project with the chosen strategy, estimator, latency model, device profile and
    // objectives.
    Json document() const;
    qint64 budget() const;
    int workers() const;
    double timeLimitSeconds() const;

    QComboBox* strategyChoice() const { return strategy_; }
    QComboBox* estimatorChoice() const { return estimator_; }
    QComboBox* latencyModelChoice() const { return latencyModel_; }
    QComboBox* deviceProfileChoice() const { return deviceProfile_; }
    SchemaForm* strategyForm() const { return strategyForm_; }
    SchemaForm* estimatorForm() const { return estimatorForm_; }
    QListWidget* objectiveList() const { return objectives_; }
    QSpinBox* budgetBox() const { return budget_; }

private:
    // The chosen method's parameter form (the project's values when it is the project's
    // method) and description.
    void showMethod(const std::vector<MethodInfo>& catalog, const QComboBox* choice, SchemaForm* form, QLabel* note, const char* section);
    // The models that time this machine are offered for the host profile alone, the model
    // fitted to a device's measurements for a profile that has one, the simulator always.
    void followProfile(bool profileChanged = false);

    Json project_;
    QString projectFile_;
    QComboBox* strategy_;
    QLabel* strategyNote_;
    SchemaForm* strategyForm_;
    QComboBox* estimator_;
    QLabel* estimatorNote_;
    SchemaForm* estimatorForm_;
    QComboBox* latencyModel_;
    QLabel* latencyNote_;
    QComboBox* deviceProfile_;
    QListWidget* objectives_;
    QSpinBox* budget_;
    QSpinBox* workers_;
    QDoubleSpinBox* timeLimit_;
};

} // namespace edgesmith::widgets
