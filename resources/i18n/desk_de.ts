<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AdjudicationBar</name>
    <message>
        <source>Consensus:</source>
        <translation>Konsens:</translation>
    </message>
    <message>
        <source>Union</source>
        <translation>Vereinigung</translation>
    </message>
    <message>
        <source>Everything any coder coded here</source>
        <translation>Alles, was irgendein Kodierer hier kodiert hat</translation>
    </message>
    <message>
        <source>Intersection</source>
        <translation>Schnittmenge</translation>
    </message>
    <message>
        <source>Only what every coder coded here</source>
        <translation>Nur, was jeder Kodierer hier kodiert hat</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Type the consensus tag and range</source>
        <translation>Konsens-Tag und -Bereich eingeben</translation>
    </message>
    <message>
        <source>Take agreed</source>
        <translation>Übereinstimmungen übernehmen</translation>
    </message>
    <message>
        <source>Copy every stretch the coders agree on into the consensus</source>
        <translation>Jeden Abschnitt, in dem die Kodierer übereinstimmen, in den Konsens übernehmen</translation>
    </message>
    <message>
        <source>Take %1</source>
        <translation>%1 übernehmen</translation>
    </message>
    <message>
        <source>The consensus here is %1&apos;s coding</source>
        <translation>Der Konsens ist hier die Kodierung von %1</translation>
    </message>
    <message>
        <source>Adjudicate: %1</source>
        <translation>Entscheiden: %1</translation>
    </message>
    <message>
        <source>take %1</source>
        <translation>%1 übernehmen</translation>
    </message>
    <message>
        <source>Take agreed stretches</source>
        <translation>Übereinstimmende Abschnitte übernehmen</translation>
    </message>
    <message>
        <source>%1 agreed stretches taken into the consensus</source>
        <translation>%1 übereinstimmende Abschnitte in den Konsens übernommen</translation>
    </message>
</context>
<context>
    <name>AgreementPanel</name>
    <message>
        <source>Time slice for κ and α</source>
        <translation>Zeitscheibe für κ und α</translation>
    </message>
    <message>
        <source>Boundaries this close count as the same</source>
        <translation>So nahe Grenzen gelten als gleich</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Berechnen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>The table and the disagreements as a web page or CSV, for a methods section</source>
        <translation>Die Tabelle und die Abweichungen als Webseite oder CSV, für einen Methodenteil</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v von %m</translation>
    </message>
    <message>
        <source>Tags measured so far</source>
        <translation>Bisher gemessene Codes</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop computing; the figures shown stay</source>
        <translation>Berechnung anhalten; die angezeigten Werte bleiben</translation>
    </message>
    <message>
        <source>Compare:</source>
        <translation>Vergleichen:</translation>
    </message>
    <message>
        <source>Slice (s):</source>
        <translation>Scheibe (s):</translation>
    </message>
    <message>
        <source>Tolerance (s):</source>
        <translation>Toleranz (s):</translation>
    </message>
    <message>
        <source>Open a project coded by two or more annotators.</source>
        <translation>Öffnen Sie ein Projekt, das zwei oder mehr Annotatoren kodiert haben.</translation>
    </message>
    <message>
        <source>Computing agreement…</source>
        <translation>Übereinstimmung wird berechnet…</translation>
    </message>
    <message>
        <source>Cancelled. Press Compute to measure agreement.</source>
        <translation>Abgebrochen. „Berechnen“ misst die Übereinstimmung.</translation>
    </message>
    <message>
        <source>Cancelled; the figures shown are from the last complete run.</source>
        <translation>Abgebrochen; die angezeigten Werte stammen aus dem letzten vollständigen Lauf.</translation>
    </message>
    <message>
        <source>Tick at least two annotators to compare.</source>
        <translation>Wählen Sie mindestens zwei Annotatoren zum Vergleich.</translation>
    </message>
    <message>
        <source>Agreement needs at least two annotators (this project has %1). Bring in a colleague&apos;s coding with File → Merge coding from…</source>
        <translation>Für die Übereinstimmung braucht es mindestens zwei Annotatoren (dieses Projekt hat %1). Holen Sie die Kodierung einer Kollegin mit Datei → Kodierung zusammenführen aus…</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 s slices, %2 bootstrap replicates (seed %3). Reading: %4.</source>
        <translation>%1-s-Scheiben, %2 Bootstrap-Wiederholungen (Seed %3). Lesart: %4.</translation>
    </message>
    <message>
        <source>Disagreements: %1, largest first (%2 settled)</source>
        <translation>Abweichungen: %1, größte zuerst (%2 entschieden)</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Webseite (*.html)</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV-Tabelle (*.csv)</translation>
    </message>
    <message>
        <source>Export the agreement report</source>
        <translation>Übereinstimmungsbericht exportieren</translation>
    </message>
    <message>
        <source>Agreement: %1</source>
        <translation>Übereinstimmung: %1</translation>
    </message>
    <message>
        <source>Agreement report written to %1</source>
        <translation>Übereinstimmungsbericht geschrieben: %1</translation>
    </message>
</context>
<context>
    <name>AnalystsUi</name>
    <message>
        <source>Bring a colleague&apos;s coding of the same recording in as their own layer</source>
        <translation>Die Kodierung derselben Aufnahme durch eine Kollegin als eigene Ebene übernehmen</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Übereinstimmung</translation>
    </message>
    <message>
        <source>Merge coding from %1</source>
        <translation>Kodierung aus %1 zusammenführen</translation>
    </message>
</context>
<context>
    <name>AnnotationsModel</name>
    <message>
        <source>Tag</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Anfang</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>Annotator</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Suggested: accept or reject it. Not counted until accepted.</source>
        <translation>Vorgeschlagen: annehmen oder ablehnen. Zählt erst, wenn angenommen.</translation>
    </message>
    <message>
        <source>suggested</source>
        <translation>vorgeschlagen</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importiert</translation>
    </message>
    <message>
        <source>coded</source>
        <translation>codiert</translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <source>Coded and suggested</source>
        <translation>Codiert und vorgeschlagen</translation>
    </message>
    <message>
        <source>Coded</source>
        <translation>Codiert</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>Vorgeschlagen</translation>
    </message>
    <message>
        <source>Filter by note or tag…</source>
        <translation>Nach Notiz oder Code filtern…</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <source>Accept the selected suggestions</source>
        <translation>Die ausgewählten Vorschläge annehmen</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Reject the selected suggestions; they will not be suggested again</source>
        <translation>Die ausgewählten Vorschläge ablehnen; sie werden nicht wieder vorgeschlagen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the selected annotations (Del)</source>
        <translation>Die ausgewählten Annotationen löschen (Entf)</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Alle Codes</translation>
    </message>
    <message>
        <source>All annotators</source>
        <translation>Alle Annotatoren</translation>
    </message>
</context>
<context>
    <name>BlindSwitch</name>
    <message>
        <source>Blind coding</source>
        <translation>Blindkodierung</translation>
    </message>
    <message>
        <source>Each coder sees only their own annotations (kept in the project file, for everyone who opens it)</source>
        <translation>Jeder Kodierer sieht nur die eigenen Annotationen (in der Projektdatei gespeichert, für alle, die sie öffnen)</translation>
    </message>
    <message>
        <source>Blind coding: only %1&apos;s coding is shown</source>
        <translation>Blindkodierung: nur die Kodierung von %1 wird gezeigt</translation>
    </message>
