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
        <location filename="../app/gui/main_window.cpp" line="76"/>
        <source>EdgeSmith projects (*.edgesmith.json);;JSON files (*.json);;All files (*)</source>
        <translation>EdgeSmith-Projekte (*.edgesmith.json);;JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="126"/>
        <source>&amp;New Project</source>
        <translation>&amp;Neues Projekt</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="128"/>
        <source>Start a project from the Fashion-MNIST MBConv template</source>
        <translation>Ein Projekt aus der Fashion-MNIST-MBConv-Vorlage beginnen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="132"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="135"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="138"/>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="141"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="147"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="150"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="156"/>
        <source>Undo %1</source>
        <translation>%1 rückgängig machen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="156"/>
        <source>Nothing to undo</source>
        <translation>Nichts rückgängig zu machen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="157"/>
        <source>Redo %1</source>
        <translation>%1 wiederholen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="157"/>
        <source>Nothing to redo</source>
        <translation>Nichts zu wiederholen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="164"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="167"/>
        <source>&amp;About EdgeSmith</source>
        <translation>Ü&amp;ber EdgeSmith</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="170"/>
        <source>&amp;Start Search</source>
        <translation>Suche &amp;starten</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="173"/>
        <source>Run the project&apos;s strategy; candidates appear in the Pareto and Candidates tabs as they are evaluated</source>
        <translation>Führt die Strategie des Projekts aus; Kandidaten erscheinen in den Reitern Pareto und Kandidaten, sobald sie bewertet sind</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="175"/>
        <source>Start Search &amp;With…</source>
        <translation>Suche starten &amp;mit…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="178"/>
        <source>Choose the strategy, estimator, objectives and budget, then start</source>
        <translation>Strategie, Schätzer, Ziele und Budget wählen, dann starten</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="180"/>
        <source>Res&amp;ume Run</source>
        <translation>Lauf &amp;fortsetzen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="182"/>
        <source>Continue the run selected in the Runs tab from its last committed candidate</source>
        <translation>Den im Reiter Läufe gewählten Lauf ab seinem letzten gespeicherten Kandidaten fortsetzen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="188"/>
        <source>&amp;Compress Selected Candidate…</source>
        <translation>Gewählten Kandidaten &amp;komprimieren…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="190"/>
        <source>Search a mixed-precision, pruning or low-rank policy for the selected candidate, or run the project&apos;s pipeline</source>
        <translation>Eine Mixed-Precision-, Pruning- oder Low-Rank-Strategie für den gewählten Kandidaten suchen oder die Pipeline des Projekts ausführen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="192"/>
        <source>&amp;Export Selected Candidate…</source>
        <translation>Gewählten Kandidaten &amp;exportieren…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="195"/>
        <source>Write the selected candidate as ONNX (float or int8), a LibTorch archive, JSON or C arrays</source>
        <translation>Den gewählten Kandidaten als ONNX (Float oder int8), LibTorch-Archiv, JSON oder C-Arrays schreiben</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="197"/>
        <source>Export Run &amp;Report…</source>
        <translation>&amp;Bericht des Laufs exportieren…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="199"/>
        <source>Write an HTML page (Pareto plot, front, layers, curves) and a CSV of the shown run</source>
        <translation>Eine HTML-Seite (Pareto-Diagramm, Front, Schichten, Kurven) und eine CSV-Datei des angezeigten Laufs schreiben</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="201"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="207"/>
        <source>Paused: evaluations in progress finish, no new ones start</source>
        <translation>Pausiert: laufende Bewertungen werden beendet, neue beginnen nicht</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="207"/>
        <location filename="../app/gui/main_window.cpp" line="833"/>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="209"/>
        <source>&amp;Cancel Search</source>
        <translation>Suche &amp;abbrechen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="212"/>
        <source>&amp;Device profiles…</source>
        <translation>&amp;Geräteprofile…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="214"/>
        <source>Look at, edit and choose the device profiles the project&apos;s latency and memory are modelled for</source>
        <translation>Die Geräteprofile ansehen, bearbeiten und auswählen, für die Latenz und Speicher des Projekts modelliert werden</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="216"/>
        <source>&amp;Measure on a Device…</source>
        <translation>&amp;Auf einem Gerät messen…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="218"/>
        <source>Write a kit of networks to time on your device, import its results, and fit a latency model to them</source>
        <translation>Schreibt ein Messpaket mit Netzen, die auf Ihrem Gerät gemessen werden, importiert die Ergebnisse und passt ein Latenzmodell an sie an</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="220"/>
        <source>Run on C&amp;luster…</source>
        <translation>Auf C&amp;luster ausführen…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="222"/>
        <source>Write the sbatch script that runs the saved project&apos;s search on Slurm nodes with MPI, submit it, and follow its run</source>
        <translation>Das sbatch-Skript schreiben, das die Suche des gespeicherten Projekts mit MPI auf Slurm-Knoten ausführt, es abschicken und seinem Lauf folgen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="237"/>
        <source>Run %1 started</source>
        <translation>Lauf %1 gestartet</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="245"/>
        <source>estimating…</source>
        <translation>wird geschätzt…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="245"/>
        <source>%1 s left</source>
        <translation>noch %1 s</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="245"/>
        <source>%1 min left</source>
        <translation>noch %1 min</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="246"/>
        <source>Searching: %n evaluated, %1</source>
        <translation>
            <numerusform>Suche: %n bewertet, %1</numerusform>
            <numerusform>Suche: %n bewertet, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Search %1: %2</source>
        <translation type="vanished">Suche %1: %2</translation>
    </message>
    <message>
        <source>Search failed</source>
        <translation type="vanished">Suche fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="289"/>
        <location filename="../app/gui/main_window.cpp" line="305"/>
        <source>Cannot compress</source>
        <translation>Komprimieren nicht möglich</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="289"/>
        <source>Select one candidate in the table or the Pareto plot first.</source>
        <translation>Wählen Sie zuerst einen Kandidaten in der Tabelle oder im Pareto-Diagramm.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="305"/>
        <source>The project must be valid and saved: the compression run goes to its experiment database.</source>
        <translation>Das Projekt muss gültig und gespeichert sein: Der Kompressionslauf wird in seine Experimentdatenbank geschrieben.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="314"/>
        <source>Compression</source>
        <translation>Kompression</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="315"/>
        <source>Compressing %1…</source>
        <translation>%1 wird komprimiert…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="328"/>
        <location filename="../app/gui/main_window.cpp" line="332"/>
        <location filename="../app/gui/main_window.cpp" line="336"/>
        <location filename="../app/gui/main_window.cpp" line="344"/>
        <location filename="../app/gui/main_window.cpp" line="361"/>
        <location filename="../app/gui/main_window.cpp" line="380"/>
        <source>Cannot export</source>
        <translation>Exportieren nicht möglich</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="328"/>
        <source>Select one candidate of a run in the table or the Pareto plot first.</source>
        <translation>Wählen Sie zuerst einen Kandidaten eines Laufs in der Tabelle oder im Pareto-Diagramm.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="332"/>
        <source>Save the project first: exports read its store and data.</source>
        <translation>Speichern Sie zuerst das Projekt: Exporte lesen seine Datenbank und Daten.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="336"/>
        <source>The project must be valid: exports train with its settings and data.</source>
        <translation>Das Projekt muss gültig sein: Exporte trainieren mit seinen Einstellungen und Daten.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="361"/>
        <source>Open a saved project and show one of its runs first.</source>
        <translation>Öffnen Sie zuerst ein gespeichertes Projekt und zeigen Sie einen seiner Läufe an.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="365"/>
        <source>Export Run Report</source>
        <translation>Bericht des Laufs exportieren</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="365"/>
        <source>HTML pages (*.html)</source>
        <translation>HTML-Seiten (*.html)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="380"/>
        <source>The project must be valid and saved: exports read its store and data.</source>
        <translation>Das Projekt muss gültig und gespeichert sein: Exporte lesen seine Datenbank und Daten.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="384"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="385"/>
        <source>Exporting candidate %1 of run %2…</source>
        <translation>Kandidat %1 von Lauf %2 wird exportiert…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="585"/>
        <source>Cannot show run %1</source>
        <translation>Lauf %1 kann nicht angezeigt werden</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="592"/>
        <source>Showing run %1: %n candidate(s)</source>
        <translation>
            <numerusform>Lauf %1 wird angezeigt: %n Kandidat</numerusform>
            <numerusform>Lauf %1 wird angezeigt: %n Kandidaten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="633"/>
        <source>Search settings</source>
        <translation>Sucheinstellungen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="647"/>
        <source>Device profile %1</source>
        <translation>Geräteprofil %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="651"/>
        <source>Saved device profile %1</source>
        <translation>Geräteprofil %1 gespeichert</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="661"/>
        <location filename="../app/gui/main_window.cpp" line="668"/>
        <source>Cannot measure on a device</source>
        <translation>Messen auf einem Gerät nicht möglich</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="661"/>
        <source>Save the project first: the measurements and the fitted model are kept beside the project file.</source>
        <translation>Speichern Sie zuerst das Projekt: Die Messungen und das angepasste Modell werden neben der Projektdatei abgelegt.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="668"/>
        <source>The project has problems; fix them first:

%1</source>
        <translation>Das Projekt hat Probleme; beheben Sie diese zuerst:

