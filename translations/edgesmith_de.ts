<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QObject</name>
    <message numerus="yes">
        <location filename="../widgets/json_tree_model.cpp" line="44"/>
        <source>%n field(s)</source>
        <translation>
            <numerusform>%n Feld</numerusform>
            <numerusform>%n Felder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/json_tree_model.cpp" line="46"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/json_tree_model.cpp" line="55"/>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
</context>
<context>
    <name>edgesmith::gui::MainWindow</name>
    <message>
        <location filename="../app/gui/main_window.cpp" line="45"/>
        <source>EdgeSmith projects (*.edgesmith.json);;JSON files (*.json);;All files (*)</source>
        <translation>EdgeSmith-Projekte (*.edgesmith.json);;JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="96"/>
        <source>&amp;New Project</source>
        <translation>&amp;Neues Projekt</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="98"/>
        <source>Start a project from the Fashion-MNIST MBConv template</source>
        <translation>Ein Projekt aus der Fashion-MNIST-MBConv-Vorlage beginnen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="102"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="105"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="108"/>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="111"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="115"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="118"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="121"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="124"/>
        <source>&amp;About EdgeSmith</source>
        <translation>Ü&amp;ber EdgeSmith</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="127"/>
        <source>&amp;Start Search</source>
        <translation>Suche &amp;starten</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="130"/>
        <source>Run the project&apos;s strategy; candidates appear in the Pareto and Candidates tabs as they are evaluated</source>
        <translation>Führt die Strategie des Projekts aus; Kandidaten erscheinen in den Reitern Pareto und Kandidaten, sobald sie bewertet sind</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="132"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="138"/>
        <source>Paused: evaluations in progress finish, no new ones start</source>
        <translation>Pausiert: laufende Bewertungen werden beendet, neue beginnen nicht</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="138"/>
        <location filename="../app/gui/main_window.cpp" line="215"/>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="140"/>
        <source>&amp;Cancel Search</source>
        <translation>Suche &amp;abbrechen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="150"/>
        <source>Run %1 started</source>
        <translation>Lauf %1 gestartet</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="157"/>
        <source>estimating…</source>
        <translation>wird geschätzt…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="157"/>
        <source>%1 s left</source>
        <translation>noch %1 s</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="157"/>
        <source>%1 min left</source>
        <translation>noch %1 min</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="158"/>
        <source>Searching: %n evaluated, %1</source>
        <translation>
            <numerusform>Suche: %n bewertet, %1</numerusform>
            <numerusform>Suche: %n bewertet, %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="164"/>
        <location filename="../app/gui/main_window.cpp" line="166"/>
        <source>Search %1: %2</source>
        <translation>Suche %1: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="167"/>
        <source>Search failed</source>
        <translation>Suche fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="200"/>
        <location filename="../app/gui/main_window.cpp" line="206"/>
        <source>Cannot start the search</source>
        <translation>Die Suche kann nicht starten</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="200"/>
        <source>The project has %n problem(s); fix those listed in the Project dock first.</source>
        <translation>
            <numerusform>Das Projekt hat %n Problem; beheben Sie zuerst das im Projektbereich aufgeführte.</numerusform>
            <numerusform>Das Projekt hat %n Probleme; beheben Sie zuerst die im Projektbereich aufgeführten.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="206"/>
        <source>Save the project first: its experiment database and relative paths live beside the file.</source>
        <translation>Speichern Sie das Projekt zuerst: seine Experimentdatenbank und relativen Pfade liegen neben der Datei.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="224"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="228"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="236"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="243"/>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="253"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="256"/>
        <source>&amp;Project panel</source>
        <translation>&amp;Projektleiste</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="259"/>
        <source>&amp;Toolbar</source>
        <translation>&amp;Werkzeugleiste</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="262"/>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="272"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="275"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="281"/>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="307"/>
        <source>Search space</source>
        <translation>Suchraum</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="310"/>
        <source>Pareto</source>
        <translation>Pareto</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="316"/>
        <source>Filter by genotype…</source>
        <translation>Nach Genotyp filtern…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="333"/>
        <source>Candidates</source>
        <translation>Kandidaten</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="336"/>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="336"/>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="336"/>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="336"/>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="336"/>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="337"/>
        <source>Params</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="337"/>
        <source>W bits</source>
        <translation>W-Bits</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="337"/>
        <source>A bits</source>
        <translation>A-Bits</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="337"/>
        <source>Pruned</source>
        <translation>Ausgedünnt</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="337"/>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="343"/>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="345"/>
        <source>Pick two or more candidates in the Pareto or Candidates tab to compare them side by side.</source>
        <translation>Wählen Sie im Reiter Pareto oder Kandidaten zwei oder mehr Kandidaten aus, um sie nebeneinander zu vergleichen.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="346"/>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="349"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="354"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="579"/>
        <source>Search running</source>
        <translation>Suche läuft</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="580"/>
        <source>A search is running. Stop it? Every evaluated candidate is kept; the run can be resumed with edgesmith-cli search --resume.</source>
        <translation>Eine Suche läuft. Abbrechen? Alle bewerteten Kandidaten bleiben erhalten; der Lauf lässt sich mit edgesmith-cli search --resume fortsetzen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="178"/>
        <location filename="../app/gui/main_window.cpp" line="213"/>
        <location filename="../app/gui/main_window.cpp" line="355"/>
        <source>%n candidate(s)</source>
        <translation>
            <numerusform>%n Kandidat</numerusform>
            <numerusform>%n Kandidaten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="359"/>
        <source>%v / %m evaluated</source>
        <translation>%v / %m bewertet</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="374"/>
        <source>Untitled project</source>
        <translation>Unbenanntes Projekt</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="375"/>
        <source>New project from the fmnist-mbconv template</source>
        <translation>Neues Projekt aus der Vorlage fmnist-mbconv</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="383"/>
        <location filename="../app/gui/main_window.cpp" line="388"/>
        <source>Cannot open project</source>
        <translation>Projekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="393"/>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="396"/>
        <source>%n problem(s) in the project; see the Project panel</source>
        <translation>
            <numerusform>%n Problem im Projekt; siehe Projektleiste</numerusform>
            <numerusform>%n Probleme im Projekt; siehe Projektleiste</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="424"/>
        <location filename="../app/gui/main_window.cpp" line="428"/>
        <source>Project not saved</source>
        <translation>Projekt nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="425"/>
        <source>The project has problems, so nothing was written:

%1</source>
        <translation>Das Projekt hat Probleme, daher wurde nichts geschrieben:

%1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="436"/>
        <location filename="../app/gui/main_window.cpp" line="437"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="446"/>
        <source>Project is valid</source>
        <translation>Projekt ist gültig</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="447"/>
        <source>%n problem(s) in the project</source>
        <translation>
            <numerusform>%n Problem im Projekt</numerusform>
            <numerusform>%n Probleme im Projekt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="468"/>
        <source>inline space</source>
        <translation>eingebetteter Suchraum</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="472"/>
        <source>template %1</source>
        <translation>Vorlage %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="476"/>
        <source>&lt;i&gt;The project names no readable search space.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Das Projekt nennt keinen lesbaren Suchraum.&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="489"/>
        <source>not saved</source>
        <translation>nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="528"/>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="529"/>
        <source>The project has unsaved changes. Save them first?</source>
        <translation>Das Projekt hat ungespeicherte Änderungen. Zuerst speichern?</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="538"/>
        <source>Open project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="544"/>
        <source>Save project as</source>
        <translation>Projekt speichern unter</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="557"/>
        <source>Settings saved; LibTorch uses %n thread(s)</source>
        <translation>
            <numerusform>Einstellungen gespeichert; LibTorch nutzt %n Thread</numerusform>
            <numerusform>Einstellungen gespeichert; LibTorch nutzt %n Threads</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="562"/>
        <source>About EdgeSmith</source>
        <translation>Über EdgeSmith</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="563"/>
        <source>&lt;h3&gt;EdgeSmith %1&lt;/h3&gt;&lt;p&gt;Automated design and compression of deep learning models for edge devices: architecture search, pruning, quantization, distillation and low-rank decomposition under latency, memory and storage budgets.&lt;/p&gt;&lt;p&gt;LibTorch %2 · %n compute thread(s) · CUDA %3&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;h3&gt;EdgeSmith %1&lt;/h3&gt;&lt;p&gt;Automatischer Entwurf und Kompression von Deep-Learning-Modellen für Edge-Geräte: Architektursuche, Pruning, Quantisierung, Destillation und Niedrigrang-Zerlegung unter Latenz-, Speicher- und Platzbudgets.&lt;/p&gt;&lt;p&gt;LibTorch %2 · %n Rechen-Thread · CUDA %3&lt;/p&gt;</numerusform>
            <numerusform>&lt;h3&gt;EdgeSmith %1&lt;/h3&gt;&lt;p&gt;Automatischer Entwurf und Kompression von Deep-Learning-Modellen für Edge-Geräte: Architektursuche, Pruning, Quantisierung, Destillation und Niedrigrang-Zerlegung unter Latenz-, Speicher- und Platzbudgets.&lt;/p&gt;&lt;p&gt;LibTorch %2 · %n Rechen-Threads · CUDA %3&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="570"/>
        <source>available</source>
        <translation>verfügbar</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="570"/>
        <source>not available</source>
        <translation>nicht verfügbar</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::CandidateTableModel</name>
    <message>
        <location filename="../widgets/candidate_table_model.cpp" line="56"/>
        <source>Genotype</source>
        <translation>Genotyp</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::JsonTreeModel</name>
    <message>
        <location filename="../widgets/json_tree_model.cpp" line="157"/>
        <source>Default: %1</source>
        <translation>Standard: %1</translation>
    </message>
    <message>
        <location filename="../widgets/json_tree_model.cpp" line="239"/>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <location filename="../widgets/json_tree_model.cpp" line="239"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::LogView</name>
    <message>
        <location filename="../widgets/log_view.cpp" line="16"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../widgets/log_view.cpp" line="16"/>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location filename="../widgets/log_view.cpp" line="16"/>
        <source>info</source>
        <translation>Info</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::ParetoView</name>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="40"/>
        <source>X axis:</source>
        <translation>X-Achse:</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="43"/>
        <source>Y axis:</source>
        <translation>Y-Achse:</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="58"/>
        <source>No candidates yet.