</context>
<context>
    <name>CodebookPanel</name>
    <message>
        <source>Key</source>
        <translation>Taste</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Stichwörter</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>Archivierte zeigen</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Add a tag</source>
        <translation>Einen Code hinzufügen</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Edit the selected tag</source>
        <translation>Den ausgewählten Code bearbeiten</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>Farbe…</translation>
    </message>
    <message>
        <source>Recolour the selected tag</source>
        <translation>Den ausgewählten Code umfärben</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivieren</translation>
    </message>
    <message>
        <source>Hide the selected tag from coding (or use it again)</source>
        <translation>Den ausgewählten Code beim Codieren ausblenden (oder wieder verwenden)</translation>
    </message>
    <message>
        <source>Codebook</source>
        <translation>Codebuch</translation>
    </message>
    <message>
        <source>Import codebook…</source>
        <translation>Codebuch importieren…</translation>
    </message>
    <message>
        <source>Export codebook…</source>
        <translation>Codebuch exportieren…</translation>
    </message>
    <message>
        <source>Codebooks that ship with Desk</source>
        <translation>Codebücher, die Desk mitbringt</translation>
    </message>
    <message>
        <source>Use preset</source>
        <translation>Vorlage verwenden</translation>
    </message>
    <message>
        <source>Add the preset&apos;s tags (tags with the same name are updated)</source>
        <translation>Die Codes der Vorlage hinzufügen (gleichnamige Codes werden aktualisiert)</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>Code hinzufügen</translation>
    </message>
    <message>
        <source>Edit tag</source>
        <translation>Code bearbeiten</translation>
    </message>
    <message>
        <source>Use codebook %1</source>
        <translation>Codebuch %1 verwenden</translation>
    </message>
    <message>
        <source>Codebook “%1” in use</source>
        <translation>Codebuch „%1“ in Verwendung</translation>
    </message>
    <message>
        <source>Codebook “%1”: %2 tags added, %3 updated</source>
        <translation>Codebuch „%1“: %2 Codes hinzugefügt, %3 aktualisiert</translation>
    </message>
    <message>
        <source>Import codebook</source>
        <translation>Codebuch importieren</translation>
    </message>
    <message>
        <source>Export codebook</source>
        <translation>Codebuch exportieren</translation>
    </message>
</context>
<context>
    <name>CodingController</name>
    <message>
        <source>No tag on key %1</source>
        <translation>Kein Code auf Taste %1</translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation>Öffnen Sie zuerst ein Projekt.</translation>
    </message>
    <message>
        <source>Code selection as %1</source>
        <translation>Auswahl als %1 codieren</translation>
    </message>
    <message>
        <source>Select text in the transcript, or play the recording.</source>
        <translation>Wählen Sie Text im Transkript aus oder spielen Sie die Aufnahme ab.</translation>
    </message>
    <message>
        <source>Recording “%1”: press its key again to close, Esc to cancel</source>
        <translation>Aufzeichnung „%1“: Taste erneut drücken zum Abschließen, Esc zum Abbrechen</translation>
    </message>
    <message>
        <source>Range too short; nothing coded</source>
        <translation>Bereich zu kurz; nichts codiert</translation>
    </message>
    <message>
        <source>Live code %1</source>
        <translation>Live codieren: %1</translation>
    </message>
    <message>
        <source>Live coding cancelled</source>
        <translation>Live-Codierung abgebrochen</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Codieren</translation>
    </message>
    <message>
        <source>Edit annotation</source>
        <translation>Annotation bearbeiten</translation>
    </message>
    <message>
        <source>Retime annotation</source>
        <translation>Annotation neu zeitlich festlegen</translation>
    </message>
    <message>
        <source>Nudge annotations</source>
        <translation>Annotationen verschieben</translation>
    </message>
    <message>
        <source>Nudge annotation</source>
        <translation>Annotation verschieben</translation>
    </message>
    <message>
        <source>Delete annotations</source>
        <translation>Annotationen löschen</translation>
    </message>
    <message>
        <source>Delete annotation</source>
        <translation>Annotation löschen</translation>
    </message>
    <message>
        <source>Suggest delays</source>
        <translation>Verzögerungen vorschlagen</translation>
    </message>
    <message>
        <source>Suggest from keywords</source>
        <translation>Nach Stichwörtern vorschlagen</translation>
    </message>
    <message>
        <source>Accept suggestions</source>
        <translation>Vorschläge annehmen</translation>
    </message>
    <message>
        <source>Reject suggestions</source>
        <translation>Vorschläge ablehnen</translation>
    </message>
    <message>
        <source>Add tag %1</source>
        <translation>Code %1 hinzufügen</translation>
    </message>
    <message>
        <source>Edit tag</source>
        <translation>Code bearbeiten</translation>
    </message>
    <message>
        <source>Reorder tags</source>
        <translation>Codes umsortieren</translation>
    </message>
    <message>
        <source>Import codebook %1</source>
        <translation>Codebuch %1 importieren</translation>
    </message>
    <message>
        <source>Codebook saved to %1</source>
        <translation>Codebuch gespeichert unter %1</translation>
    </message>
</context>
<context>
    <name>ConsensusRangeDialog</name>
    <message>
        <source>Consensus range</source>
        <translation>Konsensbereich</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>Tag:</translation>
    </message>
</context>
<context>
    <name>DisagreementsModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Codings</source>
        <translation>Kodierungen</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>Entschieden</translation>
    </message>
    <message>
        <source>one coded, one not</source>
        <translation>einer kodiert, einer nicht</translation>
    </message>
    <message>
        <source>other tag</source>
        <translation>anderes Tag</translation>
    </message>
    <message>
        <source>boundaries</source>
        <translation>Grenzen</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <source>Clips: audio-only listening copies, equally loud</source>
        <translation>Clips: nur Ton, gleich laut (Hörkopien)</translation>
    </message>
    <message>
        <source>Clips: frame-exact cuts (slower, re-encodes)</source>
        <translation>Clips: bildgenaue Schnitte (langsamer, neu kodiert)</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>Dateiname:</translation>
    </message>
    <message>
        <source>Formats (several at once):</source>
        <translation>Formate (mehrere zugleich):</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>Enthalten</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Transkript</translation>
    </message>
    <message>
        <source> (current)</source>
        <translation> (aktuell)</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Sprecher</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotationen</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Suggestions not yet accepted</source>
        <translation>Noch nicht angenommene Vorschläge</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>Said by:</source>
        <translation>Gesagt von:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Tags:</translation>
    </message>
    <message>
        <source>Annotators:</source>
        <translation>Annotierende:</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>In Ordner exportieren</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Replace files?</source>
        <translation>Dateien ersetzen?</translation>
    </message>
    <message>
        <source>These files exist and will be replaced:
%1</source>
        <translation>Diese Dateien existieren und werden ersetzt:
%1</translation>
    </message>
</context>
<context>
    <name>FiguresModel</name>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Einheiten</translation>
    </message>
    <message>
        <source>Coded time</source>
        <translation>Kodierte Zeit</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in transcript</source>
        <translation>Im Transkript suchen</translation>
    </message>
    <message>
        <source>Only what this speaker said</source>
        <translation>Nur, was dieser Sprecher sagte</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Nächster Treffer (F3)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>Any speaker</source>
        <translation>Alle Sprecher</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>kein Treffer</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Edit history — %1</source>
        <translation>Änderungsverlauf — %1</translation>
    </message>
    <message>
        <source>Edits by:</source>
        <translation>Änderungen von:</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>allen</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>Action %1</source>
        <translation>Aktion %1</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>undone</source>
        <translation>rückgängig gemacht</translation>
    </message>