%1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="677"/>
        <source>Device latency model of %1</source>
        <translation>Geräte-Latenzmodell von %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="680"/>
        <source>Wrote a measurement kit of %1 networks to %2</source>
        <translation>Messpaket mit %1 Netzen nach %2 geschrieben</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="683"/>
        <source>Imported device measurements into %1</source>
        <translation>Gerätemessungen nach %1 importiert</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="687"/>
        <source>Kept the device latency model %1</source>
        <translation>Geräte-Latenzmodell %1 behalten</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="699"/>
        <location filename="../app/gui/main_window.cpp" line="707"/>
        <location filename="../app/gui/main_window.cpp" line="710"/>
        <source>Cannot run on a cluster</source>
        <translation>Ausführung auf dem Cluster nicht möglich</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="699"/>
        <source>Save the project first: the cluster job reads the project file and writes the database beside it.</source>
        <translation>Speichern Sie zuerst das Projekt: Der Cluster-Job liest die Projektdatei und schreibt die Datenbank daneben.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="707"/>
        <source>The saved project has problems:

%1</source>
        <translation>Das gespeicherte Projekt hat Probleme:

%1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="716"/>
        <source>Submitted %1 as cluster job %2</source>
        <translation>%1 als Cluster-Job %2 abgeschickt</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="730"/>
        <source>The cluster job uses the project as saved, without the unsaved changes</source>
        <translation>Der Cluster-Job verwendet das Projekt wie gespeichert, ohne die ungespeicherten Änderungen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="734"/>
        <source>The cluster job reads the project file, which does not have the unsaved changes. Save them first?</source>
        <translation>Der Cluster-Job liest die Projektdatei, in der die ungespeicherten Änderungen fehlen. Zuerst speichern?</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="736"/>
        <source>Use the Saved File</source>
        <translation>Gespeicherte Datei verwenden</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="757"/>
        <source>Following cluster job %1: waiting for its run to start</source>
        <translation>Cluster-Job %1 wird verfolgt: Warten auf den Start seines Laufs</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="762"/>
        <source>Following cluster job %1: %n candidate(s)</source>
        <translation>
            <numerusform>Cluster-Job %1 wird verfolgt: %n Kandidat</numerusform>
            <numerusform>Cluster-Job %1 wird verfolgt: %n Kandidaten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="764"/>
        <source>Cluster job %1: run %2 %3, %n candidate(s)</source>
        <translation>
            <numerusform>Cluster-Job %1: Lauf %2 %3, %n Kandidat</numerusform>
            <numerusform>Cluster-Job %1: Lauf %2 %3, %n Kandidaten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="776"/>
        <source>Stopped following cluster job %1</source>
        <translation>Verfolgung von Cluster-Job %1 beendet</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="810"/>
        <source>Resuming run %1…</source>
        <translation>Lauf %1 wird fortgesetzt…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="820"/>
        <location filename="../app/gui/main_window.cpp" line="826"/>
        <source>Cannot start the search</source>
        <translation>Die Suche kann nicht starten</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="820"/>
        <source>The project has %n problem(s); fix those listed in the Project dock first.</source>
        <translation>
            <numerusform>Das Projekt hat %n Problem; beheben Sie zuerst das im Projektbereich aufgeführte.</numerusform>
            <numerusform>Das Projekt hat %n Probleme; beheben Sie zuerst die im Projektbereich aufgeführten.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="826"/>
        <source>Save the project first: its experiment database and relative paths live beside the file.</source>
        <translation>Speichern Sie das Projekt zuerst: seine Experimentdatenbank und relativen Pfade liegen neben der Datei.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="842"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="846"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="854"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="861"/>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="871"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="874"/>
        <source>&amp;Project panel</source>
        <translation>&amp;Projektleiste</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="877"/>
        <source>&amp;Toolbar</source>
        <translation>&amp;Werkzeugleiste</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="880"/>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="898"/>
        <source>&amp;Hardware</source>
        <translation>&amp;Hardware</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="903"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="906"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="912"/>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="936"/>
        <source>Search space</source>
        <translation>Suchraum</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="946"/>
        <source>Pareto</source>
        <translation>Pareto</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="961"/>
        <source>Filter by genotype…</source>
        <translation>Nach Genotyp filtern…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="965"/>
        <source>All candidates</source>
        <translation>Alle Kandidaten</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="966"/>
        <source>Pareto front</source>
        <translation>Pareto-Front</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="967"/>
        <source>Evaluated</source>
        <translation>Bewertet</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="968"/>
        <source>Outside the budgets</source>
        <translation>Außerhalb der Budgets</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="969"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="970"/>
        <location filename="../app/gui/main_window.cpp" line="989"/>
        <source>Copy as CSV</source>
        <translation>Als CSV kopieren</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="972"/>
        <source>Copy the selected rows (all shown rows when none is selected) as CSV (Ctrl+C)</source>
        <translation>Die ausgewählten Zeilen (ohne Auswahl alle angezeigten) als CSV kopieren (Strg+C)</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="1000"/>
        <source>Copied %n candidate(s) as CSV</source>
        <translation>
            <numerusform>%n Kandidat als CSV kopiert</numerusform>
            <numerusform>%n Kandidaten als CSV kopiert</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1018"/>
        <source>Candidates</source>
        <translation>Kandidaten</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation type="vanished">Schicht</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="vanished">Operator</translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="vanished">Eingabe</translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="vanished">Ausgabe</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation type="vanished">MACs</translation>
    </message>
    <message>
        <source>Params</source>
        <translation type="vanished">Parameter</translation>
    </message>
    <message>
        <source>W bits</source>
        <translation type="vanished">W-Bits</translation>
    </message>
    <message>
        <source>A bits</source>
        <translation type="vanished">A-Bits</translation>
    </message>
    <message>
        <source>Pruned</source>
        <translation type="vanished">Ausgedünnt</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="vanished">Rang</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1021"/>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Pick two or more candidates in the Pareto or Candidates tab to compare them side by side.</source>
        <translation type="vanished">Wählen Sie im Reiter Pareto oder Kandidaten zwei oder mehr Kandidaten aus, um sie nebeneinander zu vergleichen.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1024"/>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1063"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1068"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1216"/>
        <source>The project names no readable search space.</source>
        <translation>Das Projekt nennt keinen lesbaren Suchraum.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1314"/>
        <source>Search running</source>
        <translation>Suche läuft</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1315"/>
        <source>A search is running. Stop it? Every evaluated candidate is kept; the run can be resumed with edgesmith-cli search --resume.</source>
        <translation>Eine Suche läuft. Abbrechen? Alle bewerteten Kandidaten bleiben erhalten; der Lauf lässt sich mit edgesmith-cli search --resume fortsetzen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="414"/>
        <location filename="../app/gui/main_window.cpp" line="431"/>
        <location filename="../app/gui/main_window.cpp" line="1070"/>
        <source>%n candidate(s)</source>
        <translation>
            <numerusform>%n Kandidat</numerusform>
            <numerusform>%n Kandidaten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="252"/>
        <source>, %1 s left</source>
        <translation>, noch %1 s</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="252"/>
        <source>, %1 min left</source>
        <translation>, noch %1 min</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="254"/>
        <source>Training the supernet</source>
        <translation>Supernetz wird trainiert</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="255"/>
        <source>%1: %2 % done%3</source>
        <translation>%1: %2 % erledigt%3</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="263"/>
        <location filename="../app/gui/main_window.cpp" line="809"/>
        <location filename="../app/gui/main_window.cpp" line="832"/>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="264"/>
        <location filename="../app/gui/main_window.cpp" line="265"/>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="267"/>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1027"/>
        <source>Architecture weights</source>
        <translation>Architekturgewichte</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1039"/>
        <source>Show run</source>
        <translation>Lauf anzeigen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1041"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1050"/>
        <source>Runs of this project&apos;s experiment database. Double-click one to show it in the Pareto, Candidates and Layers tabs.</source>
        <translation>Läufe der Experimentdatenbank dieses Projekts. Doppelklick zeigt einen Lauf in den Reitern Pareto, Kandidaten und Schichten.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1060"/>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1074"/>
        <source>%v / %m evaluated</source>
        <translation>%v / %m bewertet</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1095"/>
        <source>Untitled project</source>
        <translation>Unbenanntes Projekt</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1096"/>
        <source>New project from the fmnist-mbconv template</source>
        <translation>Neues Projekt aus der Vorlage fmnist-mbconv</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1104"/>
        <location filename="../app/gui/main_window.cpp" line="1109"/>
        <source>Cannot open project</source>
        <translation>Projekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1117"/>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="1120"/>
        <source>%n problem(s) in the project; see the Project panel</source>
        <translation>
            <numerusform>%n Problem im Projekt; siehe Projektleiste</numerusform>
            <numerusform>%n Probleme im Projekt; siehe Projektleiste</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1126"/>
        <source>Stopped following cluster job %1: the project was closed</source>
        <translation>Verfolgung von Cluster-Job %1 beendet: Das Projekt wurde geschlossen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1153"/>
        <location filename="../app/gui/main_window.cpp" line="1157"/>
        <source>Project not saved</source>
        <translation>Projekt nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1154"/>
        <source>The project has problems, so nothing was written:

%1</source>
        <translation>Das Projekt hat Probleme, daher wurde nichts geschrieben:

