#pragma once
#include "core/common/json.h"

#include <QDialog>

#include <filesystem>
#include <map>
#include <string>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace edgesmith::widgets {

class SchemaForm;

// `project` with hardware.profile set to `profile`. A profile other than host also gets
// the simulator (unless it keeps "device", a model fitted to a device's measurements) and
// loses also_measure: the other latency models time this machine, not the profile's device.
Json withDeviceProfile(Json project, const std::string& profile);

// "Hardware → Device profiles…": the profiles a project can target (host, the shipped
// ones, the project's own in its devices folder) on the left; the selected one's figures
// in a form built from deviceProfileSchema() on the right, its sources below.
//
// Edits stay as drafts while the dialog is open (switching profiles keeps them) until
// "Save to project" writes <project>/devices/NAME.json, NAME being the profile's name: a
// shipped profile saved so becomes the project's own copy, which wins over the shipped
// one. An invalid profile is reported with every problem and nothing is written.
// "Use for this project" asks the window (profileChosen) to set hardware.profile as one
// undoable edit.
class DeviceProfileDialog : public QDialog {
    Q_OBJECT
public:
    // `projectFile` empty: an unsaved project, whose profiles cannot be written yet.
    // `projectProfile`: the project's hardware.profile, marked in the list.
    DeviceProfileDialog(const QString& projectFile, const QString& projectProfile, QWidget* parent = nullptr);

    // Selects a listed profile; false when there is none of that name.
    bool selectProfile(const QString& name);
    QString currentProfile() const { return current_; }
    // The shown profile as edited so far.
    Json profileDocument() const;
    // Shows `document` as the current profile's edited figures, as if typed in the form.
    void setProfileDocument(const Json& document);
    bool hasUnsavedEdits() const { return !drafts_.empty(); }

    // The actions behind the buttons; false (reported through errorReported and a message
    // box) when nothing was written.
    bool saveToProject();
    bool duplicateAs(const QString& name);
    void useForProject();

    QTreeWidget* profileList() const { return list_; }
    SchemaForm* form() const { return form_; }
    QLabel* sourcesView() const { return sources_; }

Q_SIGNALS:
    void profileChosen(const QString& name);
    // A profile file was written (the window revalidates: the project may use it).
    void profileSaved(const QString& file);
    void errorReported(const QString& title, const QString& text);

protected:
    void done(int result) override;

private:
    void refreshList(const QString& select);
    void showProfile(const QString& name);
    void showForm(const Json& document);
    void markEdited();
    void chooseDuplicateName();
    // Both report what is wrong and return false when the profile is not acceptable.
    bool check(const Json& document, const std::filesystem::path& file);
    bool write(const Json& document, const std::string& name);
    void report(const QString& title, const QString& text);
    std::filesystem::path projectDirectory() const;

    std::filesystem::path projectFile_;
    QString projectProfile_;
    QString current_;
    std::map<QString, Json> drafts_; // by profile name: edits not saved yet
    bool showing_ = false;           // the form is being rebuilt, not edited

    QTreeWidget* list_;
    QLabel* title_;
    SchemaForm* form_;
    QLabel* sources_;
    QPushButton* save_;
    QPushButton* duplicate_;
    QPushButton* use_;
};

} // namespace edgesmith::widgets