</context>
<context>
    <name>IdentifyDialog</name>
    <message>
        <source>Identify speakers</source>
        <translation>Sprecher erkennen</translation>
    </message>
    <message>
        <source>Find out automatically</source>
        <translation>Automatisch ermitteln</translation>
    </message>
    <message>
        <source>Also relabel segments whose speaker I set by hand</source>
        <translation>Auch Segmente neu zuordnen, deren Sprecher ich von Hand gesetzt habe</translation>
    </message>
    <message>
        <source>Name voices my voice profiles know</source>
        <translation>Stimmen benennen, die meine Stimmprofile kennen</translation>
    </message>
    <message>
        <source>Desk listens to the recording offline and gives every word a speaker; segments are cut where the voice changes. One step to undo.</source>
        <translation>Desk hört die Aufnahme offline an und gibt jedem Wort einen Sprecher; Segmente werden geteilt, wo die Stimme wechselt. Ein Schritt zum Rückgängigmachen.</translation>
    </message>
    <message>
        <source>Identify</source>
        <translation>Erkennen</translation>
    </message>
    <message>
        <source>Speakers:</source>
        <translation>Sprecher:</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import %1</source>
        <translation>%1 importieren</translation>
    </message>
    <message>
        <source>a new transcript version</source>
        <translation>eine neue Transkriptversion</translation>
    </message>
    <message>
        <source>annotations</source>
        <translation>Annotationen</translation>
    </message>
    <message>
        <source>what the file holds</source>
        <translation>was die Datei enthält</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>In der Datei</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>Wird zu</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Bring in as:</source>
        <translation>Übernehmen als:</translation>
    </message>
    <message>
        <source>Recorded under:</source>
        <translation>Vermerkt unter:</translation>
    </message>
    <message>
        <source>Nothing is written until you press Import; Edit → Undo takes the whole import back.</source>
        <translation>Nichts wird geschrieben, bevor Sie Importieren drücken; Bearbeiten → Rückgängig nimmt den ganzen Import zurück.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>A new transcript version: %1 segments, %2 words, speakers: %3. The current version is kept.</source>
        <translation>Eine neue Transkriptversion: %1 Segmente, %2 Wörter, Sprecher: %3. Die aktuelle Version bleibt erhalten.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 annotations</source>
        <translation>%1 Annotationen</translation>
    </message>
    <message>
        <source> by %1</source>
        <translation> von %1</translation>
    </message>
    <message>
        <source> (%1 already in the project are skipped)</source>
        <translation> (%1 schon im Projekt werden übersprungen)</translation>
    </message>
    <message>
        <source>New tags: %1</source>
        <translation>Neue Tags: %1</translation>
    </message>
    <message>
        <source>Tags already in the codebook: %1</source>
        <translation>Tags, die das Codebuch schon hat: %1</translation>
    </message>
    <message>
        <source>Nothing to import.</source>
        <translation>Nichts zu importieren.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>&amp;Wiedergabe</translation>
    </message>
    <message>
        <source>&amp;Transcript</source>
        <translation>&amp;Transkript</translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation>&amp;Codes</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Transkript</translation>
    </message>
    <message>
        <source>Selected %1–%2 (%3 s)</source>
        <translation>Ausgewählt %1–%2 (%3 s)</translation>
    </message>
    <message>
        <source>No project</source>
        <translation>Kein Projekt</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation> (schreibgeschützt)</translation>
    </message>
    <message>
        <source>no transcript</source>
        <translation>kein Transkript</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge coding from another file</source>
        <translation>Kodierung aus einer anderen Datei zusammenführen</translation>
    </message>
    <message>
        <source>Their .desk file, or its JSON or ELAN export</source>
        <translation>Deren .desk-Datei oder ihr JSON- oder ELAN-Export</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>as their file names them</source>
        <translation>wie ihre Datei sie nennt</translation>
    </message>
    <message>
        <source>Their tags this project lacks (made only if ticked):</source>
        <translation>Ihre Tags, die diesem Projekt fehlen (nur angelegt, wenn angehakt):</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Their name:</source>
        <translation>Ihr Name:</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <source>Merge coding from</source>
        <translation>Kodierung zusammenführen aus</translation>
    </message>
    <message>
        <source>Desk coding (%1)</source>
        <translation>Desk-Kodierung (%1)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Choose a colleague&apos;s file about the same recording: their coding comes in as their own layer.</source>
        <translation>Wählen Sie die Datei einer Kollegin zur selben Aufnahme: ihre Kodierung kommt als eigene Ebene hinzu.</translation>
    </message>
    <message>
        <source>no annotator</source>
        <translation>kein Annotator</translation>
    </message>
    <message>
        <source>%1 annotations come in as the layer of %2.</source>
        <translation>%1 Annotationen kommen als Ebene von %2 hinzu.</translation>
    </message>
    <message>
        <source>%1 of theirs are here already.</source>
        <translation>%1 davon sind bereits hier.</translation>
    </message>
    <message>
        <source>%1 (1 annotation)</source>
        <translation>%1 (1 Annotation)</translation>
    </message>
    <message>
        <source>%1 (%2 annotations)</source>
        <translation>%1 (%2 Annotationen)</translation>
    </message>
    <message>
        <source>Also take their descriptions and colours of %1 shared tags</source>
        <translation>Auch ihre Beschreibungen und Farben von %1 gemeinsamen Tags übernehmen</translation>
    </message>
    <message>
        <source>Also name %1 unnamed segments after their speakers</source>
        <translation>Auch %1 unbenannte Segmente nach ihren Sprechern benennen</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>Wird zusammengeführt…</translation>
    </message>
</context>
<context>
    <name>Player</name>
    <message>
        <source>This recording cannot be played (unsupported or corrupt).</source>
        <translation>Diese Aufnahme kann nicht abgespielt werden (nicht unterstützt oder beschädigt).</translation>
    </message>
    <message>
        <source>Playback failed: the recording is unsupported or corrupt.</source>
        <translation>Wiedergabe fehlgeschlagen: Die Aufnahme wird nicht unterstützt oder ist beschädigt.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Tastatur</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Erkennen</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Your name (annotator):</source>
        <translation>Ihr Name (Annotator):</translation>
    </message>
    <message>
        <source>Default engine:</source>
        <translation>Standard-Engine:</translation>
    </message>
    <message>
        <source>Default model:</source>
        <translation>Standardmodell:</translation>
    </message>
    <message>
        <source>Default language:</source>
        <translation>Standardsprache:</translation>
    </message>
    <message>
        <source>Skip length (Ctrl+←/→):</source>
        <translation>Sprungweite (Strg+←/→):</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>Sprache der Oberfläche:</translation>
    </message>
    <message>
        <source>Colours:</source>
        <translation>Farben:</translation>
    </message>
    <message>
        <source>A new interface language applies fully after restarting Desk.</source>
        <translation>Eine neue Oberflächensprache gilt vollständig nach einem Neustart von Desk.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Keys 1–9 are reserved for coding with tags.</source>
        <translation>Die Tasten 1–9 sind für das Codieren mit Codes reserviert.</translation>
    </message>
    <message>
        <source>Used twice: %1</source>
        <translation>Doppelt belegt: %1</translation>
    </message>
</context>
<context>
    <name>SpeakerIdentifier</name>
    <message>
        <source>Identify speakers…</source>
        <translation>Sprecher erkennen…</translation>
    </message>
    <message>
        <source>Find who speaks when, offline, and label every segment</source>
        <translation>Offline ermitteln, wer wann spricht, und jedes Segment zuordnen</translation>
    </message>
    <message>
        <source>Identifying speakers %1 / %2 of speech</source>
        <translation>Sprecher werden erkannt: %1 / %2 Sprechzeit</translation>
    </message>
    <message>
        <source>Identifying speakers could not run; details are in the log file.</source>
        <translation>Die Sprechererkennung konnte nicht laufen; Einzelheiten stehen in der Protokolldatei.</translation>
    </message>
    <message>
        <source>Identify speakers</source>
        <translation>Sprecher erkennen</translation>
    </message>
    <message>
        <source>Speakers identified: %1</source>
        <translation>Sprecher erkannt: %1</translation>
    </message>
    <message>
        <source>Identifying speakers cancelled; nothing was changed.</source>
        <translation>Sprechererkennung abgebrochen; nichts wurde geändert.</translation>
    </message>
</context>
<context>
    <name>SpeakersModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Sprecher</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Talk time</source>
        <translation>Redezeit</translation>
    </message>
    <message>
        <source>Turns</source>
        <translation>Redebeiträge</translation>
    </message>
    <message>
        <source>Voice match</source>
        <translation>Stimmabgleich</translation>
    </message>
    <message>
        <source>confirmed (%1)</source>
        <translation>bestätigt (%1)</translation>
    </message>
    <message>
        <source>rejected: not %1</source>
        <translation>abgelehnt: nicht %1</translation>
    </message>
    <message>
        <source>matched by voice (%1)</source>
        <translation>an der Stimme erkannt (%1)</translation>
    </message>
    <message>
        <source>Double-click to rename; the name flows into the transcript, the statistics and every export</source>
        <translation>Doppelklick zum Umbenennen; der Name erscheint im Transkript, in der Statistik und in jedem Export</translation>
    </message>
    <message>
        <source>Double-click to change the colour</source>
        <translation>Doppelklick, um die Farbe zu ändern</translation>
    </message>
    <message>
        <source>%1 % of the recording, %2 segments</source>
        <translation>%1 % der Aufnahme, %2 Segmente</translation>
    </message>
    <message>
        <source>Longest turn %1; broke in %2 times, was broken in on %3 times</source>
        <translation>Längster Redebeitrag %1; fiel %2-mal ins Wort, wurde %3-mal unterbrochen</translation>
    </message>
    <message>
        <source>The voice profile “%1” matched this speaker: confirm or reject it</source>
        <translation>Das Stimmprofil „%1“ passt zu diesem Sprecher: bestätigen oder ablehnen</translation>
    </message>