Run a search to see the accuracy–cost trade-off here.</source>
        <translation>Noch keine Kandidaten.
Starten Sie eine Suche, um hier den Kompromiss zwischen Genauigkeit und Kosten zu sehen.</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="68"/>
        <source>dominated</source>
        <translation>dominiert</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="72"/>
        <source>Pareto front</source>
        <translation>Pareto-Front</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::ProjectPanel</name>
    <message>
        <location filename="../widgets/project_panel.cpp" line="77"/>
        <source>No problems: the project is valid.</source>
        <translation>Keine Probleme: Das Projekt ist gültig.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/project_panel.cpp" line="78"/>
        <source>%n problem(s) — nothing is saved until they are fixed:</source>
        <translation>
            <numerusform>%n Problem – gespeichert wird erst nach der Behebung:</numerusform>
            <numerusform>%n Probleme – gespeichert wird erst nach der Behebung:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::SettingsDialog</name>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="21"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="26"/>
        <source>All cores (%1)</source>
        <translation>Alle Kerne (%1)</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="28"/>
        <source>Intra-op threads for training and inference</source>
        <translation>Intra-Op-Threads für Training und Inferenz</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="31"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/settings_dialog.cpp" line="32"/>
        <source>CUDA (%n GPU(s))</source>
        <translation>
            <numerusform>CUDA (%n GPU)</numerusform>
            <numerusform>CUDA (%n GPUs)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="34"/>
        <source>No CUDA device was found by LibTorch %1</source>
        <translation>LibTorch %1 hat kein CUDA-Gerät gefunden</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="38"/>
        <source>Beside each project file</source>
        <translation>Neben jeder Projektdatei</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="39"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="41"/>
        <source>Default database folder</source>
        <translation>Standardordner für Datenbanken</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="49"/>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="56"/>
        <source>Threads:</source>
        <translation>Threads:</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="57"/>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="58"/>
        <source>Database folder:</source>
        <translation>Datenbankordner:</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="59"/>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="60"/>
        <source>A new language takes effect the next time EdgeSmith starts.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von EdgeSmith.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="37"/>
        <source>EdgeSmith workbench: design and compress models for edge devices</source>
        <translation>EdgeSmith-Werkbank: Modelle für Edge-Geräte entwerfen und komprimieren</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="40"/>
        <source>Project file to open (default: the last one, else the default project)</source>
        <translation>Zu öffnende Projektdatei (Standard: die zuletzt geöffnete, sonst das Standardprojekt)</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="41"/>
        <source>Save a PNG of the window and quit</source>
        <translation>Ein PNG des Fensters speichern und beenden</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="42"/>
        <source>Interface language: en, de, zh_CN</source>
        <translation>Sprache der Oberfläche: en, de, zh_CN</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="43"/>
        <source>Window size, e.g. 1400x860</source>
        <translation>Fenstergröße, z. B. 1400x860</translation>
    </message>
</context>
</TS>
