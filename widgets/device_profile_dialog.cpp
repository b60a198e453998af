#include "widgets/device_profile_dialog.h"

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/common/paths.h"
#include "core/hw/device_profile.h"
#include "core/project/project.h"
#include "widgets/schema_form.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <system_error>

namespace edgesmith::widgets {
namespace {

const char* kHost = "host";

std::filesystem::path shippedFile(const std::string& name) { return resourceDirectory() / "devices" / (name + ".json"); }

bool isFile(const std::filesystem::path& file) {
    std::error_code status;
    return !file.empty() && std::filesystem::is_regular_file(file, status);
}

// A profile is found by its file's name, so its name must make a plain file name; a name
// ending in .json would be read as a path.
bool usableName(const QString& name) {
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]*$"));
    return pattern.match(name).hasMatch() && !name.endsWith(QStringLiteral(".json"));
}

// The file as written, even when it does not pass the schema: a broken profile of the
// project opens in the form to be fixed. `problem` says why nothing could be read.
Json readProfile(const std::filesystem::path& file, QString& problem) {
    try {
        const ParsedJson parsed = parseJson(readFile(file), file.string());
        if (parsed.parsed && parsed.value.is_object()) return parsed.value;
        problem = parsed.diagnostics.empty() ? DeviceProfileDialog::tr("not a JSON object") : QString::fromStdString(parsed.diagnostics.front().text());
    } catch (const Error& error) {
        problem = QString::fromStdString(error.what());
    }
    return Json::object();
}

QString sourcesHtml(const Json& document) {
    const Json sources = document.value("sources", Json::array());
    QString html;
    if (sources.is_array())
        for (const auto& source : sources)
            if (source.is_string()) html += QStringLiteral("<li>%1</li>").arg(QString::fromStdString(source.get<std::string>()).toHtmlEscaped());
    return html.isEmpty() ? QStringLiteral("<i>%1</i>").arg(DeviceProfileDialog::tr("No sources given: say where the figures come from."))
                          : QStringLiteral("<ul style='margin-left: -24px'>%1</ul>").arg(html);
}

} // namespace

Json withDeviceProfile(Json project, const std::string& profile) {
    if (!project.is_object()) return project;
    if (!project.contains("hardware") || !project["hardware"].is_object()) project["hardware"] = Json::object();
    Json& hardware = project["hardware"];
    hardware["profile"] = profile;
    if (profile != kHost) {
        // The simulator, unless the project already uses a model of another device: one
        // fitted to its measurements ("device").
        if (hardware.value("latency_model", std::string("measured")) != "device") hardware["latency_model"] = "simulator";
        if (hardware.value("also_measure", false)) hardware["also_measure"] = false;
    }
    return project;
}