</context>
<context>
    <name>SpeakersPanel</name>
    <message>
        <source>No speakers yet: give segments a speaker in the transcript (Ctrl+Shift+K).</source>
        <translation>Noch keine Sprecher: Segmenten im Transkript einen Sprecher geben (Strg+Umschalt+K).</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Zusammenführen…</translation>
    </message>
    <message>
        <source>One voice heard as two: give the segments of the selected speakers to one of them</source>
        <translation>Eine Stimme, als zwei erkannt: die Segmente der ausgewählten Sprecher einem von ihnen geben</translation>
    </message>
    <message>
        <source>Give selection to…</source>
        <translation>Auswahl geben an…</translation>
    </message>
    <message>
        <source>Split: the words selected in the transcript go to another speaker</source>
        <translation>Aufteilen: die im Transkript ausgewählten Wörter gehen an einen anderen Sprecher</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>Farbe…</translation>
    </message>
    <message>
        <source>Change the speaker&apos;s colour</source>
        <translation>Die Farbe des Sprechers ändern</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Agree with the voice-profile match</source>
        <translation>Dem Stimmprofil-Treffer zustimmen</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Not that person: the speaker is called Speaker N again</source>
        <translation>Nicht diese Person: der Sprecher heißt wieder Speaker N</translation>
    </message>
    <message>
        <source>Save voice…</source>
        <translation>Stimme speichern…</translation>
    </message>
    <message>
        <source>Keep this speaker&apos;s voice print as a voice profile, to name them in other recordings</source>
        <translation>Den Stimmabdruck dieses Sprechers als Stimmprofil behalten, um ihn in anderen Aufnahmen zu benennen</translation>
    </message>
    <message>
        <source>Rename speaker</source>
        <translation>Sprecher umbenennen</translation>
    </message>
    <message>
        <source>Merge speakers</source>
        <translation>Sprecher zusammenführen</translation>
    </message>
    <message>
        <source>Speaker colour</source>
        <translation>Sprecherfarbe</translation>
    </message>
    <message>
        <source>Select the words in the transcript first.</source>
        <translation>Zuerst die Wörter im Transkript auswählen.</translation>
    </message>
    <message>
        <source>Give selection to %1</source>
        <translation>Auswahl an %1 geben</translation>
    </message>
    <message>
        <source>Confirm voice match</source>
        <translation>Stimmabgleich bestätigen</translation>
    </message>
    <message>
        <source>Reject voice match</source>
        <translation>Stimmabgleich ablehnen</translation>
    </message>
    <message>
        <source>Merge %1 into “%2”</source>
        <translation>%1 mit „%2“ zusammenführen</translation>
    </message>
    <message>
        <source>To “%1”</source>
        <translation>An „%1“</translation>
    </message>
    <message>
        <source>To a new speaker</source>
        <translation>An einen neuen Sprecher</translation>
    </message>
    <message>
        <source>Colour of %1</source>
        <translation>Farbe von %1</translation>
    </message>
</context>
<context>
    <name>SpeakersUi</name>
    <message>
        <source>Voice profiles…</source>
        <translation>Stimmprofile…</translation>
    </message>
    <message>
        <source>The voices Desk names in every recording: remove, export, import</source>
        <translation>Die Stimmen, die Desk in jeder Aufnahme benennt: entfernen, exportieren, importieren</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Sprecher</translation>
    </message>
</context>
<context>
    <name>StatsPanel</name>
    <message>
        <source>Tag</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Covered</source>
        <translation>Abgedeckt</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Sprecher</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segmente</translation>
    </message>
    <message>
        <source>Talk time</source>
        <translation>Redezeit</translation>
    </message>
    <message>
        <source>Turns</source>
        <translation>Redebeiträge</translation>
    </message>
    <message>
        <source>Longest turn</source>
        <translation>Längster Beitrag</translation>
    </message>
    <message>
        <source>Interruptions</source>
        <translation>Unterbrechungen</translation>
    </message>
    <message>
        <source>Turns that began while another speaker was still talking, or just after they stopped mid-sentence</source>
        <translation>Beiträge, die begannen, während eine andere Person noch sprach oder gerade mitten im Satz abbrach</translation>
    </message>
    <message>
        <source>Save picture…</source>
        <translation>Bild speichern…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Recount (talk time changes when speakers are edited)</source>
        <translation>Neu zählen (die Redezeit ändert sich, wenn Sprecher bearbeitet werden)</translation>
    </message>
    <message>
        <source>Tags (suggestions not counted)</source>
        <translation>Codes (Vorschläge nicht gezählt)</translation>
    </message>
    <message>
        <source>Talk time per speaker</source>
        <translation>Redezeit pro Sprecher</translation>
    </message>
    <message>
        <source>Picture saved to %1</source>
        <translation>Bild gespeichert unter %1</translation>
    </message>
    <message>
        <source>Save code timeline</source>
        <translation>Code-Zeitleiste speichern</translation>
    </message>
</context>
<context>
    <name>SuggestionActions</name>
    <message>
        <source>Suggest delays from dead air…</source>
        <translation>Verzögerungen aus Stille vorschlagen…</translation>
    </message>
    <message>
        <source>Suggest from codebook keywords</source>
        <translation>Nach Stichwörtern des Codebuchs vorschlagen</translation>
    </message>
    <message>
        <source>Accept all suggestions</source>
        <translation>Alle Vorschläge annehmen</translation>
    </message>
    <message>
        <source>Reject all suggestions</source>
        <translation>Alle Vorschläge ablehnen</translation>
    </message>
    <message>
        <source>Suggest delays</source>
        <translation>Verzögerungen vorschlagen</translation>
    </message>
    <message>
        <source>Shortest dead air to suggest as a delay (seconds):</source>
        <translation>Kürzeste Stille, die als Verzögerung vorgeschlagen wird (Sekunden):</translation>
    </message>
    <message>
        <source>The recording is missing, so dead air cannot be found. Relink the recording first.</source>
        <translation>Die Aufnahme fehlt, daher kann keine Stille gefunden werden. Verknüpfen Sie die Aufnahme zuerst neu.</translation>
    </message>
    <message>
        <source>Looking for dead air in the recording…</source>
        <translation>Suche nach Stille in der Aufnahme…</translation>
    </message>
    <message>
        <source>%1 suggestions added: accept or reject them in the Annotations pane</source>
        <translation>%1 Vorschläge hinzugefügt: Nehmen Sie sie im Bereich Annotationen an oder lehnen Sie sie ab</translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <source>Tag</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>words that suggest this tag, comma-separated</source>
        <translation>Wörter, die diesen Code nahelegen, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Taste</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Stichwörter</translation>
    </message>
</context>
<context>
    <name>TagPalette</name>
    <message>
        <source>No tags yet: add one, or choose a preset below.</source>
        <translation>Noch keine Codes: Fügen Sie einen hinzu oder wählen Sie unten eine Vorlage.</translation>
    </message>
</context>
<context>
    <name>TaggingUi</name>
    <message>
        <source>Codebook</source>
        <translation>Codebuch</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotationen</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>Cancel live coding</source>
        <translation>Live-Codierung abbrechen</translation>
    </message>
    <message>
        <source>Snap to word boundaries</source>
        <translation>An Wortgrenzen ausrichten</translation>
    </message>
    <message>
        <source>Import codebook…</source>
        <translation>Codebuch importieren…</translation>
    </message>
    <message>
        <source>Export codebook…</source>
        <translation>Codebuch exportieren…</translation>
    </message>
    <message>
        <source>Save code timeline picture…</source>
        <translation>Bild der Code-Zeitleiste speichern…</translation>
    </message>
    <message>
        <source>Code with “%1”</source>
        <translation>Mit „%1“ codieren</translation>
    </message>