%1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1166"/>
        <location filename="../app/gui/main_window.cpp" line="1167"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1176"/>
        <source>Project is valid</source>
        <translation>Projekt ist gültig</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="1177"/>
        <source>%n problem(s) in the project</source>
        <translation>
            <numerusform>%n Problem im Projekt</numerusform>
            <numerusform>%n Probleme im Projekt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1209"/>
        <source>inline space</source>
        <translation>eingebetteter Suchraum</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1213"/>
        <source>template %1</source>
        <translation>Vorlage %1</translation>
    </message>
    <message>
        <source>&lt;i&gt;The project names no readable search space.&lt;/i&gt;</source>
        <translation type="vanished">&lt;i&gt;Das Projekt nennt keinen lesbaren Suchraum.&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1224"/>
        <source>not saved</source>
        <translation>nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="733"/>
        <location filename="../app/gui/main_window.cpp" line="1263"/>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1264"/>
        <source>The project has unsaved changes. Save them first?</source>
        <translation>Das Projekt hat ungespeicherte Änderungen. Zuerst speichern?</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1273"/>
        <source>Open project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1279"/>
        <source>Save project as</source>
        <translation>Projekt speichern unter</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="1292"/>
        <source>Settings saved; LibTorch uses %n thread(s)</source>
        <translation>
            <numerusform>Einstellungen gespeichert; LibTorch nutzt %n Thread</numerusform>
            <numerusform>Einstellungen gespeichert; LibTorch nutzt %n Threads</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1297"/>
        <source>About EdgeSmith</source>
        <translation>Über EdgeSmith</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="1298"/>
        <source>&lt;h3&gt;EdgeSmith %1&lt;/h3&gt;&lt;p&gt;Automated design and compression of deep learning models for edge devices: architecture search, pruning, quantization, distillation and low-rank decomposition under latency, memory and storage budgets.&lt;/p&gt;&lt;p&gt;LibTorch %2 · %n compute thread(s) · CUDA %3&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;h3&gt;EdgeSmith %1&lt;/h3&gt;&lt;p&gt;Automatischer Entwurf und Kompression von Deep-Learning-Modellen für Edge-Geräte: Architektursuche, Pruning, Quantisierung, Destillation und Niedrigrang-Zerlegung unter Latenz-, Speicher- und Platzbudgets.&lt;/p&gt;&lt;p&gt;LibTorch %2 · %n Rechen-Thread · CUDA %3&lt;/p&gt;</numerusform>
            <numerusform>&lt;h3&gt;EdgeSmith %1&lt;/h3&gt;&lt;p&gt;Automatischer Entwurf und Kompression von Deep-Learning-Modellen für Edge-Geräte: Architektursuche, Pruning, Quantisierung, Destillation und Niedrigrang-Zerlegung unter Latenz-, Speicher- und Platzbudgets.&lt;/p&gt;&lt;p&gt;LibTorch %2 · %n Rechen-Threads · CUDA %3&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1305"/>
        <source>available</source>
        <translation>verfügbar</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1305"/>
        <source>not available</source>
        <translation>nicht verfügbar</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::ArchitectureWeightsView</name>
    <message>
        <location filename="../widgets/architecture_weights_view.cpp" line="25"/>
        <source>Select a candidate of a differentiable search (edgesmith-cli differentiable --record) to see how its architecture weights, softmax(α) of every option, moved epoch by epoch.</source>
        <translation>Wählen Sie einen Kandidaten einer differenzierbaren Suche (edgesmith-cli differentiable --record), um zu sehen, wie sich seine Architekturgewichte, softmax(α) jeder Option, Epoche für Epoche entwickelt haben.</translation>
    </message>
    <message>
        <location filename="../widgets/architecture_weights_view.cpp" line="29"/>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location filename="../widgets/architecture_weights_view.cpp" line="75"/>
        <source>softmax(α)</source>
        <translation>softmax(α)</translation>
    </message>
    <message>
        <location filename="../widgets/architecture_weights_view.cpp" line="108"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: softmax(α) per option, %2 epochs; cost %3, derived %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: softmax(α) je Option, %2 Epochen; Kosten %3, abgeleitet %4</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::CandidateTableModel</name>
    <message>
        <location filename="../widgets/candidate_table_model.cpp" line="108"/>
        <source>On the Pareto front of the project&apos;s objectives</source>
        <translation>Auf der Pareto-Front der Projektziele</translation>
    </message>
    <message>
        <location filename="../widgets/candidate_table_model.cpp" line="115"/>
        <source>Genotype</source>
        <translation>Genotyp</translation>
    </message>
    <message>
        <location filename="../widgets/candidate_table_model.cpp" line="116"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../widgets/candidate_table_model.cpp" line="117"/>
        <source>Pareto</source>
        <translation>Pareto</translation>
    </message>
    <message>
        <location filename="../widgets/candidate_table_model.cpp" line="118"/>
        <source>Generation</source>
        <translation>Generation</translation>
    </message>
    <message>
        <location filename="../widgets/candidate_table_model.cpp" line="119"/>
        <source>Time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::ClusterDialog</name>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="69"/>
        <source>Run on cluster</source>
        <translation>Auf dem Cluster ausführen</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="70"/>
        <source>Runs the project&apos;s search on a Slurm allocation: every rank starts edgesmith-cli with the MPI executor. The job may be requeued (node failure, time limit) and then continues the same run from the database.</source>
        <translation>Führt die Suche des Projekts auf einer Slurm-Allokation aus: Jeder Rang startet edgesmith-cli mit dem MPI-Executor. Der Job kann erneut eingereiht werden (Knotenausfall, Zeitlimit) und setzt dann denselben Lauf aus der Datenbank fort.</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="81"/>
        <source>&lt;b&gt;sbatch script&lt;/b&gt;</source>
        <translation>&lt;b&gt;sbatch-Skript&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="92"/>
        <source>Nodes the job allocates (#SBATCH --nodes)</source>
        <translation>Knoten, die der Job belegt (#SBATCH --nodes)</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="93"/>
        <source>Ranks per node that train and score candidates; automatic: one per GPU, else 2</source>
        <translation>Ränge pro Knoten, die Kandidaten trainieren und bewerten; automatisch: einer pro GPU, sonst 2</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="94"/>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="95"/>
        <source>Cores per rank (#SBATCH --cpus-per-task): the training threads of each evaluation</source>
        <translation>Kerne pro Rang (#SBATCH --cpus-per-task): die Trainings-Threads jeder Bewertung</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="96"/>
        <source>GPUs per node (#SBATCH --gpus-per-node); each evaluating rank takes the GPU of its place on the node</source>
        <translation>GPUs pro Knoten (#SBATCH --gpus-per-node); jeder bewertende Rang nimmt die GPU seines Platzes auf dem Knoten</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="97"/>
        <source>Candidates to evaluate (search --budget); 0 keeps the strategy&apos;s own</source>
        <translation>Zu bewertende Kandidaten (search --budget); 0 behält den Wert der Strategie</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="98"/>
        <source>the strategy&apos;s own</source>
        <translation>wie in der Strategie</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="100"/>
        <source>Slurm time limit: HH:MM:SS, D-HH:MM:SS or minutes. The job requeues itself shortly before it and continues the run.</source>
        <translation>Slurm-Zeitlimit: HH:MM:SS, D-HH:MM:SS (D: Tage) oder Minuten. Kurz davor reiht sich der Job selbst wieder ein und setzt den Lauf fort.</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="102"/>
        <source>the cluster&apos;s default</source>
        <translation>Standard des Clusters</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="103"/>
        <source>Slurm partition (#SBATCH --partition); empty: the cluster&apos;s default</source>
        <translation>Slurm-Partition (#SBATCH --partition); leer: Standard des Clusters</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="105"/>
        <source>srun (Slurm, --mpi=pmix)</source>
        <translation>srun (Slurm, --mpi=pmix)</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="106"/>
        <source>mpirun (OpenMPI)</source>
        <translation>mpirun (OpenMPI)</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="107"/>
        <source>How the ranks are started: srun with the PMIx plugin, or OpenMPI&apos;s mpirun inside the allocation</source>
        <translation>Wie die Ränge gestartet werden: srun mit dem PMIx-Plugin oder mpirun von OpenMPI innerhalb der Allokation</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="108"/>
        <source>Rank 0 shares the evaluating ranks&apos; cores (--overcommit)</source>
        <translation>Rang 0 teilt die Kerne der auswertenden Ränge (--overcommit)</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="109"/>
        <source>Rank 0 mostly waits for results: without this the job asks for one more core than the evaluating ranks use</source>
        <translation>Rang 0 wartet meist auf Ergebnisse: ohne diese Option fordert der Job einen Kern mehr an, als die auswertenden Ränge nutzen</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="120"/>
        <source>The edgesmith-cli the ranks run: the nodes must see it at this path</source>
        <translation>Das edgesmith-cli, das die Ränge ausführen: Die Knoten müssen es unter diesem Pfad sehen</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="123"/>
        <source>(not found here: the nodes must have it on PATH)</source>
        <translation>(hier nicht gefunden: Die Knoten müssen es im PATH haben)</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="154"/>
        <source>&amp;Nodes</source>
        <translation>&amp;Knoten</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="155"/>
        <source>&amp;Evaluating ranks per node</source>
        <translation>Bewertende &amp;Ränge pro Knoten</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="156"/>
        <source>&amp;Cores per rank</source>
        <translation>K&amp;erne pro Rang</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="157"/>
        <source>&amp;GPUs per node</source>
        <translation>&amp;GPUs pro Knoten</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="158"/>
        <source>&amp;Time limit</source>
        <translation>&amp;Zeitlimit</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="159"/>
        <source>&amp;Partition</source>
        <translation>&amp;Partition</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="160"/>
        <source>&amp;Launcher</source>
        <translation>&amp;Launcher</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="161"/>
        <source>Search &amp;budget</source>
        <translation>Such&amp;budget</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="163"/>
        <location filename="../widgets/cluster_dialog.cpp" line="213"/>
        <source>Program</source>
        <translation>Programm</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="172"/>
        <source>&amp;Save script…</source>
        <translation>Skript &amp;speichern…</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="174"/>
        <source>S&amp;ubmit</source>
        <translation>&amp;Abschicken</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="176"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="205"/>
        <source>Nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="206"/>
        <source>Evaluating ranks per node</source>
        <translation>Bewertende Ränge pro Knoten</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="207"/>
        <source>Cores per rank</source>
        <translation>Kerne pro Rang</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="208"/>
        <source>GPUs per node</source>
        <translation>GPUs pro Knoten</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="209"/>
        <source>Time limit</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="210"/>
        <source>Partition</source>
        <translation>Partition</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="211"/>
        <source>Launcher</source>
        <translation>Launcher</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="212"/>
        <source>Search budget</source>
        <translation>Suchbudget</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="225"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="234"/>
        <source>%1 ranks on one node</source>
        <translation>%1 Ränge auf einem Knoten</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="234"/>
        <source>%1 ranks on %2 nodes</source>
        <translation>%1 Ränge auf %2 Knoten</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="235"/>
        <source>%1: rank 0 runs the search strategy and the database on the first node, the other %2 evaluate candidates.</source>
        <translation>%1: Rang 0 führt die Suchstrategie und die Datenbank auf dem ersten Knoten aus, die übrigen %2 bewerten Kandidaten.</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="246"/>
        <source>Write the script, executable, to a file of your choice (default %1)</source>
        <translation>Das Skript als ausführbare Datei an einem wählbaren Ort speichern (Vorgabe %1)</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="247"/>
        <location filename="../widgets/cluster_dialog.cpp" line="251"/>
        <source>Fix the field named in red first</source>
        <translation>Zuerst das rot genannte Feld korrigieren</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="250"/>
        <source>sbatch is not on PATH: this machine cannot submit to Slurm. Save the script and run sbatch on the cluster&apos;s login node.</source>
        <translation>sbatch ist nicht im PATH: Dieser Rechner kann keine Jobs an Slurm schicken. Das Skript speichern und auf dem Login-Knoten des Clusters mit sbatch abschicken.</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="252"/>
        <source>Save the script as %1 and submit it with sbatch; the window then follows the run</source>
        <translation>Das Skript als %1 speichern und mit sbatch abschicken; das Fenster verfolgt dann den Lauf</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="256"/>
        <source>Save sbatch script</source>
        <translation>sbatch-Skript speichern</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="256"/>
        <source>Slurm scripts (*.sbatch *.sh);;All files (*)</source>
        <translation>Slurm-Skripte (*.sbatch *.sh);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="269"/>
        <source>Script not saved</source>
        <translation>Skript nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="276"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="291"/>
        <source>Submitting %1…</source>
        <translation>%1 wird abgeschickt…</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="309"/>
        <source>Submitted job %1. The main window follows its run in the project&apos;s database.</source>
        <translation>Job %1 abgeschickt. Das Hauptfenster verfolgt seinen Lauf in der Datenbank des Projekts.</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="314"/>
        <source>sbatch exited with status %1 and said nothing</source>
        <translation>sbatch endete mit Status %1 ohne Meldung</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="315"/>
        <source>sbatch did not accept the job: %1</source>
        <translation>sbatch hat den Job nicht angenommen: %1</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="316"/>
        <source>Job not submitted</source>
        <translation>Job nicht abgeschickt</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::CompareView</name>
    <message>
        <location filename="../widgets/compare_view.cpp" line="34"/>
        <source>Pick two to four candidates to compare them side by side: Ctrl+click rows in the Candidates table, or Shift+drag a rectangle in the Pareto plot.</source>
        <translation>Wählen Sie zwei bis vier Kandidaten, um sie nebeneinander zu vergleichen: Strg+Klick auf Zeilen der Kandidatentabelle oder Umschalt+Ziehen eines Rechtecks im Pareto-Diagramm.</translation>
    </message>
    <message>
        <location filename="../widgets/compare_view.cpp" line="41"/>
        <source>MACs per layer</source>
        <translation>MACs je Schicht</translation>
    </message>
    <message>
        <location filename="../widgets/compare_view.cpp" line="47"/>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location filename="../widgets/compare_view.cpp" line="48"/>
        <source>Validation accuracy (%)</source>
        <translation>Validierungsgenauigkeit (%)</translation>
    </message>
    <message>
        <location filename="../widgets/compare_view.cpp" line="59"/>
        <source>Metrics and layers</source>
        <translation>Metriken und Schichten</translation>
    </message>
    <message>
        <location filename="../widgets/compare_view.cpp" line="60"/>
        <source>Training curves</source>
        <translation>Trainingskurven</translation>
    </message>
    <message>
        <location filename="../widgets/compare_view.cpp" line="61"/>
        <source>Confusion matrices</source>
        <translation>Konfusionsmatrizen</translation>
    </message>
    <message>
        <location filename="../widgets/compare_view.cpp" line="93"/>
        <location filename="../widgets/compare_view.cpp" line="165"/>
        <location filename="../widgets/compare_view.cpp" line="203"/>
        <source>Candidate %1</source>
        <translation>Kandidat %1</translation>
    </message>
    <message>
        <location filename="../widgets/compare_view.cpp" line="95"/>
        <source>Genotype</source>
        <translation>Genotyp</translation>
    </message>
    <message>
        <location filename="../widgets/compare_view.cpp" line="104"/>
        <source>Accuracy from</source>
        <translation>Genauigkeit aus</translation>
    </message>
    <message>
        <location filename="../widgets/compare_view.cpp" line="107"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../widgets/compare_view.cpp" line="225"/>
        <source>Candidate %1: predicted</source>
        <translation>Kandidat %1: vorhergesagt</translation>
    </message>
    <message>
        <location filename="../widgets/compare_view.cpp" line="226"/>
        <source>true class</source>
        <translation>wahre Klasse</translation>
    </message>
    <message>
        <location filename="../widgets/compare_view.cpp" line="248"/>
        <source>No confusion matrices: they are stored for candidates trained on data.</source>
        <translation>Keine Konfusionsmatrizen: Sie werden für auf Daten trainierte Kandidaten gespeichert.</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::CompressDialog</name>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="17"/>
        <source>Compress %1</source>
        <translation>%1 komprimieren</translation>
    </message>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="19"/>
        <source>Mixed precision (per-layer bitwidths)</source>
        <translation>Mixed Precision (Bitbreiten je Schicht)</translation>
    </message>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="20"/>
        <source>Structured pruning (per-layer rates)</source>
        <translation>Strukturiertes Pruning (Raten je Schicht)</translation>
    </message>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="21"/>
        <source>Low-rank factorisation (per-layer ranks)</source>
        <translation>Niedrigrang-Faktorisierung (Ränge je Schicht)</translation>
    </message>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="22"/>
        <source>The project&apos;s compression pipeline</source>
        <translation>Die Kompressions-Pipeline des Projekts</translation>
    </message>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="32"/>
        <source>-bit weights</source>
        <translation>-Bit-Gewichte</translation>
    </message>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="40"/>
        <source>the project&apos;s</source>
        <translation>wie im Projekt</translation>
    </message>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="48"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="49"/>
        <source>Strategy</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="50"/>
        <source>Policies scored</source>
        <translation>Bewertete Strategien</translation>
    </message>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="51"/>
        <source>Storage budget as uniform</source>
        <translation>Speicherbudget wie einheitlich</translation>
    </message>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="52"/>
        <source>MACs budget</source>
        <translation>MAC-Budget</translation>
    </message>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="53"/>
        <source>Training epochs</source>
        <translation>Trainingsepochen</translation>
    </message>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="54"/>
        <source>Fine-tuning epochs</source>
        <translation>Feinabstimmungsepochen</translation>
    </message>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="56"/>
        <source>Compress</source>
        <translation>Komprimieren</translation>
    </message>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="78"/>
        <source>Each policy is scored by post-training quantization and validation accuracy, under the storage of uniform %1-bit weights; the best is fine-tuned with quantization-aware training.</source>
        <translation>Jede Strategie wird mit Post-Training-Quantisierung und Validierungsgenauigkeit bewertet, im Speicherbudget einheitlicher %1-Bit-Gewichte; die beste wird mit quantisierungsbewusstem Training feinabgestimmt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/compress_dialog.cpp" line="81"/>
        <source>Runs the %n step(s) of the project&apos;s compression pipeline.</source>
        <translation>
            <numerusform>Führt den %n Schritt der Kompressions-Pipeline des Projekts aus.</numerusform>
            <numerusform>Führt die %n Schritte der Kompressions-Pipeline des Projekts aus.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="82"/>
        <source>The project&apos;s compression pipeline is empty: add steps to the project first.</source>
        <translation>Die Kompressions-Pipeline des Projekts ist leer: Fügen Sie dem Projekt zuerst Schritte hinzu.</translation>
    </message>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="84"/>
        <source>Each policy is scored on a pruned or factorised copy with validation accuracy, under the chosen share of the float network&apos;s MACs; the best is fine-tuned.</source>
        <translation>Jede Strategie wird an einer beschnittenen oder faktorisierten Kopie mit Validierungsgenauigkeit bewertet, im gewählten Anteil der MACs des Float-Netzes; die beste wird feinabgestimmt.</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::ConvergenceView</name>
    <message>
        <location filename="../widgets/convergence_view.cpp" line="29"/>
        <location filename="../widgets/convergence_view.cpp" line="122"/>
        <source>Evaluations</source>
        <translation>Bewertungen</translation>
    </message>
    <message>
        <location filename="../widgets/convergence_view.cpp" line="30"/>
        <location filename="../widgets/convergence_view.cpp" line="122"/>
        <source>Evaluation time (s)</source>
        <translation>Bewertungszeit (s)</translation>
    </message>
    <message>
        <location filename="../widgets/convergence_view.cpp" line="33"/>
        <source>Convergence against:</source>
        <translation>Konvergenz über:</translation>
    </message>
    <message>
        <location filename="../widgets/convergence_view.cpp" line="44"/>
        <location filename="../widgets/convergence_view.cpp" line="51"/>
        <source>Hypervolume</source>
        <translation>Hypervolumen</translation>
    </message>
    <message>
        <location filename="../widgets/convergence_view.cpp" line="48"/>
        <location filename="../widgets/convergence_view.cpp" line="70"/>
        <source>Best so far</source>
        <translation>Bisher bestes</translation>
    </message>
    <message>
        <location filename="../widgets/convergence_view.cpp" line="71"/>
        <source>Best %1 so far</source>
        <translation>Bisher beste %1</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::DeviceMeasureDialog</name>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="154"/>
        <source>Measure on a device</source>
        <translation>Auf einem Gerät messen</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="162"/>
        <source>Time networks of the project&apos;s space on the device you ship to, bring the times back, and fit a latency model to them; searches then predict that device&apos;s latency. The steps follow docs/devices.md.</source>
        <translation>Messen Sie Netze aus dem Suchraum des Projekts auf dem Gerät, für das Sie ausliefern, bringen Sie die Zeiten zurück und passen Sie ein Latenzmodell an sie an; Suchen sagen dann die Latenz dieses Geräts vorher. Die Schritte folgen docs/devices.md.</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="167"/>
        <source>1. Kit</source>
        <translation>1. Messpaket</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="168"/>
        <source>2. Import</source>
        <translation>2. Import</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="169"/>
        <source>3. Fit</source>
        <translation>3. Anpassen</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="188"/>
        <source>The device the networks are timed on: its measurements and its fitted model are kept under this profile&apos;s name</source>
        <translation>Das Gerät, auf dem die Netze gemessen werden: Seine Messungen und sein angepasstes Modell werden unter dem Namen dieses Profils abgelegt</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="194"/>
        <source>&amp;Device profile:</source>
        <translation>&amp;Geräteprofil:</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="210"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="224"/>
        <source>Architectures to time: a few dozen give a first model; the learning curve in step 3 says whether more would help</source>
        <translation>Zu messende Architekturen: Einige Dutzend ergeben ein erstes Modell; die Lernkurve in Schritt 3 zeigt, ob mehr helfen würden</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="227"/>
        <source>diverse: spread over MACs, depth and operator mix, the extremes included</source>
        <translation>vielfältig: über MACs, Tiefe und Operatormix verteilt, die Extreme eingeschlossen</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="228"/>
        <source>random: uniform draws</source>
        <translation>zufällig: gleichverteilte Ziehungen</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="229"/>
        <source>Next round: the networks the current model is least sure of</source>
        <translation>Nächste Runde: die Netze, bei denen das aktuelle Modell am unsichersten ist</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="231"/>
        <source>Also one model per distinct layer configuration (per-layer times for the kernel table)</source>
        <translation>Zusätzlich ein Modell je unterschiedlicher Schichtkonfiguration (Zeiten je Schicht für die Kernel-Tabelle)</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="236"/>
        <source>The kit&apos;s folder; a kit written there before is replaced. A relative path is taken beside the project.</source>
        <translation>Der Ordner des Messpakets; ein zuvor dort geschriebenes Paket wird ersetzt. Ein relativer Pfad gilt neben dem Projekt.</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="237"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="238"/>
        <source>&amp;Write kit</source>
        <translation>Messpaket &amp;schreiben</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="265"/>
        <source>&amp;Networks:</source>
        <translation>&amp;Netze:</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="266"/>
        <source>&amp;Choice:</source>
        <translation>&amp;Auswahl:</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="269"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="286"/>
        <source>The runner writes results.csv into the kit&apos;s folder on the device. Every line is checked before anything is kept: genotypes of the project&apos;s space, times that are positive numbers in ms, p10 ≤ median ≤ p90, no row twice. Each import is kept as a dated file in devices/PROFILE.measurements/ beside the project; earlier ones stay, and a later measurement of a network replaces an earlier one when fitting.</source>
        <translation>Das Messprogramm schreibt results.csv auf dem Gerät in den Ordner des Messpakets. Jede Zeile wird geprüft, bevor etwas übernommen wird: Genotypen aus dem Suchraum des Projekts, Zeiten als positive Zahlen in ms, p10 ≤ Median ≤ p90, keine Zeile doppelt. Jeder Import wird als datierte Datei in devices/PROFIL.measurements/ neben dem Projekt abgelegt; frühere bleiben erhalten, und beim Anpassen ersetzt eine spätere Messung eines Netzes eine frühere.</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="291"/>
        <source>Only networks of the kit: its manifest.json beside results.csv, else in the kit folder of step 1</source>
        <translation>Nur Netze des Messpakets: dessen manifest.json neben results.csv, sonst im Ordner aus Schritt 1</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="294"/>
        <source>&amp;Import results…</source>
        <translation>Ergebnisse &amp;importieren…</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="321"/>
        <source>&amp;Fit models</source>
        <translation>Modelle an&amp;passen</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="329"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="329"/>
        <source>RMSE (ms)</source>
        <translation>RMSE (ms)</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="329"/>
        <source>Within ±5 %</source>
        <translation>Innerhalb ±5 %</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="329"/>
        <source>Within ±10 %</source>
        <translation>Innerhalb ±10 %</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="329"/>
        <source>Spearman</source>
        <translation>Spearman</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="329"/>
        <source>µs per prediction</source>
        <translation>µs je Vorhersage</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="333"/>
        <source>Each model scored on networks it was not fitted on (k-fold cross-validation); the lowest RMSE is chosen</source>
        <translation>Jedes Modell wird an Netzen bewertet, an die es nicht angepasst wurde (k-fache Kreuzvalidierung); das mit dem kleinsten RMSE wird gewählt</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="336"/>
        <source>Networks fitted on</source>
        <translation>Netze, an die angepasst wurde</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="336"/>
        <source>Held-out networks within ±10 % (%)</source>
        <translation>Zurückgehaltene Netze innerhalb ±10 % (%)</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="337"/>
        <source>Measured on the device (ms)</source>
        <translation>Auf dem Gerät gemessen (ms)</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="337"/>
        <source>Predicted (ms)</source>
        <translation>Vorhergesagt (ms)</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="338"/>
        <source>&amp;Keep model</source>
        <translation>Modell &amp;behalten</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="340"/>
        <source>&amp;Use for this project</source>
        <translation>Für dieses Projekt &amp;verwenden</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="342"/>
        <source>Set hardware.profile to this profile and hardware.latency_model to &quot;device&quot; (one undoable edit)</source>
        <translation>Setzt hardware.profile auf dieses Profil und hardware.latency_model auf &quot;device&quot; (eine rückgängig machbare Änderung)</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="364"/>
        <source>&lt;b&gt;Learning curve&lt;/b&gt;: does the model still gain from more networks?</source>
        <translation>&lt;b&gt;Lernkurve&lt;/b&gt;: Gewinnt das Modell noch durch mehr Netze?</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="365"/>
        <source>&lt;b&gt;Residuals&lt;/b&gt; of the chosen model: where it is not to be trusted</source>
        <translation>&lt;b&gt;Residuen&lt;/b&gt; des gewählten Modells: wo ihm nicht zu trauen ist</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="437"/>
        <source>nothing measured yet</source>
        <translation>noch nichts gemessen</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="438"/>
        <source>%1 networks and %2 layer configurations measured, in %3 imports</source>
        <translation>%1 Netze und %2 Schichtkonfigurationen gemessen, in %3 Importen</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="442"/>
        <source> (%1 of another search space left out)</source>
        <translation> (%1 aus einem anderen Suchraum ausgelassen)</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="450"/>
        <source>; the model kept was fitted to another search space: fit again</source>
        <translation>; das behaltene Modell wurde an einen anderen Suchraum angepasst: Passen Sie neu an</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="454"/>
        <source>; a %1 model kept, fitted on %2 networks on %3 UTC</source>
        <translation>; ein %1-Modell behalten, angepasst an %2 Netze am %3 UTC</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="458"/>
        <source>The project&apos;s space cannot be read: %1</source>
        <translation>Der Suchraum des Projekts kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="474"/>
        <source>Of many unmeasured architectures, those whose latency models fitted on bootstrap resamples of the %1 measured networks disagree on most: measuring them teaches the model most</source>
        <translation>Von vielen ungemessenen Architekturen diejenigen, bei denen sich Latenzmodelle, angepasst an Bootstrap-Stichproben der %1 gemessenen Netze, am meisten uneinig sind: Ihre Messung lehrt das Modell am meisten</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="477"/>
        <location filename="../widgets/device_measure_dialog.cpp" line="483"/>
        <source>Needs at least 5 networks of this profile imported; %1 so far</source>
        <translation>Benötigt mindestens 5 importierte Netze dieses Profils; bisher %1</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="482"/>
        <source>Cross-validate the four models on the %1 networks measured (takes a moment)</source>
        <translation>Kreuzvalidiert die vier Modelle an den %1 gemessenen Netzen (dauert einen Moment)</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="485"/>
        <source>Write the chosen model, fitted on every network, with its report to %1</source>
        <translation>Schreibt das gewählte Modell, angepasst an alle Netze, mit seinem Bericht nach %1</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="491"/>
        <source>Folder of the kit</source>
        <translation>Ordner des Messpakets</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="499"/>
        <source>Results of the device</source>
        <translation>Ergebnisse des Geräts</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="499"/>
        <source>Runner results (*.csv);;All files (*)</source>
        <translation>Messergebnisse (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="539"/>
        <location filename="../widgets/device_measure_dialog.cpp" line="550"/>
        <source>Kit not written</source>
        <translation>Messpaket nicht geschrieben</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="539"/>
        <source>Choose the folder the kit is written to.</source>
        <translation>Wählen Sie den Ordner, in den das Messpaket geschrieben wird.</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="550"/>
        <source>Choosing what the model is least sure of and writing the kit…</source>
        <translation>Wähle aus, wo das Modell am unsichersten ist, und schreibe das Messpaket…</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="550"/>
        <source>Writing the kit…</source>
        <translation>Schreibe das Messpaket…</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="561"/>
        <source>Wrote %1 networks and %2 layer configurations to %3.&lt;br&gt;Copy the folder to the device and run this there (Python with onnxruntime; or node run_onnxruntime.js, or run_perf_test.sh where there is no Python), then import the results.csv it writes in step 2:</source>
        <translation>%1 Netze und %2 Schichtkonfigurationen nach %3 geschrieben.&lt;br&gt;Kopieren Sie den Ordner auf das Gerät und führen Sie dort dies aus (Python mit onnxruntime; oder node run_onnxruntime.js, oder run_perf_test.sh, wo es kein Python gibt), und importieren Sie dann die geschriebene results.csv in Schritt 2:</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="598"/>
        <source>Imported %1 measurements (%2 networks, %3 layers); %4 unstable; %5 imports of %6 kept.</source>
        <translation>%1 Messungen importiert (%2 Netze, %3 Schichten); %4 instabil; %5 Importe von %6 abgelegt.</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="605"/>
        <source>The device changed speed while measuring the unstable ones: consider measuring them again.</source>
        <translation>Das Gerät hat beim Messen der instabilen seine Geschwindigkeit geändert: Erwägen Sie, sie erneut zu messen.</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="606"/>
        <source>Checked against the project&apos;s space (no kit found to check against).</source>
        <translation>Gegen den Suchraum des Projekts geprüft (kein Messpaket zum Abgleich gefunden).</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="607"/>
        <source>Checked against the kit in %1.</source>
        <translation>Gegen das Messpaket in %1 geprüft.</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="622"/>
        <source>Nothing imported: the results have these problems. Fix them and import again.</source>
        <translation>Nichts importiert: Die Ergebnisse haben diese Probleme. Beheben Sie sie und importieren Sie erneut.</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="625"/>
        <source>Nothing imported</source>
        <translation>Nichts importiert</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="630"/>
        <location filename="../widgets/device_measure_dialog.cpp" line="636"/>
        <source>Models not fitted</source>
        <translation>Modelle nicht angepasst</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="630"/>
        <source>Fitting needs at least 5 networks of %1 imported; %2 so far.</source>
        <translation>Das Anpassen benötigt mindestens 5 importierte Netze von %1; bisher %2.</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="636"/>
        <source>Fitting and cross-validating four models…</source>
        <translation>Passe vier Modelle an und validiere sie kreuzweise…</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="657"/>
        <source>Cross-validated on %1 networks (%2 folds). The &lt;b&gt;%3&lt;/b&gt; model has the lowest RMSE; refitted on all of them, it is the one kept.</source>
        <translation>An %1 Netzen kreuzvalidiert (%2 Teilmengen). Das Modell &lt;b&gt;%3&lt;/b&gt; hat den kleinsten RMSE; an alle Netze neu angepasst, ist es das, das behalten wird.</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="664"/>
        <source>It is still improving with more networks: measure a next round (step 1).</source>
        <translation>Es verbessert sich mit mehr Netzen noch: Messen Sie eine nächste Runde (Schritt 1).</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="666"/>
        <source>%1 of the measurements were marked unstable by the runner.</source>
        <translation>%1 der Messungen wurden vom Messprogramm als instabil markiert.</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="667"/>
        <source>%1 imports of another search space were left out.</source>
        <translation>%1 Importe aus einem anderen Suchraum wurden ausgelassen.</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="684"/>
        <source>%1 ✔ chosen</source>
        <translation>%1 ✔ gewählt</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="733"/>
        <source>y = x</source>
        <translation>y = x</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="734"/>
        <source>±10 %</source>
        <translation>±10 %</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="743"/>
        <source>within ±10 %</source>
        <translation>innerhalb ±10 %</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="744"/>
        <source>off by more than 10 %</source>
        <translation>mehr als 10 % daneben</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="757"/>
        <source>Cross-validates the MACs baseline, a per-operator table (lut), a per-kernel table (kernel) and boosted trees on the latest measurement of each network, and keeps the one with the lowest RMSE.</source>
        <translation>Kreuzvalidiert die MACs-Basislinie, eine Tabelle je Operator (lut), eine Tabelle je Kernel (kernel) und Boosted Trees an der jeweils neuesten Messung jedes Netzes und behält das mit dem kleinsten RMSE.</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="778"/>
        <source>Model not kept</source>
        <translation>Modell nicht behalten</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="782"/>
        <source>Kept the %1 model, fitted on all %2 networks, in %3. A project uses it with hardware.latency_model &quot;device&quot;.</source>
        <translation>Das Modell %1, angepasst an alle %2 Netze, in %3 behalten. Ein Projekt verwendet es mit hardware.latency_model &quot;device&quot;.</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="794"/>
        <source>The project now uses the model of %1: hardware.profile &quot;%1&quot;, hardware.latency_model &quot;device&quot; (Edit → Undo reverts it).</source>
        <translation>Das Projekt verwendet jetzt das Modell von %1: hardware.profile &quot;%1&quot;, hardware.latency_model &quot;device&quot; (Bearbeiten → Rückgängig macht es rückgängig).</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="801"/>
        <source>%1 The dialog can be closed when it has finished.</source>
        <translation>%1 Der Dialog kann geschlossen werden, sobald das fertig ist.</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::DeviceProfileDialog</name>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="52"/>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="65"/>
        <source>No sources given: say where the figures come from.</source>
        <translation>Keine Quellen angegeben: Geben Sie an, woher die Zahlen stammen.</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="87"/>
        <source>Save to project</source>
        <translation>Im Projekt speichern</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="88"/>
        <source>Duplicate…</source>
        <translation>Duplizieren…</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="88"/>
        <source>Use for this project</source>
        <translation>Für dieses Projekt verwenden</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="90"/>
        <source>Device profiles</source>
        <translation>Geräteprofile</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="92"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="92"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="92"/>
        <source>From</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="106"/>
        <source>Where the figures come from; kept as they are when the profile is saved</source>
        <translation>Woher die Zahlen stammen; sie bleiben beim Speichern des Profils unverändert</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="110"/>
        <source>Set the project&apos;s hardware.profile to this profile as saved (one undoable edit); a profile other than host also selects the simulator latency model</source>
        <translation>Setzt hardware.profile des Projekts auf dieses Profil, wie es gespeichert ist (eine rückgängig machbare Änderung); ein anderes Profil als host wählt zudem das Latenzmodell simulator</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="113"/>
        <source>Save the project first: its own profiles live in a devices folder beside the project file</source>
        <translation>Speichern Sie zuerst das Projekt: Seine eigenen Profile liegen in einem Ordner devices neben der Projektdatei</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="119"/>
        <source>Write the profile to %1; a shipped profile saved here becomes the project&apos;s own copy, which wins over the shipped one</source>
        <translation>Schreibt das Profil nach %1; ein hier gespeichertes mitgeliefertes Profil wird zur eigenen Kopie des Projekts, die Vorrang vor dem mitgelieferten hat</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="121"/>
        <source>Save a copy of this profile under a new name in the project&apos;s devices folder</source>
        <translation>Eine Kopie dieses Profils unter neuem Namen im Ordner devices des Projekts speichern</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="124"/>
        <source>Shipped profiles come with EdgeSmith; the project&apos;s own live in a devices folder beside the project file. Bold: the profile the project uses.</source>
        <translation>Mitgelieferte Profile kommen mit EdgeSmith; die eigenen des Projekts liegen in einem Ordner devices neben der Projektdatei. Fett: das Profil, das das Projekt verwendet.</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="139"/>
        <source>&lt;b&gt;Sources&lt;/b&gt;</source>
        <translation>&lt;b&gt;Quellen&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="198"/>
        <source>project, overrides shipped</source>
        <translation>Projekt, ersetzt mitgeliefertes</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="198"/>
        <source>project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="198"/>
        <source>shipped</source>
        <translation>mitgeliefert</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="206"/>
        <source>Used by this project</source>
        <translation>Von diesem Projekt verwendet</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="235"/>
        <source>the project&apos;s own, devices/%1.json</source>
        <translation>eigenes des Projekts, devices/%1.json</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="235"/>
        <source>shipped with EdgeSmith, resources/devices/%1.json</source>
        <translation>mit EdgeSmith geliefert, resources/devices/%1.json</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="247"/>
        <source>Peak MAC/s:</source>
        <translation>Spitzen-MAC/s:</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="248"/>
        <source>Memory bandwidth (B/s):</source>
        <translation>Speicherbandbreite (B/s):</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="249"/>
        <source>RAM (bytes):</source>
        <translation>RAM (Bytes):</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="250"/>
        <source>Flash (bytes):</source>
        <translation>Flash (Bytes):</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="251"/>
        <source>Layer overhead (ms):</source>
        <translation>Aufwand je Schicht (ms):</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="252"/>
        <source>Energy per MAC (pJ):</source>
        <translation>Energie je MAC (pJ):</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="253"/>
        <source>Energy per byte (pJ):</source>
        <translation>Energie je Byte (pJ):</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="294"/>
        <location filename="../widgets/device_profile_dialog.cpp" line="307"/>
        <location filename="../widgets/device_profile_dialog.cpp" line="316"/>
        <location filename="../widgets/device_profile_dialog.cpp" line="327"/>
        <location filename="../widgets/device_profile_dialog.cpp" line="334"/>
        <source>Profile not saved</source>
        <translation>Profil nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="294"/>
        <source>The profile has problems, so nothing was written:

%1</source>
        <translation>Das Profil hat Probleme, daher wurde nichts geschrieben:

%1</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="316"/>
        <location filename="../widgets/device_profile_dialog.cpp" line="345"/>
        <source>Save the project first: its own profiles live in a devices folder beside the project file.</source>
        <translation>Speichern Sie zuerst das Projekt: Seine eigenen Profile liegen in einem Ordner devices neben der Projektdatei.</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="327"/>
        <source>A profile named %1 exists already; choose another name, or select that profile to edit it.</source>
        <translation>Ein Profil namens %1 gibt es bereits; wählen Sie einen anderen Namen oder wählen Sie jenes Profil aus, um es zu bearbeiten.</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="334"/>
        <location filename="../widgets/device_profile_dialog.cpp" line="349"/>
        <source>The name &quot;%1&quot; cannot be a file name: use letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;.</source>
        <translation>Der Name „%1“ kann kein Dateiname sein: Verwenden Sie Buchstaben, Ziffern, &apos;.&apos;, &apos;-&apos; und &apos;_&apos;.</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="345"/>
        <location filename="../widgets/device_profile_dialog.cpp" line="349"/>
        <location filename="../widgets/device_profile_dialog.cpp" line="354"/>
        <source>Profile not copied</source>
        <translation>Profil nicht kopiert</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="354"/>
        <source>A profile named %1 exists already; choose another name.</source>
        <translation>Ein Profil namens %1 gibt es bereits; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="370"/>
        <source>Duplicate profile</source>
        <translation>Profil duplizieren</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="370"/>
        <source>Name of the copy (its file in the project&apos;s devices folder):</source>
        <translation>Name der Kopie (ihre Datei im Ordner devices des Projekts):</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="384"/>
        <source>Unsaved profiles</source>
        <translation>Ungespeicherte Profile</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/device_profile_dialog.cpp" line="385"/>
        <source>%n profile(s) have edits that are not saved. Close and discard them?</source>
        <translation>
            <numerusform>%n Profil hat ungespeicherte Änderungen. Schließen und sie verwerfen?</numerusform>
            <numerusform>%n Profile haben ungespeicherte Änderungen. Schließen und sie verwerfen?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::ExportDialog</name>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="44"/>
        <source>Export Candidate %1 of Run %2</source>
        <translation>Kandidat %1 von Lauf %2 exportieren</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="45"/>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="56"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="60"/>
        <source>Dynamic batch dimension (named &quot;batch&quot;; otherwise fixed at 1)</source>
        <translation>Dynamische Batch-Dimension (namens &quot;batch&quot;; sonst fest 1)</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="63"/>
        <source>from the file name</source>
        <translation>aus dem Dateinamen</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="66"/>
        <source>the project&apos;s</source>
        <translation>wie im Projekt</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="67"/>
        <source>Train again even if a kept model exists</source>
        <translation>Neu trainieren, auch wenn ein gespeichertes Modell existiert</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="77"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="78"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="79"/>
        <source>ONNX</source>
        <translation>ONNX</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="80"/>
        <source>C identifier prefix</source>
        <translation>Präfix der C-Bezeichner</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="81"/>
        <source>Training epochs</source>
        <translation>Trainingsepochen</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="85"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="133"/>
        <source>Name the file to write.</source>
        <translation>Geben Sie die zu schreibende Datei an.</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="141"/>
        <source>ONNX models (*.onnx)</source>
        <translation>ONNX-Modelle (*.onnx)</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="142"/>
        <source>LibTorch archives (*.pt)</source>
        <translation>LibTorch-Archive (*.pt)</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="143"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="144"/>
        <source>C sources (*.c)</source>
        <translation>C-Quellen (*.c)</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="145"/>
        <source>HTML pages (*.html)</source>
        <translation>HTML-Seiten (*.html)</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="146"/>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
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
    <name>edgesmith::widgets::LayerInspector</name>
    <message>
        <location filename="../widgets/layer_inspector.cpp" line="64"/>
        <source>Chart:</source>
        <translation>Diagramm:</translation>
    </message>
    <message>
        <location filename="../widgets/layer_inspector.cpp" line="82"/>
        <source>&lt;i&gt;Select a candidate in the Pareto plot or the Candidates table to inspect its layers.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Wählen Sie einen Kandidaten im Pareto-Diagramm oder in der Kandidatentabelle, um seine Schichten zu untersuchen.&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/layer_inspector.cpp" line="143"/>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::LayerTableModel</name>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="69"/>
        <source>compute</source>
        <translation>Rechnen</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="69"/>
        <source>memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="71"/>
        <source>Limited by arithmetic: the layer&apos;s MACs take longer than moving its bytes</source>
        <translation>Durch Rechnen begrenzt: Die MACs der Schicht dauern länger als das Bewegen ihrer Bytes</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="72"/>
        <source>Limited by memory traffic: moving the layer&apos;s bytes takes longer than its MACs</source>
        <translation>Durch Speicherverkehr begrenzt: Das Bewegen der Bytes der Schicht dauert länger als ihre MACs</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="91"/>
        <source>%1 ms (%2 % of the network)</source>
        <translation>%1 ms (%2 % des Netzes)</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="93"/>
        <source>%1 (%2 % of the network)</source>
        <translation>%1 (%2 % des Netzes)</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="106"/>
        <source>Output activation memory in KiB (fp32)</source>
        <translation>Speicher der Ausgabeaktivierung in KiB (fp32)</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="107"/>
        <source>Weight bitwidth of the compression policy</source>
        <translation>Gewichts-Bitbreite der Kompressionsstrategie</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="108"/>
        <source>Activation bitwidth of the compression policy</source>
        <translation>Aktivierungs-Bitbreite der Kompressionsstrategie</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="109"/>
        <source>Share of channels or weights pruned</source>
        <translation>Anteil entfernter Kanäle oder Gewichte</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="110"/>
        <source>Rank of a low-rank decomposition</source>
        <translation>Rang einer Niedrigrang-Zerlegung</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="111"/>
        <source>Predicted time of this layer by the project&apos;s latency model</source>
        <translation>Vom Latenzmodell des Projekts vorhergesagte Zeit dieser Schicht</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="112"/>
        <source>What limits the layer in the device&apos;s roofline model: arithmetic (compute) or memory traffic (memory)</source>
        <translation>Was die Schicht im Roofline-Modell des Geräts begrenzt: Rechnen (compute) oder Speicherverkehr (memory)</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="118"/>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="119"/>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="120"/>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="121"/>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="122"/>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="123"/>
        <source>Params</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="124"/>
        <source>Activation (KiB)</source>
        <translation>Aktivierung (KiB)</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="125"/>
        <source>W bits</source>
        <translation>W-Bits</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="126"/>
        <source>A bits</source>
        <translation>A-Bits</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="127"/>
        <source>Pruned</source>
        <translation>Ausgedünnt</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="128"/>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="129"/>
        <source>Time (ms)</source>
        <translation>Zeit (ms)</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="130"/>
        <source>Bound</source>
        <translation>Grenze</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::LogView</name>
    <message>
        <location filename="../widgets/log_view.cpp" line="21"/>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <location filename="../widgets/log_view.cpp" line="22"/>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <location filename="../widgets/log_view.cpp" line="23"/>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <location filename="../widgets/log_view.cpp" line="25"/>
        <source>Filter lines…</source>
        <translation>Zeilen filtern…</translation>
    </message>
    <message>
        <location filename="../widgets/log_view.cpp" line="30"/>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <location filename="../widgets/log_view.cpp" line="39"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../widgets/log_view.cpp" line="39"/>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location filename="../widgets/log_view.cpp" line="39"/>
        <source>info</source>
        <translation>Info</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::ParetoView</name>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="39"/>
        <source>log</source>
        <translation>log</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="49"/>
        <source>Logarithmic x axis</source>
        <translation>Logarithmische x-Achse</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="50"/>
        <source>Logarithmic y axis</source>
        <translation>Logarithmische y-Achse</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="51"/>
        <source>Reset view</source>
        <translation>Ansicht zurücksetzen</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="53"/>
        <source>Fit every candidate (drag pans, the wheel zooms, Shift+drag selects)</source>
        <translation>Alle Kandidaten einpassen (Ziehen verschiebt, das Mausrad zoomt, Umschalt+Ziehen wählt aus)</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="55"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="57"/>
        <source>Save the plot as PNG, SVG or PDF</source>
        <translation>Das Diagramm als PNG, SVG oder PDF speichern</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="60"/>
        <source>X axis:</source>
        <translation>X-Achse:</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="64"/>
        <source>Y axis:</source>
        <translation>Y-Achse:</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="68"/>
        <source>Colour:</source>
        <translation>Farbe:</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="86"/>
        <source>No candidates yet.
Run a search to see the accuracy–cost trade-off here.</source>
        <translation>Noch keine Kandidaten.
Starten Sie eine Suche, um hier den Kompromiss zwischen Genauigkeit und Kosten zu sehen.</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="102"/>
        <source>dominated</source>
        <translation>dominiert</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="105"/>
        <source>Pareto front</source>
        <translation>Pareto-Front</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="112"/>
        <source>selected</source>
        <translation>ausgewählt</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="175"/>
        <source>Pareto status</source>
        <translation>Pareto-Status</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="176"/>
        <location filename="../widgets/pareto_view.cpp" line="232"/>
        <location filename="../widgets/pareto_view.cpp" line="452"/>
        <source>Generation</source>
        <translation>Generation</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="496"/>
        <source>EdgeSmith Pareto plot</source>
        <translation>EdgeSmith-Pareto-Diagramm</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="505"/>
        <source>%1: unknown format &quot;%2&quot;; use .png, .svg or .pdf</source>
        <translation>%1: unbekanntes Format „%2“; verwenden Sie .png, .svg oder .pdf</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="508"/>
        <source>%1: could not be written</source>
        <translation>%1: konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="513"/>
        <source>Export plot</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="514"/>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg);;PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="517"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
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
    <name>edgesmith::widgets::RunTableModel</name>
    <message>
        <location filename="../widgets/run_table_model.cpp" line="45"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../widgets/run_table_model.cpp" line="46"/>
        <source>Strategy</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <location filename="../widgets/run_table_model.cpp" line="47"/>
        <source>Estimator</source>
        <translation>Schätzer</translation>
    </message>
    <message>
        <location filename="../widgets/run_table_model.cpp" line="48"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../widgets/run_table_model.cpp" line="49"/>
        <source>Candidates</source>
        <translation>Kandidaten</translation>
    </message>
    <message>
        <location filename="../widgets/run_table_model.cpp" line="50"/>
        <source>Evaluation (s)</source>
        <translation>Bewertung (s)</translation>
    </message>
    <message>
        <location filename="../widgets/run_table_model.cpp" line="51"/>
        <source>Started (UTC)</source>
        <translation>Gestartet (UTC)</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::SchemaForm</name>
    <message>
        <location filename="../widgets/schema_form.cpp" line="55"/>
        <source>
Default: %1</source>
        <translation>
Standard: %1</translation>
    </message>
    <message>
        <location filename="../widgets/schema_form.cpp" line="62"/>
        <source>&lt;i&gt;No parameters.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Keine Parameter.&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/schema_form.cpp" line="125"/>
        <source>JSON value</source>
        <translation>JSON-Wert</translation>
    </message>
    <message>
        <location filename="../widgets/schema_form.cpp" line="152"/>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::SearchLauncher</name>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="46"/>
        <source>Measured on this host</source>
        <translation>Auf diesem Rechner gemessen</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="47"/>
        <source>Times every candidate on this host: exact for this machine, and the slowest choice.</source>
        <translation>Misst jeden Kandidaten auf diesem Rechner: exakt für diese Maschine und die langsamste Wahl.</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="48"/>
        <source>Lookup table</source>
        <translation>Nachschlagetabelle</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="49"/>
        <source>Sums per-layer timings of this host, each layer shape timed once and kept beside the project.</source>
        <translation>Summiert Schichtzeiten dieses Rechners; jede Schichtform wird einmal gemessen und neben dem Projekt gespeichert.</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="51"/>
        <source>Latency predictor</source>
        <translation>Latenzvorhersage</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="52"/>
        <source>A regressor fitted on measured architectures of the space predicts every candidate&apos;s latency on this host.</source>
        <translation>Ein an gemessenen Architekturen des Raums angepasster Regressor sagt die Latenz jedes Kandidaten auf diesem Rechner vorher.</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="54"/>
        <source>Device simulator</source>
        <translation>Gerätesimulator</translation>
    </message>
    <message>
        <source>Roofline model of the device profile: each layer bound by compute or by memory. The only choice for a profile other than host.</source>
        <translation type="vanished">Roofline-Modell des Geräteprofils: Jede Schicht ist durch Rechnen oder Speicher begrenzt. Die einzige Wahl für ein anderes Profil als host.</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="55"/>
        <source>Roofline model of the device profile: each layer bound by compute or by memory. Needs nothing measured.</source>
        <translation>Roofline-Modell des Geräteprofils: jede Schicht durch Rechenleistung oder Speicher begrenzt. Braucht keine Messungen.</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="57"/>
        <source>Fitted to the device&apos;s measurements</source>
        <translation>An die Messungen des Geräts angepasst</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="58"/>
        <source>The latency model edgesmith-cli device-fit fitted to networks measured on the device with a measurement kit. Offered once the profile has one.</source>
        <translation>Das Latenzmodell, das edgesmith-cli device-fit an Netze angepasst hat, die mit einem Messkit auf dem Gerät gemessen wurden. Wählbar, sobald das Profil eines hat.</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="89"/>
        <source>Start search</source>
        <translation>Suche starten</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="156"/>
        <source>strategy&apos;s own</source>
        <translation>der Strategie</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="157"/>
        <source>Trained (or failed) evaluations before the run stops</source>
        <translation>Trainierte (oder fehlgeschlagene) Bewertungen, bevor der Lauf endet</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="159"/>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="160"/>
        <source>Candidates evaluated at once, each with its share of the cores</source>
        <translation>Gleichzeitig bewertete Kandidaten, jeder mit seinem Anteil der Kerne</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="163"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="164"/>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="166"/>
        <source>Strategy</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="171"/>
        <source>Performance estimation</source>
        <translation>Leistungsschätzung</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="176"/>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="179"/>
        <source>Device profile:</source>
        <translation>Geräteprofil:</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="180"/>
        <source>Latency model:</source>
        <translation>Latenzmodell:</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="185"/>
        <source>Objectives</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="188"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="190"/>
        <source>Budget (evaluations):</source>
        <translation>Budget (Bewertungen):</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="191"/>
        <source>Workers:</source>
        <translation>Worker:</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="192"/>
        <source>Time limit:</source>
        <translation>Zeitlimit:</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="202"/>
        <source>Start</source>
        <translation>Starten</translation>
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
    <name>edgesmith::widgets::SpaceCanvas</name>
    <message>
        <location filename="../widgets/space_canvas.cpp" line="63"/>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <location filename="../widgets/space_canvas.cpp" line="70"/>
        <source>Cells ×%1</source>
        <translation>Zellen ×%1</translation>
    </message>
    <message>
        <location filename="../widgets/space_canvas.cpp" line="71"/>
        <source>%1 nodes each
reductions at %2
%3 channels</source>
        <translation>je %1 Knoten
Reduktionen bei %2
%3 Kanäle</translation>
    </message>
    <message>
        <location filename="../widgets/space_canvas.cpp" line="79"/>
        <source>depth %1 · stride %2
out %3</source>
        <translation>Tiefe %1 · Schrittweite %2
Ausgabe %3</translation>
    </message>
    <message>
        <location filename="../widgets/space_canvas.cpp" line="94"/>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <location filename="../widgets/space_canvas.cpp" line="94"/>
        <source>%1 classes</source>
        <translation>%1 Klassen</translation>
    </message>
    <message>
        <location filename="../widgets/space_canvas.cpp" line="161"/>
        <source>× depth</source>
        <translation>× Tiefe</translation>
    </message>
    <message>
        <location filename="../widgets/space_canvas.cpp" line="170"/>
        <source>+ residual</source>
        <translation>+ Residual</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/space_canvas.cpp" line="222"/>
        <source>Cell DAG: each node sums two edges chosen among the dashed candidates; each edge is one of %n operation(s)</source>
        <translation>
            <numerusform>Zell-DAG: Jeder Knoten summiert zwei Kanten aus den gestrichelten Kandidaten; jede Kante ist %n Operation</numerusform>
            <numerusform>Zell-DAG: Jeder Knoten summiert zwei Kanten aus den gestrichelten Kandidaten; jede Kante ist eine von %n Operationen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::SpaceEditor</name>
    <message>
        <location filename="../widgets/space_editor.cpp" line="112"/>
        <source>
Drag onto the canvas to add a stage</source>
        <translation>
Auf die Zeichenfläche ziehen, um eine Stufe hinzuzufügen</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="115"/>
        <source>Operators</source>
        <translation>Operatoren</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="116"/>
        <source>Drag one onto the canvas to add a stage.</source>
        <translation>Einen auf die Zeichenfläche ziehen, um eine Stufe hinzuzufügen.</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="134"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="136"/>
        <source>Remove the selected stage or layer (Delete)</source>
        <translation>Die gewählte Stufe oder Schicht entfernen (Entf)</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="162"/>
        <source>Start over from…</source>
        <translation>Neu beginnen mit…</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="163"/>
        <source>template %1</source>
        <translation>Vorlage %1</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="164"/>
        <source>an empty chain</source>
        <translation>einer leeren Kette</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="168"/>
        <source>Start the space over from %1</source>
        <translation>Suchraum neu beginnen mit %1</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="247"/>
        <source>&lt;b&gt;The space has problems&lt;/b&gt;; fix the outlined nodes.</source>
        <translation>&lt;b&gt;Der Suchraum hat Probleme&lt;/b&gt;; beheben Sie die markierten Knoten.</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="251"/>
        <source>%1 – %2 (median %3)</source>
        <translation>%1 – %2 (Median %3)</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="253"/>
        <source>&lt;b&gt;%1 architectures&lt;/b&gt; · MACs %2 · parameters %3 · peak activation memory %4 &lt;span style=&apos;color:gray&apos;&gt;(%5 sampled)&lt;/span&gt;</source>
        <translation>&lt;b&gt;%1 Architekturen&lt;/b&gt; · MACs %2 · Parameter %3 · Spitzen-Aktivierungsspeicher %4 &lt;span style=&apos;color:gray&apos;&gt;(%5 Stichproben)&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="313"/>
        <source>Set %1 of %2</source>
        <translation>%1 von %2 setzen</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="327"/>
        <source>Add a %1 stage</source>
        <translation>Eine %1-Stufe hinzufügen</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="339"/>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="347"/>
        <source>&lt;i&gt;Click a node to edit its choices. A list such as “3, 5” is a choice the search makes; one value fixes the field.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Klicken Sie auf einen Knoten, um seine Auswahl zu bearbeiten. Eine Liste wie „3, 5“ ist eine Wahl der Suche; ein einzelner Wert legt das Feld fest.&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="361"/>
        <source>Operator:</source>
        <translation>Operator:</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="366"/>
        <source>default</source>
        <translation>Standard</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="63"/>
        <source>EdgeSmith workbench: design and compress models for edge devices</source>
        <translation>EdgeSmith-Werkbank: Modelle für Edge-Geräte entwerfen und komprimieren</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="66"/>
        <source>Project file to open (default: the last one, else the default project)</source>
        <translation>Zu öffnende Projektdatei (Standard: die zuletzt geöffnete, sonst das Standardprojekt)</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="67"/>
        <source>Save a PNG of the window and quit</source>
        <translation>Ein PNG des Fensters speichern und beenden</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="68"/>
        <source>Interface language: en, de, zh_CN</source>
        <translation>Sprache der Oberfläche: en, de, zh_CN</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="69"/>
        <source>Window size, e.g. 1400x860</source>
        <translation>Fenstergröße, z. B. 1400x860</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="70"/>
        <source>Colours: system (default) or dark</source>
        <translation>Farben: system (Standard) oder dark</translation>
    </message>
</context>
</TS>
