<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CaseDialogs</name>
    <message>
        <location filename="../ui/window/casedialogs.cpp" line="20"/>
        <source>Open Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/casedialogs.cpp" line="21"/>
        <source>Trailscope cases (*.%1);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/casedialogs.cpp" line="28"/>
        <source>Import Trail Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/casedialogs.cpp" line="31"/>
        <source>CloudTrail logs (*.json.gz *.json *.jsonl *.gz *.zip *.tar *.tar.gz *.tgz);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/casedialogs.cpp" line="37"/>
        <source>New Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/casedialogs.cpp" line="38"/>
        <source>Trailscope cases (*.%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../ui/common/errortext.cpp" line="11"/>
        <source>Cannot read or write the file</source>
        <translation>Die Datei kann nicht gelesen oder geschrieben werden</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="13"/>
        <source>Not a Trailscope case</source>
        <translation>Kein Trailscope-Fall</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="15"/>
        <source>The case file is damaged</source>
        <translation>Die Falldatei ist beschädigt</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="17"/>
        <source>The case was made by a newer Trailscope</source>
        <translation>Der Fall wurde mit einem neueren Trailscope angelegt</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="19"/>
        <source>The case was made by an older Trailscope</source>
        <translation>Der Fall wurde mit einem älteren Trailscope angelegt</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="21"/>
        <source>The case is in use by another program</source>
        <translation>Der Fall wird von einem anderen Programm verwendet</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="23"/>
        <source>The case database reported an error</source>
        <translation>Die Falldatenbank meldet einen Fehler</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="25"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="27"/>
        <source>The gzip file is cut short</source>
        <translation>Die gzip-Datei ist unvollständig</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="29"/>
        <source>The gzip file is damaged</source>
        <translation>Die gzip-Datei ist beschädigt</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="31"/>
        <source>The file expands far beyond any trail file</source>
        <translation>Die Datei entpackt sich weit über jede Trail-Datei hinaus</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="33"/>
        <source>Not JSON</source>
        <translation>Kein JSON</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="35"/>
        <source>No CloudTrail records</source>
        <translation>Keine CloudTrail-Einträge</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="37"/>
        <source>An archive format Trailscope does not read</source>
        <translation>Ein Archivformat, das Trailscope nicht liest</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="39"/>
        <source>The archive is damaged</source>
        <translation>Das Archiv ist beschädigt</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="41"/>
        <source>An archive member is too large</source>
        <translation>Ein Archiveintrag ist zu groß</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="43"/>
        <source>Not valid JSON</source>
        <translation>Kein gültiges JSON</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="45"/>
        <source>Not valid UTF-8</source>
        <translation>Kein gültiges UTF-8</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="47"/>
        <source>Not a JSON object</source>
        <translation>Kein JSON-Objekt</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="49"/>
        <source>Not a CloudTrail record</source>
        <translation>Kein CloudTrail-Eintrag</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="51"/>
        <source>The record has no eventID</source>
        <translation>Der Eintrag hat keine eventID</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="53"/>
        <source>The record has no eventTime</source>
        <translation>Der Eintrag hat keine eventTime</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="55"/>
        <source>The record&apos;s eventTime cannot be read</source>
        <translation>Die eventTime des Eintrags ist nicht lesbar</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="57"/>
        <source>No eventTime; the time is taken from @timestamp</source>
        <translation>Keine eventTime; die Zeit stammt aus @timestamp</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="59"/>
        <source>The record is too large</source>
        <translation>Der Eintrag ist zu groß</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="61"/>
        <source>The record nests too deeply</source>
        <translation>Der Eintrag ist zu tief verschachtelt</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="63"/>
        <source>An archive member has an unsafe name</source>
        <translation>Ein Archiveintrag hat einen unsicheren Namen</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="65"/>
        <source>Syntax error</source>
        <translation>Syntaxfehler</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="67"/>
        <source>Not allowed on the read-only case</source>
        <translation>Im schreibgeschützten Fall nicht erlaubt</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="69"/>
        <source>The query failed</source>
        <translation>Die Abfrage ist fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="71"/>
        <source>Unknown error</source>
        <translation>Unbekannter Fehler</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="80"/>
        <source>record %1</source>
        <translation>Eintrag %1</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="82"/>
        <source>(line %1, column %2)</source>
        <translation>(Zeile %1, Spalte %2)</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="84"/>
        <source>(line %1)</source>
        <translation>(Zeile %1)</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="85"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="90"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <location filename="../core/query/eventcolumns.cpp" line="26"/>
        <source>Event time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/query/eventcolumns.cpp" line="27"/>
        <source>Event name</source>
        <translation>Ereignisname</translation>
    </message>
    <message>
        <location filename="../core/query/eventcolumns.cpp" line="29"/>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location filename="../core/query/eventcolumns.cpp" line="31"/>
        <source>Event source</source>
        <translation>Ereignisquelle</translation>
    </message>
    <message>
        <location filename="../core/query/eventcolumns.cpp" line="33"/>
        <source>Resource type</source>
        <translation>Ressourcentyp</translation>
    </message>
    <message>
        <location filename="../core/query/eventcolumns.cpp" line="35"/>
        <source>Resource name</source>
        <translation>Ressourcenname</translation>
    </message>
    <message>
        <location filename="../core/query/eventcolumns.cpp" line="37"/>
        <source>AWS region</source>
        <translation>AWS-Region</translation>
    </message>
    <message>
        <location filename="../core/query/eventcolumns.cpp" line="39"/>
        <source>Source IP address</source>
        <translation>Quell-IP-Adresse</translation>
    </message>
    <message>
        <location filename="../core/query/eventcolumns.cpp" line="41"/>
        <source>Error code</source>
        <translation>Fehlercode</translation>
    </message>
    <message>
        <location filename="../core/query/eventcolumns.cpp" line="43"/>
        <source>Read-only</source>
        <translation>Nur lesend</translation>
    </message>
    <message>
        <location filename="../core/query/eventcolumns.cpp" line="44"/>
        <source>AWS account</source>
        <translation>AWS-Konto</translation>
    </message>
    <message>
        <location filename="../core/query/eventcolumns.cpp" line="46"/>
        <source>Event ID</source>
        <translation>Ereignis-ID</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/browser/colourrules.cpp" line="10"/>
        <source>Root activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/colourrules.cpp" line="11"/>
        <source>Failed calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/colourrules.cpp" line="12"/>
        <source>Logging changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::AnalystWorker</name>
    <message>
        <location filename="../ui/browser/analystworker.cpp" line="22"/>
        <source>Stars, notes and saved searches are unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::ColourRulesDialog</name>
    <message>
        <location filename="../ui/browser/colourrulesdialog.cpp" line="23"/>
        <source>Colouring Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/colourrulesdialog.cpp" line="26"/>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/colourrulesdialog.cpp" line="26"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/colourrulesdialog.cpp" line="26"/>
        <source>Search expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/colourrulesdialog.cpp" line="26"/>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/colourrulesdialog.cpp" line="40"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/colourrulesdialog.cpp" line="41"/>
        <source>New rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/colourrulesdialog.cpp" line="45"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/colourrulesdialog.cpp" line="50"/>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/colourrulesdialog.cpp" line="51"/>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/colourrulesdialog.cpp" line="52"/>
        <source>Restore Defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/colourrulesdialog.cpp" line="96"/>
        <source>Double-click to choose a colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/colourrulesdialog.cpp" line="129"/>
        <source>Empty expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/colourrulesdialog.cpp" line="130"/>
        <source>Column %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::CompareDialog</name>
    <message>
        <location filename="../ui/browser/comparedialog.cpp" line="17"/>
        <source>Only differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/comparedialog.cpp" line="19"/>
        <source>Compare events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/comparedialog.cpp" line="54"/>
        <source>%1 of %2 fields differ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::CompareModel</name>
    <message>
        <location filename="../ui/browser/comparemodel.cpp" line="46"/>
        <source>%1 (not JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/comparemodel.cpp" line="121"/>
        <source>Not in this event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/comparemodel.cpp" line="143"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::DetailPane</name>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="76"/>
        <source>Same access key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="81"/>
        <source>Same session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="83"/>
        <source>Same principal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="84"/>
        <source>Same request ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="85"/>
        <source>Same shared event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="93"/>
        <source>Select an event to see its record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="96"/>
        <source>As stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="129"/>
        <source>Related:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="146"/>
        <source>Tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="152"/>
        <source>Show the record exactly as stored in the trail file, instead of indented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="161"/>
        <source>JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="164"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="164"/>
        <source>Account ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="164"/>
        <source>ARN or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="164"/>
        <source>Found in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="167"/>
        <source>Double-click a resource to search for its events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="168"/>
        <source>Resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="185"/>
        <location filename="../ui/browser/detailpane.cpp" line="377"/>
        <source>Copy value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="230"/>
        <source>This record is not valid JSON (%1); it is shown as stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="261"/>
        <source>This record has no eventTime: its time is the @timestamp a Logstash or Elastic export added. The record is shown as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="277"/>
        <source>Search: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="303"/>
        <source>resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="312"/>
        <source>request or response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="317"/>
        <source>Resources (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="377"/>
        <source>Copy as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="380"/>
        <source>Copy path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="384"/>
        <source>Filter on this value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="386"/>
        <source>Exclude this value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::EventAnnotationBar</name>
    <message>
        <location filename="../ui/browser/eventannotationbar.cpp" line="18"/>
        <source>Star this event (Ctrl+M); starred events can be shown alone and feed reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/eventannotationbar.cpp" line="21"/>
        <source>Add a note to this event…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::EventComparison</name>
    <message>
        <location filename="../ui/browser/eventcomparison.cpp" line="30"/>
        <source>Cannot compare the events: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/eventcomparison.cpp" line="52"/>
        <source>%1 (row %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::EventTableModel</name>
    <message>
        <location filename="../ui/browser/eventtablemodel.cpp" line="105"/>
        <source>Event time (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/eventtablemodel.cpp" line="158"/>
        <source>(no time)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::FacetPane</name>
    <message>
        <location filename="../ui/browser/facetpane.cpp" line="35"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/facetpane.cpp" line="35"/>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <location filename="../ui/browser/facetpane.cpp" line="42"/>
        <source>Click a value to filter on it; Ctrl+click to exclude it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/browser/facetpane.cpp" line="77"/>
        <source>%n value(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/browser/facetpane.cpp" line="86"/>
        <source>(absent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/facetpane.cpp" line="89"/>
        <source>Events without %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/facetpane.cpp" line="129"/>
        <source>Filter on this value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/facetpane.cpp" line="130"/>
        <source>Exclude this value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::ImportCoordinator</name>
    <message numerus="yes">
        <location filename="../ui/import/importcoordinator.cpp" line="35"/>
        <source>%n sources</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/import/importcoordinator.cpp" line="67"/>
        <source>Rejected files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/import/importcoordinator.cpp" line="69"/>
        <source>These files or records could not be imported; everything else was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/import/importcoordinator.cpp" line="81"/>
        <source>Import finished: %n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/import/importcoordinator.cpp" line="83"/>
        <source>, %n conflicting copies set aside</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/import/importcoordinator.cpp" line="85"/>
        <source>, %n file(s) ignored as not trail content (LICENSE, README, …)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::ImportProgressWidget</name>
    <message>
        <location filename="../ui/import/importprogresswidget.cpp" line="20"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/import/importprogresswidget.cpp" line="21"/>
        <source>Stop the import; what was imported so far stays in the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/import/importprogresswidget.cpp" line="31"/>
        <source>Importing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/import/importprogresswidget.cpp" line="41"/>
        <source>%1 files, %2 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/import/importprogresswidget.cpp" line="45"/>
        <source>, %1 events/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/import/importprogresswidget.cpp" line="47"/>
        <source>, %1 s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/import/importprogresswidget.cpp" line="49"/>
        <source>, %n rejected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/import/importprogresswidget.cpp" line="51"/>
        <source>Indexing: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::JsonTreeModel</name>
    <message>
        <location filename="../ui/common/jsontreemodel.cpp" line="114"/>
        <source>object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/common/jsontreemodel.cpp" line="116"/>
        <source>array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/common/jsontreemodel.cpp" line="118"/>
        <source>string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/common/jsontreemodel.cpp" line="120"/>
        <source>number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/common/jsontreemodel.cpp" line="122"/>
        <source>boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/common/jsontreemodel.cpp" line="124"/>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/common/jsontreemodel.cpp" line="175"/>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/common/jsontreemodel.cpp" line="177"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/common/jsontreemodel.cpp" line="179"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::MainWindow</name>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="125"/>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="126"/>
        <source>SQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="138"/>
        <source>Facets</source>
        <translation>Facetten</translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="152"/>
        <source>Search error at column %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="163"/>
        <source>Sort by event time to jump to a bucket&apos;s events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="232"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="245"/>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="325"/>
        <source>%1 — Trailscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="333"/>
        <source>Some lookup indexes are not built yet (an import was interrupted): lookups on fields may be slow until the next import into this case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="401"/>
        <source>An import is already running; drop again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="414"/>
        <source>Import failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="416"/>
        <source>Import cancelled; the events imported so far are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="493"/>
        <source>Select two to five events to compare.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::RecentCasesMenu</name>
    <message>
        <location filename="../ui/window/recentcasesmenu.cpp" line="14"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::RowWorker</name>
    <message>
        <location filename="../ui/browser/rowworker.cpp" line="100"/>
        <source>No case is open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::SearchBar</name>
    <message>
        <location filename="../ui/browser/searchbar.cpp" line="57"/>
        <source>Search: eventName:RunInstances user:alice ip:203.0.113.0/24 -readOnly:true &quot;text&quot; (or a {$.field = …} filter pattern)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::SearchWorker</name>
    <message>
        <location filename="../ui/browser/searchworker.cpp" line="83"/>
        <source>No case is open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::SearchesMenu</name>
    <message>
        <location filename="../ui/window/searchesmenu.cpp" line="20"/>
        <source>&amp;Searches</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <location filename="../ui/window/searchesmenu.cpp" line="22"/>
        <source>&amp;Save Search…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/searchesmenu.cpp" line="24"/>
        <source>Saved Searches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/searchesmenu.cpp" line="26"/>
        <source>Recent Searches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/searchesmenu.cpp" line="36"/>
        <source>Type a search to save first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/searchesmenu.cpp" line="41"/>
        <source>Save Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/searchesmenu.cpp" line="42"/>
        <source>Name for &quot;%1&quot;:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/searchesmenu.cpp" line="61"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::SqlConsole</name>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="95"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="96"/>
        <source>Run the query, or the selected text (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="98"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="99"/>
        <source>Stop the running query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="102"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="103"/>
        <source>A new query tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="105"/>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="106"/>
        <source>Save the query in the case under a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="109"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="111"/>
        <source>Export JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="113"/>
        <source>Open events in browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="114"/>
        <source>Show the events of this result (its eventID column) in the event browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="121"/>
        <source>The share of the case&apos;s events the query has examined; a query that reads an index range finishes before reaching the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="142"/>
        <source>Double-click to open in a new tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="143"/>
        <source>Sample queries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="144"/>
        <source>Saved queries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="145"/>
        <location filename="../ui/sql/sqlconsole.cpp" line="615"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="195"/>
        <location filename="../ui/sql/sqlconsole.cpp" line="329"/>
        <source>No case open</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/sql/sqlconsole.cpp" line="222"/>
        <source>Ready: %n key path(s) of request and response fields to complete</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="229"/>
        <source>Cannot open the case for queries: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="233"/>
        <source>Saved queries and history are unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/sql/sqlconsole.cpp" line="245"/>
        <source>%n statement(s) in %1 ms</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="255"/>
        <source>That event is not in the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="264"/>
        <source>Opened the first %1 events in the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/sql/sqlconsole.cpp" line="265"/>
        <source>Opened %n event(s) in the browser</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="274"/>
        <source>Exported %1 rows to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="309"/>
        <source>Opening the case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="339"/>
        <source>Query %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="396"/>
        <location filename="../ui/sql/sqlconsole.cpp" line="581"/>
        <source>Running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="414"/>
        <location filename="../ui/sql/sqlconsole.cpp" line="415"/>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="437"/>
        <source>Fetching rows…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="443"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="443"/>
        <source>Result %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="459"/>
        <source>%1 rows of result %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="475"/>
        <location filename="../ui/sql/sqlconsole.cpp" line="478"/>
        <source>Line %1, column %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="498"/>
        <source>%1 examined %2 of %3 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="501"/>
        <source>%1 examined %2 events (the case holds %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="524"/>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="537"/>
        <source>Collecting the events…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="583"/>
        <source>Open a case to query it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="587"/>
        <source>Results appear here: Ctrl+Enter runs the query or the selected text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="633"/>
        <source>Open in a new tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="636"/>
        <source>Delete saved query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="647"/>
        <source>Export result as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="647"/>
        <source>Export result as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="648"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="648"/>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="660"/>
        <source>Save query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="661"/>
        <source>Name (a saved query of the same name is replaced):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::SqlEditor</name>
    <message>
        <location filename="../ui/sql/sqleditor.cpp" line="37"/>
        <source>SELECT eventTime, eventName, userIdentity.arn FROM cloudtrail_logs LIMIT 100

Ctrl+Enter runs the query (or the selection); Ctrl+Space completes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::SqlQueryWorker</name>
    <message>
        <location filename="../ui/sql/sqlqueryworker.cpp" line="263"/>
        <location filename="../ui/sql/sqlqueryworker.cpp" line="303"/>
        <source>expected one statement</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::SqlResultModel</name>
    <message>
        <location filename="../ui/sql/sqlresultmodel.cpp" line="45"/>
        <source>Click to open this event in the browser</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::SqlResultView</name>
    <message>
        <location filename="../ui/sql/sqlresultview.cpp" line="63"/>
        <source>Statement %1 (line %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/sql/sqlresultview.cpp" line="66"/>
        <source>stopped after %n row(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/sql/sqlresultview.cpp" line="68"/>
        <source>%n row(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlresultview.cpp" line="70"/>
        <source>running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlresultview.cpp" line="72"/>
        <source>first %1 rows, more as you scroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlresultview.cpp" line="73"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlresultview.cpp" line="76"/>
        <source>click an eventID to open the event</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::StatusStrip</name>
    <message>
        <location filename="../ui/window/statusstrip.cpp" line="21"/>
        <location filename="../ui/window/statusstrip.cpp" line="69"/>
        <source>Scanning records for the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/statusstrip.cpp" line="23"/>
        <source>Free text and {…} patterns on fields the case does not index read every raw record of the time range, once for the rows, the timeline and the facets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/statusstrip.cpp" line="30"/>
        <source>Show all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/statusstrip.cpp" line="31"/>
        <source>Stop browsing only the SQL result set</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/window/statusstrip.cpp" line="52"/>
        <source>Browsing %n event(s) from the SQL editor</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/window/statusstrip.cpp" line="66"/>
        <source>Scanning records for rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/statusstrip.cpp" line="72"/>
        <source>Scanning records for facets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/statusstrip.cpp" line="83"/>
        <location filename="../ui/window/statusstrip.cpp" line="99"/>
        <source>searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/statusstrip.cpp" line="98"/>
        <source>%1 of %2 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/statusstrip.cpp" line="99"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::TimeRangeBar</name>
    <message>
        <location filename="../ui/browser/timerangebar.cpp" line="42"/>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <location filename="../ui/browser/timerangebar.cpp" line="42"/>
        <source>Last 30 minutes</source>
        <translation>Letzte 30 Minuten</translation>
    </message>
    <message>
        <location filename="../ui/browser/timerangebar.cpp" line="42"/>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <location filename="../ui/browser/timerangebar.cpp" line="42"/>
        <source>Last 3 hours</source>
        <translation>Letzte 3 Stunden</translation>
    </message>
    <message>
        <location filename="../ui/browser/timerangebar.cpp" line="43"/>
        <source>Last 12 hours</source>
        <translation>Letzte 12 Stunden</translation>
    </message>
    <message>
        <location filename="../ui/browser/timerangebar.cpp" line="43"/>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <location filename="../ui/browser/timerangebar.cpp" line="43"/>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <location filename="../ui/browser/timerangebar.cpp" line="43"/>
        <source>Custom range</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <location filename="../ui/browser/timerangebar.cpp" line="44"/>
        <source>Counted back from the case&apos;s newest event</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::TimelinePlot</name>
    <message>
        <location filename="../ui/timeline/timelineplot.cpp" line="177"/>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/timeline/timelineplot.cpp" line="177"/>
        <source>Time (local, %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/timeline/timelineplot.cpp" line="216"/>
        <source>Counting events…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/timeline/timelineplot.cpp" line="216"/>
        <source>No events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/timeline/timelineplot.cpp" line="334"/>
        <source>Success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/timeline/timelineplot.cpp" line="335"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/timeline/timelineplot.cpp" line="340"/>
        <source>(log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/timeline/timelineplot.cpp" line="380"/>
        <source>Updating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/timeline/timelineplot.cpp" line="393"/>
        <source>%1 – %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/timeline/timelineplot.cpp" line="395"/>
        <source>Success: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/timeline/timelineplot.cpp" line="396"/>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::TimelineSeriesMenu</name>
    <message>
        <location filename="../ui/window/timelineseriesmenu.cpp" line="25"/>
        <source>Timeline &amp;Series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/timelineseriesmenu.cpp" line="54"/>
        <source>No values of %1 under the current search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/timelineseriesmenu.cpp" line="95"/>
        <source>Timeline Series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/timelineseriesmenu.cpp" line="96"/>
        <source>Search expression to count on the timeline:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/timelineseriesmenu.cpp" line="101"/>
        <source>Not a valid search: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/timelineseriesmenu.cpp" line="109"/>
        <source>Add the Current Search as a Series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/timelineseriesmenu.cpp" line="113"/>
        <source>Add a Series…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/timelineseriesmenu.cpp" line="114"/>
        <source>Split by Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/timelineseriesmenu.cpp" line="121"/>
        <source>Remove All Series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/timelineseriesmenu.cpp" line="124"/>
        <source>Remove &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::WelcomePage</name>
    <message>
        <location filename="../ui/window/welcomepage.cpp" line="17"/>
        <source>Trailscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/welcomepage.cpp" line="22"/>
        <source>Drop an AWSLogs folder, a trail file or an archive anywhere on this window, or start here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/welcomepage.cpp" line="36"/>
        <source>Open the sample trail</source>
        <translation>Beispiel-Trail öffnen</translation>
    </message>
    <message>
        <location filename="../ui/window/welcomepage.cpp" line="37"/>
        <source>Import a trail…</source>
        <translation>Einen Trail importieren…</translation>
    </message>
    <message>
        <location filename="../ui/window/welcomepage.cpp" line="38"/>
        <source>Open a case…</source>
        <translation>Einen Fall öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/window/welcomepage.cpp" line="40"/>
        <source>Recent cases</source>
        <translation>Zuletzt geöffnete Fälle</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::WindowActions</name>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="28"/>
        <source>&amp;New Case…</source>
        <translation>&amp;Neuer Fall…</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="29"/>
        <source>&amp;Open Case…</source>
        <translation>Fall ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="30"/>
        <source>Open the &amp;Sample Trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="31"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="32"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="32"/>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="33"/>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="33"/>
        <source>&amp;Forward</source>
        <translation>&amp;Vor</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="34"/>
        <source>&amp;Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="35"/>
        <source>S&amp;QL Editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="36"/>
        <source>Times in &amp;UTC</source>
        <translation>Zeiten in &amp;UTC</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="36"/>
        <source>Timeline &amp;Log Scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="37"/>
        <source>&amp;Colouring Rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="38"/>
        <source>&amp;Star or Unstar Selected Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="39"/>
        <source>Show &amp;Only Starred Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="40"/>
        <source>&amp;Compare Selected Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="49"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="58"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="59"/>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="61"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="71"/>
        <source>E&amp;vents</source>
        <translation>E&amp;reignisse</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="30"/>
        <source>Offline audit console for AWS CloudTrail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="34"/>
        <source>Open the bundled sample trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="37"/>
        <source>A case to open, or trail files to import</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