</context>
<context>
    <name>TimelineCanvas</name>
    <message>
        <source>Code range as %1</source>
        <translation>Bereich als %1 codieren</translation>
    </message>
    <message>
        <source>Waveform</source>
        <translation>Wellenform</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Sprecher</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>Zoom out (Ctrl+wheel)</source>
        <translation>Verkleinern (Strg+Mausrad)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+wheel)</source>
        <translation>Vergrößern (Strg+Mausrad)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Show the whole recording</source>
        <translation>Die ganze Aufnahme zeigen</translation>
    </message>
    <message>
        <source>recording not found</source>
        <translation>Aufnahme nicht gefunden</translation>
    </message>
    <message>
        <source>computing the waveform…</source>
        <translation>Wellenform wird berechnet…</translation>
    </message>
    <message>
        <source>no waveform: %1</source>
        <translation>keine Wellenform: %1</translation>
    </message>
</context>
<context>
    <name>TranscriptModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Sprecher</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Corrected by hand</source>
        <translation>Von Hand korrigiert</translation>
    </message>
    <message>
        <source>Edit text</source>
        <translation>Text bearbeiten</translation>
    </message>
    <message>
        <source>Set speaker</source>
        <translation>Sprecher setzen</translation>
    </message>
</context>
<context>
    <name>TranscriptionDialog</name>
    <message>
        <source>Transcribe</source>
        <translation>Transkribieren</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>Herunterladen…</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Erkennen</translation>
    </message>
    <message>
        <source>Accurate (beam search)</source>
        <translation>Genau (Strahlsuche)</translation>
    </message>
    <message>
        <source>Adaptive (beam search only where unsure)</source>
        <translation>Adaptiv (Strahlsuche nur, wo unsicher)</translation>
    </message>
    <message>
        <source>Faster (greedy, a few more errors)</source>
        <translation>Schneller (gierig, ein paar Fehler mehr)</translation>
    </message>
    <message>
        <source>When the transcript is complete, find who speaks when (Transcript → Identify speakers…)</source>
        <translation>Wenn das Transkript fertig ist, ermitteln, wer wann spricht (Transkript → Sprecher erkennen…)</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Yes, find out how many</source>
        <translation>Ja, Anzahl ermitteln</translation>
    </message>
    <message>
        <source>Yes, one speaker</source>
        <translation>Ja, ein Sprecher</translation>
    </message>
    <message>
        <source>Yes, %1 speakers</source>
        <translation>Ja, %1 Sprecher</translation>
    </message>
    <message>
        <source>Names and terms that will come up, e.g. Elon Musk, Donald Trump, Kamala Harris, DDoS</source>
        <translation>Namen und Begriffe, die vorkommen werden, z. B. Elon Musk, Donald Trump, Kamala Harris, DDoS</translation>
    </message>
    <message>
        <source>Continue the interrupted transcription</source>
        <translation>Die unterbrochene Transkription fortsetzen</translation>
    </message>
    <message>
        <source>Use these settings as the default</source>
        <translation>Diese Einstellungen als Standard verwenden</translation>
    </message>
    <message>
        <source>Engine:</source>
        <translation>Engine:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>Decoding:</source>
        <translation>Dekodierung:</translation>
    </message>
    <message>
        <source>Prompt:</source>
        <translation>Prompt:</translation>
    </message>
    <message>
        <source>Identify speakers:</source>
        <translation>Sprecher erkennen:</translation>
    </message>
    <message>
        <source>Runs on this computer; nothing is uploaded. Segments appear while they are transcribed.</source>
        <translation>Läuft auf diesem Computer; nichts wird hochgeladen. Segmente erscheinen, während sie transkribiert werden.</translation>
    </message>
    <message>
        <source>A new transcript version will be made. The current one, %1, is kept and stays current until the new run is complete; a cancelled run is kept as a partial version (Transcript → Versions…).</source>
        <translation>Es wird eine neue Transkriptversion erstellt. Die aktuelle, %1, bleibt erhalten und aktuell, bis der neue Lauf vollständig ist; ein abgebrochener Lauf bleibt als unvollständige Version erhalten (Transkript → Versionen…).</translation>
    </message>
    <message>
        <source>%1 only knows English, so it cannot transcribe %2. Pick a multilingual model (such as base, or small) for that language, or choose English.</source>
        <translation>%1 kennt nur Englisch und kann daher nicht %2 transkribieren. Wählen Sie für diese Sprache ein mehrsprachiges Modell (etwa base oder small) oder Englisch.</translation>
    </message>
    <message>
        <source>%1 only knows English; other languages need a multilingual model (such as base, or small).</source>
        <translation>%1 kennt nur Englisch; andere Sprachen brauchen ein mehrsprachiges Modell (etwa base oder small).</translation>
    </message>
    <message>
        <source>Download a model</source>
        <translation>Ein Modell herunterladen</translation>
    </message>
    <message>
        <source>Desk only uses models on this computer. To fetch another official Whisper model, run in a terminal (needs internet once):

    desk models --download base

or copy a model file into Desk&apos;s model folder. It then appears in this list.</source>
        <translation>Desk verwendet nur Modelle auf diesem Computer. Um ein weiteres offizielles Whisper-Modell zu holen, führen Sie in einem Terminal aus (braucht einmal Internet):

    desk models --download base

oder kopieren Sie eine Modelldatei in Desks Modellordner. Es erscheint dann in dieser Liste.</translation>
    </message>
</context>
<context>
    <name>TransportBar</name>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Vor</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Click to type a time to go to (Ctrl+G)</source>
        <translation>Klicken, um eine Zeit einzugeben, zu der gesprungen wird (Strg+G)</translation>
    </message>
    <message>
        <source>Go to time</source>
        <translation>Gehe zu Zeit</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Wiedergabegeschwindigkeit</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Stumm</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Lautstärke</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <source>Transcript versions</source>
        <translation>Transkriptversionen</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Verwenden</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Every transcription run is kept as a version. Codes belong to the recording, not to a version, so they stay with every switch. Edit → Undo takes back a switch, a rename or a delete.</source>
        <translation>Jeder Transkriptionslauf bleibt als Version erhalten. Codes gehören zur Aufnahme, nicht zu einer Version, und bleiben bei jedem Wechsel. Bearbeiten → Rückgängig nimmt einen Wechsel, eine Umbenennung oder ein Löschen zurück.</translation>
    </message>
    <message>
        <source>Use transcript version %1</source>
        <translation>Transkriptversion %1 verwenden</translation>
    </message>
    <message>
        <source>Rename version</source>
        <translation>Version umbenennen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Rename transcript version</source>
        <translation>Transkriptversion umbenennen</translation>
    </message>
    <message>
        <source>Delete transcript version %1</source>
        <translation>Transkriptversion %1 löschen</translation>
    </message>
</context>
<context>
    <name>VersionsModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segmente</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Bearbeitet</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>current</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>vollständig</translation>
    </message>
    <message>
        <source> at %1 of %2</source>
        <translation> bei %1 von %2</translation>
    </message>
    <message>
        <source>partial (interrupted)</source>
        <translation>unvollständig (unterbrochen)</translation>
    </message>
    <message>
        <source>partial (cancelled)</source>
        <translation>unvollständig (abgebrochen)</translation>
    </message>
    <message>
        <source>partial (failed)</source>
        <translation>unvollständig (fehlgeschlagen)</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>unvollständig</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(unbenannt)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>VideoArea</name>
    <message>
        <source>Open a project or drop a recording here.</source>
        <translation>Öffnen Sie ein Projekt oder ziehen Sie eine Aufnahme hierher.</translation>
    </message>