DeviceProfileDialog::DeviceProfileDialog(const QString& projectFile, const QString& projectProfile, QWidget* parent)
    : QDialog(parent), projectFile_(projectFile.toStdString()), projectProfile_(projectProfile.isEmpty() ? QString(kHost) : projectProfile),
      list_(new QTreeWidget), title_(new QLabel), form_(new SchemaForm), sources_(new QLabel), save_(new QPushButton(tr("Save to project"))),
      duplicate_(new QPushButton(tr("Duplicate…"))), use_(new QPushButton(tr("Use for this project"))) {
    setObjectName("deviceProfileDialog");
    setWindowTitle(tr("Device profiles"));
    list_->setObjectName("deviceProfileList");
    list_->setHeaderLabels({tr("Profile"), tr("Kind"), tr("From")});
    list_->setRootIsDecorated(false);
    list_->setUniformRowHeights(true);
    list_->setAlternatingRowColors(true);
    list_->header()->setStretchLastSection(true);
    title_->setObjectName("deviceProfileTitle");
    title_->setTextFormat(Qt::RichText);
    title_->setWordWrap(true);
    form_->setObjectName("deviceProfileForm");
    sources_->setObjectName("deviceProfileSources");
    sources_->setTextFormat(Qt::RichText);
    sources_->setWordWrap(true);
    sources_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    sources_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    sources_->setToolTip(tr("Where the figures come from; kept as they are when the profile is saved"));
    save_->setObjectName("deviceProfileSave");
    duplicate_->setObjectName("deviceProfileDuplicate");
    use_->setObjectName("deviceProfileUse");
    use_->setToolTip(tr("Set the project's hardware.profile to this profile as saved (one undoable edit); "
                        "a profile other than host also selects the simulator latency model"));
    if (projectFile_.empty()) {
        const QString why = tr("Save the project first: its own profiles live in a devices folder beside the project file");
        save_->setEnabled(false);
        duplicate_->setEnabled(false);
        save_->setToolTip(why);
        duplicate_->setToolTip(why);
    } else {
        save_->setToolTip(tr("Write the profile to %1; a shipped profile saved here becomes the project's own copy, which wins over the shipped one")
                              .arg(QDir::toNativeSeparators(QString::fromStdString((projectDirectory() / "NAME.json").string()))));
        duplicate_->setToolTip(tr("Save a copy of this profile under a new name in the project's devices folder"));
    }

    auto* hint = new QLabel(tr("Shipped profiles come with EdgeSmith; the project's own live in a devices folder beside the project file. "
                               "Bold: the profile the project uses."));
    hint->setWordWrap(true);
    hint->setEnabled(false);
    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(list_, 1);
    leftLayout->addWidget(hint);

    // The sources follow the figures in one scrolled column, however many there are.
    auto* figures = new QWidget;
    auto* figuresLayout = new QVBoxLayout(figures);
    figuresLayout->setContentsMargins(0, 0, 8, 0);
    figuresLayout->addWidget(form_);
    auto* sourcesTitle = new QLabel(tr("<b>Sources</b>"));
    figuresLayout->addWidget(sourcesTitle);
    figuresLayout->addWidget(sources_);
    figuresLayout->addStretch(1);
    auto* area = new QScrollArea;
    area->setWidget(figures);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(title_);
    rightLayout->addWidget(area, 1);

    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);
    splitter->setSizes({390, 710});

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(duplicate_, QDialogButtonBox::ActionRole);
    buttons->addButton(save_, QDialogButtonBox::ActionRole);
    buttons->addButton(use_, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(save_, &QPushButton::clicked, this, &DeviceProfileDialog::saveToProject);
    connect(duplicate_, &QPushButton::clicked, this, &DeviceProfileDialog::chooseDuplicateName);
    connect(use_, &QPushButton::clicked, this, &DeviceProfileDialog::useForProject);
    connect(list_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (item) showProfile(item->data(0, Qt::UserRole).toString());
    });
    connect(form_, &SchemaForm::edited, this, [this] {
        if (showing_ || current_.isEmpty()) return;
        drafts_[current_] = form_->values();
        markEdited();
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(1100, 640);
    refreshList(projectProfile_);
}

std::filesystem::path DeviceProfileDialog::projectDirectory() const { return projectDeviceDirectory(projectFile_); }

void DeviceProfileDialog::refreshList(const QString& select) {
    const QSignalBlocker blocker(list_);
    list_->clear();
    QTreeWidgetItem* chosen = nullptr;
    for (const std::string& name : deviceProfileNames(projectFile_)) {
        const QString text = QString::fromStdString(name);
        const bool own = !projectFile_.empty() && isFile(projectDirectory() / (name + ".json"));
        const bool shipped = isFile(shippedFile(name));
        QString problem;
        const Json document = readProfile(deviceProfileFile(name, projectFile_), problem);
        auto* item = new QTreeWidgetItem(list_, {text, QString::fromStdString(document.value("kind", std::string("?"))),
                                                 own && shipped ? tr("project, overrides shipped") : own ? tr("project") : tr("shipped")});
        item->setData(0, Qt::UserRole, text);
        QString tip = QString::fromStdString(document.value("description", std::string()));
        if (!problem.isEmpty()) tip = problem;
        if (text == projectProfile_) {
            QFont bold = item->font(0);
            bold.setBold(true);
            for (int column = 0; column < 3; ++column) item->setFont(column, bold);
            tip += (tip.isEmpty() ? QString() : QStringLiteral("\n")) + tr("Used by this project");
        }
        for (int column = 0; column < 3; ++column) item->setToolTip(column, tip);
        if (text == select) chosen = item;
    }
    for (int column = 0; column < 2; ++column) list_->resizeColumnToContents(column);
    if (!chosen) chosen = list_->topLevelItem(0);
    list_->setCurrentItem(chosen);
    if (chosen) showProfile(chosen->data(0, Qt::UserRole).toString());
    markEdited();
}

bool DeviceProfileDialog::selectProfile(const QString& name) {
    for (int row = 0; row < list_->topLevelItemCount(); ++row)
        if (list_->topLevelItem(row)->data(0, Qt::UserRole).toString() == name) {
            list_->setCurrentItem(list_->topLevelItem(row));
            return true;
        }
    return false;
}

void DeviceProfileDialog::showProfile(const QString& name) {
    current_ = name;
    const std::filesystem::path file = deviceProfileFile(name.toStdString(), projectFile_);
    QString problem;
    const auto draft = drafts_.find(name);
    const Json document = draft != drafts_.end() ? draft->second : readProfile(file, problem);
    showForm(document);
    const bool own = !projectFile_.empty() && file.parent_path() == projectDirectory();
    QString where = own ? tr("the project's own, devices/%1.json").arg(name) : tr("shipped with EdgeSmith, resources/devices/%1.json").arg(name);
    if (!problem.isEmpty()) where = QStringLiteral("<span style='color:#d62728'>%1</span>").arg(problem.toHtmlEscaped());
    title_->setText(QStringLiteral("<b>%1</b> <span style='color:gray'>— %2</span>").arg(name.toHtmlEscaped(), where));
}

void DeviceProfileDialog::showForm(const Json& document) {
    showing_ = true;
    form_->setSchema(deviceProfileSchema(), document);
    // The sources are shown as text below and kept as they are; the format version is the
    // file's, not the user's.
    form_->setFieldVisible("sources", false);
    form_->setFieldVisible("format_version", false);
    form_->setFieldLabel("peak_macs_per_second", tr("Peak MAC/s:"));
    form_->setFieldLabel("memory_bandwidth_bytes_per_second", tr("Memory bandwidth (B/s):"));
    form_->setFieldLabel("ram_bytes", tr("RAM (bytes):"));
    form_->setFieldLabel("flash_bytes", tr("Flash (bytes):"));
    form_->setFieldLabel("layer_overhead_ms", tr("Layer overhead (ms):"));
    form_->setFieldLabel("energy_per_mac_pj", tr("Energy per MAC (pJ):"));
    form_->setFieldLabel("energy_per_byte_pj", tr("Energy per byte (pJ):"));
    showing_ = false;
    sources_->setText(sourcesHtml(document));
}

Json DeviceProfileDialog::profileDocument() const { return form_->values(); }

void DeviceProfileDialog::setProfileDocument(const Json& document) {
    showForm(document);
    // What the form could not hold (a value outside a spin box's range) is kept as given,
    // so that saving reports it rather than writing a clamped value.
    drafts_[current_] = document;
    markEdited();
}

void DeviceProfileDialog::markEdited() {
    for (int row = 0; row < list_->topLevelItemCount(); ++row) {
        QTreeWidgetItem* item = list_->topLevelItem(row);
        QFont font = item->font(0);
        font.setItalic(drafts_.count(item->data(0, Qt::UserRole).toString()) > 0);
        item->setFont(0, font);
        item->setText(0, item->data(0, Qt::UserRole).toString() + (font.italic() ? QStringLiteral(" *") : QString()));
    }
}

void DeviceProfileDialog::report(const QString& title, const QString& text) {
    Q_EMIT errorReported(title, text);
    // Opened, not exec()'d: the dialog stays responsive and tests can read and close it.
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setObjectName("deviceProfileError");
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

bool DeviceProfileDialog::check(const Json& document, const std::filesystem::path& file) {
    try {
        DeviceProfile::fromJson(document, file.string());
        return true;
    } catch (const ValidationError& error) {
        QStringList lines;
        for (const Diagnostic& diagnostic : error.diagnostics()) lines << QString::fromStdString(diagnostic.text());
        report(tr("Profile not saved"), tr("The profile has problems, so nothing was written:\n\n%1").arg(lines.join('\n')));
        return false;
    }
}

bool DeviceProfileDialog::write(const Json& document, const std::string& name) {
    const std::filesystem::path file = projectDirectory() / (name + ".json");
    // Checked before the folder is made, so an invalid profile leaves no trace.
    if (!check(document, file)) return false;
    try {
        std::filesystem::create_directories(projectDirectory());
        saveDeviceProfile(document, file);
    } catch (const std::exception& error) {
        report(tr("Profile not saved"), QString::fromUtf8(error.what()));
        return false;
    }
    Q_EMIT profileSaved(QString::fromStdString(file.string()));
    return true;
}

bool DeviceProfileDialog::saveToProject() {
    if (projectFile_.empty()) {
        report(tr("Profile not saved"), tr("Save the project first: its own profiles live in a devices folder beside the project file."));
        return false;
    }
    const auto draft = drafts_.find(current_);
    const Json document = draft != drafts_.end() ? draft->second : form_->values();
    const QString name = document.contains("name") && document["name"].is_string() ? QString::fromStdString(document["name"].get<std::string>()) : QString();
    // Renamed in the form: saved under the new name, the selected profile left as it was,
    // and never over another profile, shipped or the project's.
    if (usableName(name) && name != current_) {
        const auto names = deviceProfileNames(projectFile_);
        if (std::find(names.begin(), names.end(), name.toStdString()) != names.end()) {
            report(tr("Profile not saved"), tr("A profile named %1 exists already; choose another name, or select that profile to edit it.").arg(name));
            return false;
        }
    }
    if (!usableName(name)) {
        // The schema's problems first (an empty name among them), then the file name's.
        if (!check(document, projectDirectory() / (current_.toStdString() + ".json"))) return false;
        report(tr("Profile not saved"), tr("The name \"%1\" cannot be a file name: use letters, digits, '.', '-' and '_'.").arg(name));
        return false;
    }
    if (!write(document, name.toStdString())) return false;
    drafts_.erase(current_);
    refreshList(name);
    return true;
}

bool DeviceProfileDialog::duplicateAs(const QString& name) {
    if (projectFile_.empty()) {
        report(tr("Profile not copied"), tr("Save the project first: its own profiles live in a devices folder beside the project file."));
        return false;
    }
    if (!usableName(name)) {
        report(tr("Profile not copied"), tr("The name \"%1\" cannot be a file name: use letters, digits, '.', '-' and '_'.").arg(name));
        return false;
    }
    for (const std::string& existing : deviceProfileNames(projectFile_))
        if (QString::fromStdString(existing) == name) {
            report(tr("Profile not copied"), tr("A profile named %1 exists already; choose another name.").arg(name));
            return false;
        }
    Json document = profileDocument();
    const auto draft = drafts_.find(current_);
    if (draft != drafts_.end()) document = draft->second;
    document["name"] = name.toStdString();
    if (!write(document, name.toStdString())) return false;
    // The edits went into the copy; the original stays as saved.
    drafts_.erase(current_);
    refreshList(name);
    return true;
}

void DeviceProfileDialog::chooseDuplicateName() {
    bool accepted = false;
    const QString name = QInputDialog::getText(this, tr("Duplicate profile"), tr("Name of the copy (its file in the project's devices folder):"),
                                               QLineEdit::Normal, current_ + QStringLiteral("-copy"), &accepted);
    if (accepted && !name.trimmed().isEmpty()) duplicateAs(name.trimmed());
}

void DeviceProfileDialog::useForProject() {
    if (current_.isEmpty()) return;
    projectProfile_ = current_;
    Q_EMIT profileChosen(current_);
    refreshList(current_);
}

void DeviceProfileDialog::done(int result) {
    if (!drafts_.empty() && isVisible()) {
        const auto answer = QMessageBox::question(this, tr("Unsaved profiles"),
                                                  tr("%n profile(s) have edits that are not saved. Close and discard them?", nullptr,
                                                     static_cast<int>(drafts_.size())),
                                                  QMessageBox::Discard | QMessageBox::Cancel);
        if (answer != QMessageBox::Discard) return;
    }
    drafts_.clear();
    QDialog::done(result);
}

} // namespace edgesmith::widgets