</context>
<context>
    <name>VoicePrinter</name>
    <message>
        <source>Taking a voice print %1 / %2 of speech</source>
        <translation>Stimmabdruck wird genommen %1 / %2 Sprache</translation>
    </message>
    <message>
        <source>Save voice</source>
        <translation>Stimme speichern</translation>
    </message>
    <message>
        <source>Save the voice of “%1” as the voice profile:</source>
        <translation>Die Stimme von „%1“ als dieses Stimmprofil speichern:</translation>
    </message>
    <message>
        <source>Voice profile “%1” saved from about %2 of speech.</source>
        <translation>Stimmprofil „%1“ aus etwa %2 Sprache gespeichert.</translation>
    </message>
    <message>
        <source>Pooled with the profile it had: about %1 in all.</source>
        <translation>Mit dem bisherigen Profil zusammengelegt: etwa %1 insgesamt.</translation>
    </message>
    <message>
        <source>The voice could not be saved: %1</source>
        <translation>Die Stimme konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Saving the voice cancelled; no profile was changed.</source>
        <translation>Speichern der Stimme abgebrochen; kein Profil wurde geändert.</translation>
    </message>
    <message>
        <source>Saving the voice could not run; details are in the log file.</source>
        <translation>Das Speichern der Stimme konnte nicht laufen; Einzelheiten stehen in der Protokolldatei.</translation>
    </message>
</context>
<context>
    <name>VoicesDialog</name>
    <message>
        <source>Voice profiles</source>
        <translation>Stimmprofile</translation>
    </message>
    <message>
        <source>Identify speakers names a voice these profiles know in every recording. A profile is a voice print, never audio: save one from the Speakers pane (Save voice…).</source>
        <translation>Sprecher erkennen benennt in jeder Aufnahme eine Stimme, die diese Profile kennen. Ein Profil ist ein Stimmabdruck, niemals Audio: speichern Sie eines im Bereich Sprecher (Stimme speichern…).</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Write the selected profiles (none selected: all) to a file for a colleague</source>
        <translation>Die ausgewählten Profile (keine ausgewählt: alle) für eine Kollegin oder einen Kollegen in eine Datei schreiben</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Add the profiles of a file; a profile of a name you have is pooled with yours</source>
        <translation>Die Profile einer Datei hinzufügen; ein Profil mit einem Namen, den Sie schon haben, wird mit Ihrem zusammengelegt</translation>
    </message>
    <message>
        <source>The voice profile library cannot be read: %1</source>
        <translation>Die Stimmprofil-Bibliothek kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No voice profiles yet.</source>
        <translation>Noch keine Stimmprofile.</translation>
    </message>
    <message>
        <source>Remove voice profiles</source>
        <translation>Stimmprofile entfernen</translation>
    </message>
    <message>
        <source>Remove %1? Recordings will no longer be named after them; this cannot be undone.</source>
        <translation>%1 entfernen? Aufnahmen werden dann nicht mehr danach benannt; das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Removed: %1</source>
        <translation>Entfernt: %1</translation>
    </message>
    <message>
        <source>Export voice profiles</source>
        <translation>Stimmprofile exportieren</translation>
    </message>
    <message>
        <source>Desk voice profiles (*.json)</source>
        <translation>Desk-Stimmprofile (*.json)</translation>
    </message>
    <message>
        <source>%1 exported to %2</source>
        <translation>%1 exportiert nach %2</translation>
    </message>
    <message>
        <source>Import voice profiles</source>
        <translation>Stimmprofile importieren</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Nichts wurde importiert: %1</translation>
    </message>
    <message>
        <source>Imported: %1</source>
        <translation>Importiert: %1</translation>
    </message>
</context>
<context>
    <name>VoicesModel</name>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Made from %1 voice windows of 1.5 s</source>
        <translation>Aus %1 Stimmfenstern zu 1,5 s</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>etwa %1</translation>
    </message>
</context>
<context>
    <name>WaveformView</name>
    <message>
        <source>Audio only: %1</source>
        <translation>Nur Audio: %1</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Relink recording…</source>
        <translation>Aufnahme neu verknüpfen…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Resume the interrupted transcription</source>
        <translation>Unterbrochene Transkription fortsetzen</translation>
    </message>
    <message>
        <source>Cancel the transcription</source>
        <translation>Transkription abbrechen</translation>
    </message>
    <message>
        <source>Open the log folder</source>
        <translation>Protokollordner öffnen</translation>
    </message>
    <message>
        <source>About Desk</source>
        <translation>Über Desk</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
</context>
<context>
    <name>demo</name>
    <message>
        <source>Preparing the demo project…</source>
        <translation>Demo-Projekt wird vorbereitet…</translation>
    </message>
    <message>
        <source>The demo could not be prepared; details are in the log file.</source>
        <translation>Die Demo konnte nicht vorbereitet werden; Details stehen in der Protokolldatei.</translation>
    </message>
    <message>
        <source>Demo: the sample recording, transcribed on this computer.</source>
        <translation>Demo: die Beispielaufnahme, auf diesem Computer transkribiert.</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>Something went wrong inside Desk. Your edits so far are saved.
Details are in the log file: %1</source>
        <translation>In Desk ist etwas schiefgegangen. Ihre bisherigen Änderungen sind gespeichert.
Details stehen in der Protokolldatei: %1</translation>
    </message>
    <message>
        <source>Welcome to Desk</source>
        <translation>Willkommen bei Desk</translation>
    </message>
    <message>
        <source>Your name or initials (stored with every annotation you make):</source>
        <translation>Ihr Name oder Kürzel (wird mit jeder Ihrer Annotationen gespeichert):</translation>
    </message>
    <message>
        <source>Segment times</source>
        <translation>Segmentzeiten</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>Anfang:</translation>
    </message>
    <message>
        <source>End:</source>
        <translation>Ende:</translation>
    </message>
    <message>
        <source>Playhead</source>
        <translation>Abspielposition</translation>
    </message>
    <message>
        <source>Use the current playback position</source>
        <translation>Die aktuelle Abspielposition verwenden</translation>
    </message>
    <message>
        <source>the end must come after the start</source>
        <translation>das Ende muss nach dem Anfang liegen</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>About Desk</source>
        <translation>Über Desk</translation>
    </message>
    <message>
        <source>&lt;b&gt;Desk %1&lt;/b&gt;&lt;p&gt;Annotate a livestream recording: watch it, transcribe it locally with Whisper, code time ranges, export the evidence.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Desk %1&lt;/b&gt;&lt;p&gt;Aufzeichnungen von Livestreams annotieren: ansehen, lokal mit Whisper transkribieren, Zeitbereiche codieren, Belege exportieren.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>editing</name>
    <message>
        <source>Put the text cursor (or the playhead) where the segment should split.</source>
        <translation>Setzen Sie den Textcursor (oder die Abspielposition) dorthin, wo das Segment geteilt werden soll.</translation>
    </message>
    <message>
        <source>Split segment</source>
        <translation>Segment teilen</translation>
    </message>
    <message>
        <source>Merge segments</source>
        <translation>Segmente zusammenführen</translation>
    </message>
    <message>
        <source>Adjust times</source>
        <translation>Zeiten anpassen</translation>
    </message>
    <message>
        <source>Select the segments first.</source>
        <translation>Wählen Sie zuerst die Segmente aus.</translation>
    </message>
    <message>
        <source>Assign speaker</source>
        <translation>Sprecher zuweisen</translation>
    </message>
    <message>
        <source>Speaker of the selected segments:</source>
        <translation>Sprecher der ausgewählten Segmente:</translation>
    </message>
    <message>
        <source>No speakers yet: assign one first.</source>
        <translation>Noch keine Sprecher: Weisen Sie zuerst einen zu.</translation>
    </message>
    <message>
        <source>Rename speaker</source>
        <translation>Sprecher umbenennen</translation>
    </message>
    <message>
        <source>Speaker:</source>
        <translation>Sprecher:</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>Exportiere %1…</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportiere…</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Im Ordner zeigen</translation>
    </message>
    <message>
        <source>Exported 1 file to %2</source>
        <translation>1 Datei nach %2 exportiert</translation>
    </message>
    <message>
        <source>Exported %1 files to %2</source>
        <translation>%1 Dateien nach %2 exportiert</translation>
    </message>
    <message>
        <source>Export cancelled; the files already written are complete.</source>
        <translation>Export abgebrochen; die schon geschriebenen Dateien sind vollständig.</translation>
    </message>
</context>
<context>
    <name>files</name>
    <message>
        <source>Recordings</source>
        <translation>Aufnahmen</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Alle Dateien</translation>
    </message>
    <message>
        <source>New project from a recording</source>
        <translation>Neues Projekt aus einer Aufnahme</translation>
    </message>
    <message>
        <source>Project created: %1</source>
        <translation>Projekt angelegt: %1</translation>
    </message>
    <message>
        <source>Project exists</source>
        <translation>Projekt existiert</translation>
    </message>
    <message>
        <source>%1 already exists. Open it?</source>
        <translation>%1 existiert bereits. Öffnen?</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>Desk projects</source>
        <translation>Desk-Projekte</translation>
    </message>
    <message>
        <source>%1 belongs to another recording: save the project for %2 as</source>
        <translation>%1 gehört zu einer anderen Aufnahme: Projekt für %2 speichern unter</translation>
    </message>
    <message>
        <source>This project is gone: %1</source>
        <translation>Dieses Projekt ist nicht mehr da: %1</translation>
    </message>
    <message>
        <source>Read-only project</source>
        <translation>Schreibgeschütztes Projekt</translation>
    </message>
    <message>
        <source>Open it read-only (no edits)?</source>
        <translation>Schreibgeschützt öffnen (keine Änderungen)?</translation>
    </message>
    <message>
        <source>Recording not found</source>
        <translation>Aufnahme nicht gefunden</translation>
    </message>
    <message>
        <source>The recording %1 was moved or renamed. Find it now? Without it the transcript and the annotations stay usable, without playback.</source>
        <translation>Die Aufnahme %1 wurde verschoben oder umbenannt. Jetzt suchen? Ohne sie bleiben Transkript und Annotationen nutzbar, nur ohne Wiedergabe.</translation>
    </message>
    <message>
        <source>Where is %1?</source>
        <translation>Wo ist %1?</translation>
    </message>
    <message>
        <source>%1 is not the project&apos;s recording (its content fingerprint differs).</source>
        <translation>%1 ist nicht die Aufnahme des Projekts (ihr Inhalts-Fingerabdruck weicht ab).</translation>
    </message>
    <message>
        <source>The project is read-only, so the new place of the recording cannot be saved.</source>
        <translation>Das Projekt ist schreibgeschützt, daher kann der neue Ort der Aufnahme nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Recording relinked: %1</source>
        <translation>Aufnahme neu verknüpft: %1</translation>
    </message>
</context>
<context>
    <name>formats</name>
    <message>
        <source>SubRip subtitles with speakers and tags</source>
        <translation>SubRip-Untertitel mit Sprechern und Codes</translation>
    </message>
    <message>
        <source>WebVTT subtitles: speakers as voices, tags as notes</source>
        <translation>WebVTT-Untertitel: Sprecher als Stimmen, Codes als Notizen</translation>
    </message>
    <message>
        <source>CSV tables of segments and annotations (Excel, pandas)</source>
        <translation>CSV-Tabellen der Segmente und Annotationen (Excel, pandas)</translation>
    </message>
    <message>
        <source>Desk JSON: the whole project (documented by a JSON Schema)</source>
        <translation>Desk-JSON: das ganze Projekt (durch ein JSON-Schema dokumentiert)</translation>
    </message>
    <message>
        <source>ELAN annotation file: tiers per speaker and per tag</source>
        <translation>ELAN-Annotationsdatei: Spuren je Sprecher und je Code</translation>
    </message>
    <message>
        <source>Praat TextGrid: speaker, word and tag tiers</source>
        <translation>Praat-TextGrid: Spuren für Sprecher, Wörter und Codes</translation>
    </message>
    <message>
        <source>Annotated transcript report as a web page</source>
        <translation>Annotiertes Transkript als Bericht (Webseite)</translation>
    </message>
    <message>
        <source>Annotated transcript report in Markdown</source>
        <translation>Annotiertes Transkript als Bericht in Markdown</translation>
    </message>
    <message>
        <source>Annotated transcript report for Microsoft Word</source>
        <translation>Annotiertes Transkript als Bericht für Microsoft Word</translation>
    </message>
    <message>
        <source>Media clips of annotations (one file each, for evidence)</source>
        <translation>Medienausschnitte der Annotationen (je eine Datei, als Beleg)</translation>
    </message>
    <message>
        <source>ELAN file: tiers to transcript or annotations, vocabularies to codebook</source>
        <translation>ELAN-Datei: Spuren als Transkript oder Annotationen, Vokabulare ins Codebuch</translation>
    </message>
    <message>
        <source>SubRip subtitles as a new transcript</source>
        <translation>SubRip-Untertitel als neues Transkript</translation>
    </message>
    <message>
        <source>WebVTT subtitles as a new transcript</source>
        <translation>WebVTT-Untertitel als neues Transkript</translation>
    </message>
    <message>
        <source>Desk JSON export: transcript, codebook and annotations</source>
        <translation>Desk-JSON-Export: Transkript, Codebuch und Annotationen</translation>
    </message>
    <message>
        <source>Codebook JSON: adds and updates tags</source>
        <translation>Codebuch-JSON: fügt Codes hinzu und aktualisiert sie</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>Import into the project</source>
        <translation>In das Projekt importieren</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>%1 importieren</translation>
    </message>
</context>
<context>
    <name>menus</name>
    <message>
        <source>Code %1–%2 with</source>
        <translation>%1–%2 codieren mit</translation>
    </message>
    <message>
        <source>Play from here</source>
        <translation>Ab hier abspielen</translation>
    </message>
    <message>
        <source>Play this segment</source>
        <translation>Dieses Segment abspielen</translation>
    </message>
    <message>
        <source>Loop the selection</source>
        <translation>Auswahl in Schleife</translation>
    </message>
    <message>
        <source>Copy with timestamp</source>
        <translation>Mit Zeitmarke kopieren</translation>
    </message>
    <message>
        <source>Split here</source>
        <translation>Hier teilen</translation>
    </message>
    <message>
        <source>Merge with the next</source>
        <translation>Mit dem nächsten zusammenführen</translation>
    </message>
    <message>
        <source>Set speaker…</source>
        <translation>Sprecher festlegen…</translation>
    </message>
    <message>
        <source>Edit the text</source>
        <translation>Text bearbeiten</translation>
    </message>
    <message>
        <source>Copied with timestamps.</source>
        <translation>Mit Zeitmarken kopiert.</translation>
    </message>
    <message>
        <source>Edit the note</source>
        <translation>Notiz bearbeiten</translation>
    </message>
    <message>
        <source>Edit the bounds</source>
        <translation>Grenzen bearbeiten</translation>
    </message>
    <message>
        <source>Change the tag to</source>
        <translation>Tag ändern zu</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>Schleife</translation>
    </message>
    <message>
        <source>Export the clip…</source>
        <translation>Clip exportieren…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Change the tag to %1</source>
        <translation>Tag zu %1 ändern</translation>
    </message>
    <message>
        <source>Save the clip in</source>
        <translation>Clip speichern in</translation>
    </message>
    <message>
        <source>Cutting the clip…</source>
        <translation>Clip wird geschnitten…</translation>
    </message>
    <message>
        <source>Clip saved: %1</source>
        <translation>Clip gespeichert: %1</translation>
    </message>
    <message>
        <source>Zoom to the selection</source>
        <translation>Auf die Auswahl zoomen</translation>
    </message>
    <message>
        <source>Zoom in here</source>
        <translation>Hier hineinzoomen</translation>
    </message>
    <message>
        <source>Ctrl+Wheel</source>
        <translation>Strg+Mausrad</translation>
    </message>
    <message>
        <source>Show the whole recording</source>
        <translation>Die ganze Aufnahme zeigen</translation>
    </message>
</context>
<context>
    <name>playback</name>
    <message>
        <source>No transcript line to play.</source>
        <translation>Keine Transkriptzeile zum Abspielen.</translation>
    </message>
    <message>
        <source>Select words, lines or an annotation to loop.</source>
        <translation>Wählen Sie Wörter, Zeilen oder eine Annotation für die Schleife.</translation>
    </message>
</context>
<context>
    <name>shortcuts</name>
    <message>
        <source>Playback</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>Abspielen / Pause</translation>
    </message>
    <message>
        <source>Back (skip length)</source>
        <translation>Zurück (Sprungweite)</translation>
    </message>
    <message>
        <source>Forward (skip length)</source>
        <translation>Vor (Sprungweite)</translation>
    </message>
    <message>
        <source>Faster (+0.1×)</source>
        <translation>Schneller (+0,1×)</translation>
    </message>
    <message>
        <source>Slower (−0.1×)</source>
        <translation>Langsamer (−0,1×)</translation>
    </message>
    <message>
        <source>Normal speed</source>
        <translation>Normale Geschwindigkeit</translation>
    </message>
    <message>
        <source>Mute / unmute</source>
        <translation>Stumm / laut</translation>
    </message>
    <message>
        <source>Previous frame (when not typing)</source>
        <translation>Vorheriges Bild (wenn nicht getippt wird)</translation>
    </message>
    <message>
        <source>Next frame (when not typing)</source>
        <translation>Nächstes Bild (wenn nicht getippt wird)</translation>
    </message>
    <message>
        <source>Previous frame</source>
        <translation>Vorheriges Bild</translation>
    </message>
    <message>
        <source>Next frame</source>
        <translation>Nächstes Bild</translation>
    </message>
    <message>
        <source>Back 1 s</source>
        <translation>1 s zurück</translation>
    </message>
    <message>
        <source>Forward 1 s</source>
        <translation>1 s vor</translation>
    </message>
    <message>
        <source>Play this segment</source>
        <translation>Dieses Segment abspielen</translation>
    </message>
    <message>
        <source>Loop the selection (again: stop)</source>
        <translation>Auswahl in Schleife (nochmals: stopp)</translation>
    </message>
    <message>
        <source>Go to a time…</source>
        <translation>Gehe zu Zeit…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>New project from a recording…</source>
        <translation>Neues Projekt aus einer Aufnahme…</translation>
    </message>
    <message>
        <source>Open project…</source>
        <translation>Projekt öffnen…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Merge coding from…</source>
        <translation>Kodierung zusammenführen aus…</translation>
    </message>
    <message>
        <source>Close project</source>
        <translation>Projekt schließen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Edit history…</source>
        <translation>Änderungsverlauf…</translation>
    </message>
    <message>
        <source>Find in transcript</source>
        <translation>Im Transkript suchen</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>Weitersuchen</translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation>Rückwärts suchen</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Transkript</translation>
    </message>
    <message>
        <source>Edit the segment&apos;s text</source>
        <translation>Text des Segments bearbeiten</translation>
    </message>
    <message>
        <source>Split the segment at the cursor</source>
        <translation>Segment am Cursor teilen</translation>
    </message>
    <message>
        <source>Merge with the next segment</source>
        <translation>Mit dem nächsten Segment zusammenführen</translation>
    </message>
    <message>
        <source>Adjust the segment&apos;s times…</source>
        <translation>Zeiten des Segments anpassen…</translation>
    </message>
    <message>
        <source>Assign a speaker…</source>
        <translation>Sprecher zuweisen…</translation>
    </message>
    <message>
        <source>Rename a speaker…</source>
        <translation>Sprecher umbenennen…</translation>
    </message>
    <message>
        <source>Copy the selection with timestamps</source>
        <translation>Die Auswahl mit Zeitmarken kopieren</translation>
    </message>
    <message>
        <source>Follow playback</source>
        <translation>Wiedergabe folgen</translation>
    </message>
    <message>
        <source>Jump to the segment playing</source>
        <translation>Zum laufenden Segment springen</translation>
    </message>
    <message>
        <source>Transcribe…</source>
        <translation>Transkribieren…</translation>
    </message>
    <message>
        <source>Versions…</source>
        <translation>Versionen…</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Code the selection with the tag of that key; while playing, press to open a range and again to close it</source>
        <translation>Die Auswahl mit dem Tag dieser Taste codieren; beim Abspielen öffnet ein Druck einen Bereich, ein zweiter schließt ihn</translation>
    </message>
    <message>
        <source>Cancel live coding; close the find bar; cancel an edit</source>
        <translation>Live-Codierung abbrechen; Suchleiste schließen; Bearbeitung abbrechen</translation>
    </message>
    <message>
        <source>Transcript: select word by word</source>
        <translation>Transkript: Wort für Wort auswählen</translation>
    </message>
    <message>
        <source>Transcript: select the words up to here</source>
        <translation>Transkript: die Wörter bis hierher auswählen</translation>
    </message>
    <message>
        <source>Save the text being edited</source>
        <translation>Den bearbeiteten Text speichern</translation>
    </message>
    <message>
        <source>Annotations: delete the selected ones</source>
        <translation>Annotationen: die ausgewählten löschen</translation>
    </message>
    <message>
        <source>Annotations: nudge the start by 0.1 s</source>
        <translation>Annotationen: Anfang um 0,1 s verschieben</translation>
    </message>
    <message>
        <source>Annotations: nudge the end by 0.1 s</source>
        <translation>Annotationen: Ende um 0,1 s verschieben</translation>
    </message>
    <message>
        <source>Annotations, codebook: edit the cell (also a double-click on Note or End)</source>
        <translation>Annotationen, Codebuch: die Zelle bearbeiten (auch Doppelklick auf Notiz oder Ende)</translation>
    </message>
    <message>
        <source>Timeline: zoom around the mouse</source>
        <translation>Zeitleiste: um die Maus herum zoomen</translation>
    </message>
    <message>
        <source>Timeline: scroll</source>
        <translation>Zeitleiste: blättern</translation>
    </message>
    <message>
        <source>Context menu (as a right-click)</source>
        <translation>Kontextmenü (wie ein Rechtsklick)</translation>
    </message>
</context>
<context>
    <name>transcription</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Finding dead air %1 / %2</source>
        <translation>Suche nach Stille %1 / %2</translation>
    </message>
    <message>
        <source>Transcribing %1 / %2</source>
        <translation>Transkribiere %1 / %2</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>noch etwa %1</translation>
    </message>
    <message>
        <source>Transcription finished.</source>
        <translation>Transkription fertig.</translation>
    </message>
    <message>
        <source>Transcription cancelled; what was transcribed is kept.</source>
        <translation>Transkription abgebrochen; bereits Transkribiertes bleibt erhalten.</translation>
    </message>
    <message>
        <source>The transcription failed; see the log file.</source>
        <translation>Die Transkription ist fehlgeschlagen; siehe Protokolldatei.</translation>
    </message>
    <message>
        <source>The transcription could not run; details are in the log file.</source>
        <translation>Die Transkription konnte nicht laufen; Details stehen in der Protokolldatei.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>The transcription stopped at %1 of %2.</source>
        <translation>Die Transkription wurde bei %1 von %2 unterbrochen.</translation>
    </message>
</context>
<context>
    <name>vlc</name>
    <message>
        <source>Install VLC 3 (64-bit) from https://www.videolan.org/ and restart Desk.</source>
        <translation>Installieren Sie VLC 3 (64 Bit) von https://www.videolan.org/ und starten Sie Desk neu.</translation>
    </message>
    <message>
        <source>Install VLC 3 (brew install --cask vlc, or from https://www.videolan.org/) and restart Desk.</source>
        <translation>Installieren Sie VLC 3 (brew install --cask vlc oder von https://www.videolan.org/) und starten Sie Desk neu.</translation>
    </message>
    <message>
        <source>Install VLC 3 (Debian/Ubuntu: sudo apt install vlc; Fedora: sudo dnf install vlc) and restart Desk.</source>
        <translation>Installieren Sie VLC 3 (Debian/Ubuntu: sudo apt install vlc; Fedora: sudo dnf install vlc) und starten Sie Desk neu.</translation>
    </message>
    <message>
        <source>Until then the transcript and the annotations stay usable, without playback.</source>
        <translation>Bis dahin bleiben Transkript und Annotationen nutzbar, nur ohne Wiedergabe.</translation>
    </message>
    <message>
        <source>VLC could not be loaded, so playback is off.</source>
        <translation>VLC konnte nicht geladen werden, daher ist die Wiedergabe aus.</translation>
    </message>
    <message>
        <source>VLC is installed but could not start (its plugins are missing?).</source>
        <translation>VLC ist installiert, konnte aber nicht starten (fehlen seine Plugins?).</translation>
    </message>
</context>
</TS>
