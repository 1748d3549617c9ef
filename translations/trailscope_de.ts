<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CaseDialogs</name>
    <message>
        <location filename="../ui/window/casedialogs.cpp" line="20"/>
        <source>Open Case</source>
        <translation>Fall öffnen</translation>
    </message>
    <message>
        <location filename="../ui/window/casedialogs.cpp" line="21"/>
        <source>Trailscope cases (*.%1);;All files (*)</source>
        <translation>Trailscope-Fälle (*.%1);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/window/casedialogs.cpp" line="28"/>
        <source>Import Trail Files</source>
        <translation>Trail-Dateien importieren</translation>
    </message>
    <message>
        <location filename="../ui/window/casedialogs.cpp" line="31"/>
        <source>CloudTrail logs (*.json.gz *.json *.jsonl *.gz *.zip *.tar *.tar.gz *.tgz);;All files (*)</source>
        <translation>CloudTrail-Protokolle (*.json.gz *.json *.jsonl *.gz *.zip *.tar *.tar.gz *.tgz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/window/casedialogs.cpp" line="37"/>
        <source>New Case</source>
        <translation>Neuer Fall</translation>
    </message>
    <message>
        <location filename="../ui/window/casedialogs.cpp" line="38"/>
        <source>Trailscope cases (*.%1)</source>
        <translation>Trailscope-Fälle (*.%1)</translation>
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
        <source>The case file was altered outside Trailscope</source>
        <translation>Die Falldatei wurde außerhalb von Trailscope verändert</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="21"/>
        <source>The case was made by an older Trailscope</source>
        <translation>Der Fall wurde mit einem älteren Trailscope angelegt</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="23"/>
        <source>The case is in use by another program</source>
        <translation>Der Fall wird von einem anderen Programm verwendet</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="25"/>
        <source>The disk is full</source>
        <translation>Der Datenträger ist voll</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="27"/>
        <source>The case database reported an error</source>
        <translation>Die Falldatenbank meldet einen Fehler</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="29"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="31"/>
        <source>The gzip file is cut short</source>
        <translation>Die gzip-Datei ist unvollständig</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="33"/>
        <source>The gzip file is damaged</source>
        <translation>Die gzip-Datei ist beschädigt</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="35"/>
        <source>The file expands far beyond any trail file</source>
        <translation>Die Datei entpackt sich weit über jede Trail-Datei hinaus</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="37"/>
        <source>Not JSON</source>
        <translation>Kein JSON</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="39"/>
        <source>No CloudTrail records</source>
        <translation>Keine CloudTrail-Einträge</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="41"/>
        <source>An archive format Trailscope does not read</source>
        <translation>Ein Archivformat, das Trailscope nicht liest</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="43"/>
        <source>The archive is damaged</source>
        <translation>Das Archiv ist beschädigt</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="45"/>
        <source>An archive member is too large</source>
        <translation>Ein Archiveintrag ist zu groß</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="47"/>
        <source>Not valid JSON</source>
        <translation>Kein gültiges JSON</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="49"/>
        <source>Not valid UTF-8</source>
        <translation>Kein gültiges UTF-8</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="51"/>
        <source>Not a JSON object</source>
        <translation>Kein JSON-Objekt</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="53"/>
        <source>Not a CloudTrail record</source>
        <translation>Kein CloudTrail-Eintrag</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="55"/>
        <source>The record has no eventID</source>
        <translation>Der Eintrag hat keine eventID</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="57"/>
        <source>The record has no eventTime</source>
        <translation>Der Eintrag hat keine eventTime</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="59"/>
        <source>The record&apos;s eventTime cannot be read</source>
        <translation>Die eventTime des Eintrags ist nicht lesbar</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="61"/>
        <source>No eventTime; the time is taken from @timestamp</source>
        <translation>Keine eventTime; die Zeit stammt aus @timestamp</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="63"/>
        <source>The record is too large</source>
        <translation>Der Eintrag ist zu groß</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="65"/>
        <source>The record nests too deeply</source>
        <translation>Der Eintrag ist zu tief verschachtelt</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="67"/>
        <source>An archive member has an unsafe name</source>
        <translation>Ein Archiveintrag hat einen unsicheren Namen</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="69"/>
        <source>An archive member is a link, not a file</source>
        <translation>Ein Archiveintrag ist ein Verweis, keine Datei</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="71"/>
        <source>Syntax error</source>
        <translation>Syntaxfehler</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="73"/>
        <source>Not allowed on the read-only case</source>
        <translation>Im schreibgeschützten Fall nicht erlaubt</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="75"/>
        <source>The query failed</source>
        <translation>Die Abfrage ist fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="77"/>
        <source>Unknown error</source>
        <translation>Unbekannter Fehler</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="86"/>
        <source>record %1</source>
        <translation>Eintrag %1</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="88"/>
        <source>(line %1, column %2)</source>
        <translation>(Zeile %1, Spalte %2)</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="90"/>
        <source>(line %1)</source>
        <translation>(Zeile %1)</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="91"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/common/errortext.cpp" line="96"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <location filename="../core/query/eventcolumns.cpp" line="26"/>
        <source>Event time</source>
        <translation>Ereigniszeit</translation>
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
    <name>ExportDialog</name>
    <message>
        <location filename="../ui/export/exportdialog.cpp" line="32"/>
        <source>Case summary</source>
        <translation>Fallübersicht</translation>
    </message>
    <message>
        <location filename="../ui/export/exportdialog.cpp" line="33"/>
        <source>Search or query used</source>
        <translation>Verwendete Suche oder Abfrage</translation>
    </message>
    <message>
        <location filename="../ui/export/exportdialog.cpp" line="34"/>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <location filename="../ui/export/exportdialog.cpp" line="35"/>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <location filename="../ui/export/exportdialog.cpp" line="36"/>
        <source>Starred events with notes</source>
        <translation>Markierte Ereignisse mit Notizen</translation>
    </message>
    <message>
        <location filename="../ui/export/exportdialog.cpp" line="37"/>
        <source>Event table</source>
        <translation>Ereignistabelle</translation>
    </message>
    <message>
        <location filename="../ui/export/exportdialog.cpp" line="38"/>
        <source>Sources and file hashes</source>
        <translation>Quellen und Datei-Hashes</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/browser/colourrules.cpp" line="10"/>
        <source>Root activity</source>
        <translation>Root-Aktivität</translation>
    </message>
    <message>
        <location filename="../ui/browser/colourrules.cpp" line="11"/>
        <source>Failed calls</source>
        <translation>Fehlgeschlagene Aufrufe</translation>
    </message>
    <message>
        <location filename="../ui/browser/colourrules.cpp" line="12"/>
        <source>Logging changes</source>
        <translation>Änderungen an der Protokollierung</translation>
    </message>
</context>
<context>
    <name>StoryText</name>
    <message>
        <location filename="../ui/story/storytext.cpp" line="14"/>
        <source>IAM user</source>
        <translation>IAM-Benutzer</translation>
    </message>
    <message>
        <location filename="../ui/story/storytext.cpp" line="16"/>
        <source>Root user</source>
        <translation>Root-Benutzer</translation>
    </message>
    <message>
        <location filename="../ui/story/storytext.cpp" line="18"/>
        <source>Console sign-in</source>
        <translation>Konsolenanmeldung</translation>
    </message>
    <message>
        <location filename="../ui/story/storytext.cpp" line="20"/>
        <source>SAML user</source>
        <translation>SAML-Benutzer</translation>
    </message>
    <message>
        <location filename="../ui/story/storytext.cpp" line="22"/>
        <source>Web identity user</source>
        <translation>Web-Identity-Benutzer</translation>
    </message>
    <message>
        <location filename="../ui/story/storytext.cpp" line="24"/>
        <source>AWS service</source>
        <translation>AWS-Dienst</translation>
    </message>
    <message>
        <location filename="../ui/story/storytext.cpp" line="26"/>
        <source>Issued outside this case</source>
        <translation>Außerhalb dieses Falls ausgestellt</translation>
    </message>
    <message>
        <location filename="../ui/story/storytext.cpp" line="34"/>
        <source>%1 %2 with key %3</source>
        <translation>%1 %2 mit Schlüssel %3</translation>
    </message>
    <message>
        <location filename="../ui/story/storytext.cpp" line="36"/>
        <source>Console sign-in of %1</source>
        <translation>Konsolenanmeldung von %1</translation>
    </message>
    <message>
        <location filename="../ui/story/storytext.cpp" line="38"/>
        <source>%1 via %2</source>
        <translation>%1 über %2</translation>
    </message>
    <message>
        <location filename="../ui/story/storytext.cpp" line="39"/>
        <source>%1 %2 via %3</source>
        <translation>%1 %2 über %3</translation>
    </message>
    <message>
        <location filename="../ui/story/storytext.cpp" line="41"/>
        <source>key %1 acting as %2, issued by a call this case does not hold</source>
        <translation>Schlüssel %1 als %2, ausgestellt durch einen Aufruf, den dieser Fall nicht enthält</translation>
    </message>
    <message>
        <location filename="../ui/story/storytext.cpp" line="43"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/story/storytext.cpp" line="45"/>
        <source> (source identity %1)</source>
        <translation> (Quellidentität %1)</translation>
    </message>
    <message>
        <location filename="../ui/story/storytext.cpp" line="70"/>
        <source>Behind this: %1</source>
        <translation>Dahinter steht: %1</translation>
    </message>
    <message>
        <location filename="../ui/story/storytext.cpp" line="71"/>
        <source>Behind this: %1, through %2</source>
        <translation>Dahinter steht: %1, über %2</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::AboutDialog</name>
    <message>
        <location filename="../ui/help/aboutdialog.cpp" line="30"/>
        <source>About Trailscope</source>
        <translation>Über Trailscope</translation>
    </message>
    <message>
        <location filename="../ui/help/aboutdialog.cpp" line="35"/>
        <source>Trailscope %1</source>
        <translation>Trailscope %1</translation>
    </message>
    <message>
        <location filename="../ui/help/aboutdialog.cpp" line="40"/>
        <source>Offline audit console for AWS CloudTrail</source>
        <translation>Offline-Auditkonsole für AWS CloudTrail</translation>
    </message>
    <message>
        <location filename="../ui/help/aboutdialog.cpp" line="42"/>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location filename="../ui/help/aboutdialog.cpp" line="43"/>
        <source>Build: %1, against Qt %2</source>
        <translation>Build: %1, mit Qt %2</translation>
    </message>
    <message>
        <location filename="../ui/help/aboutdialog.cpp" line="50"/>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <location filename="../ui/help/aboutdialog.cpp" line="50"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../ui/help/aboutdialog.cpp" line="50"/>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <location filename="../ui/help/aboutdialog.cpp" line="63"/>
        <source>Trailscope does not carry a licence yet: until its authors choose one, all rights are reserved. The libraries above are used under the licences listed.</source>
        <translation>Trailscope steht noch unter keiner Lizenz: Bis seine Autoren eine wählen, sind alle Rechte vorbehalten. Die oben genannten Bibliotheken werden unter den aufgeführten Lizenzen verwendet.</translation>
    </message>
    <message>
        <location filename="../ui/help/aboutdialog.cpp" line="69"/>
        <source>Test data from TrailDiscover (Adan Alvarez, CC-BY-4.0), Stratus Red Team (Datadog, Apache-2.0), panther-analysis (Panther Labs, Apache-2.0) and the SigmaHQ rules (DRL 1.1). The bundled sample trail is synthetic and holds no real account data.</source>
        <translation>Testdaten aus TrailDiscover (Adan Alvarez, CC-BY-4.0), Stratus Red Team (Datadog, Apache-2.0), panther-analysis (Panther Labs, Apache-2.0) und den SigmaHQ-Regeln (DRL 1.1). Der mitgelieferte Beispiel-Trail ist synthetisch und enthält keine echten Kontodaten.</translation>
    </message>
    <message>
        <location filename="../ui/help/aboutdialog.cpp" line="77"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::ActivityModel</name>
    <message>
        <location filename="../ui/dashboard/activitymodel.cpp" line="29"/>
        <source>Principals</source>
        <translation>Prinzipale</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/activitymodel.cpp" line="31"/>
        <source>Access keys</source>
        <translation>Zugriffsschlüssel</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/activitymodel.cpp" line="33"/>
        <source>Source IPs</source>
        <translation>Quell-IPs</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/activitymodel.cpp" line="35"/>
        <source>User agents</source>
        <translation>User-Agents</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/activitymodel.cpp" line="37"/>
        <source>Regions</source>
        <translation>Regionen</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/activitymodel.cpp" line="39"/>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/activitymodel.cpp" line="41"/>
        <source>Principal + event source</source>
        <translation>Prinzipal + Ereignisquelle</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/activitymodel.cpp" line="43"/>
        <location filename="../ui/dashboard/activitymodel.cpp" line="120"/>
        <source>APIs</source>
        <translation>APIs</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/activitymodel.cpp" line="80"/>
        <source>%1 of %2 events carry an errorCode</source>
        <translation>%1 von %2 Ereignissen haben einen errorCode</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/activitymodel.cpp" line="112"/>
        <source>Event source</source>
        <translation>Ereignisquelle</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/activitymodel.cpp" line="114"/>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/activitymodel.cpp" line="116"/>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/activitymodel.cpp" line="118"/>
        <source>Error %</source>
        <translation>Fehler-%</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/activitymodel.cpp" line="122"/>
        <source>First seen (UTC)</source>
        <translation>Zuerst gesehen (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/activitymodel.cpp" line="124"/>
        <source>Last seen (UTC)</source>
        <translation>Zuletzt gesehen (UTC)</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::AnalystWorker</name>
    <message>
        <location filename="../ui/browser/analystworker.cpp" line="22"/>
        <source>Stars, notes and saved searches are unavailable: %1</source>
        <translation>Sterne, Notizen und gespeicherte Suchen sind nicht verfügbar: %1</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::ColourRulesDialog</name>
    <message>
        <location filename="../ui/browser/colourrulesdialog.cpp" line="23"/>
        <source>Colouring Rules</source>
        <translation>Farbregeln</translation>
    </message>
    <message>
        <location filename="../ui/browser/colourrulesdialog.cpp" line="26"/>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <location filename="../ui/browser/colourrulesdialog.cpp" line="26"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/browser/colourrulesdialog.cpp" line="26"/>
        <source>Search expression</source>
        <translation>Suchausdruck</translation>
    </message>
    <message>
        <location filename="../ui/browser/colourrulesdialog.cpp" line="26"/>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <location filename="../ui/browser/colourrulesdialog.cpp" line="40"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/browser/colourrulesdialog.cpp" line="41"/>
        <source>New rule</source>
        <translation>Neue Regel</translation>
    </message>
    <message>
        <location filename="../ui/browser/colourrulesdialog.cpp" line="45"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/browser/colourrulesdialog.cpp" line="50"/>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <location filename="../ui/browser/colourrulesdialog.cpp" line="51"/>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <location filename="../ui/browser/colourrulesdialog.cpp" line="52"/>
        <source>Restore Defaults</source>
        <translation>Standard wiederherstellen</translation>
    </message>
    <message>
        <location filename="../ui/browser/colourrulesdialog.cpp" line="96"/>
        <source>Double-click to choose a colour</source>
        <translation>Doppelklicken, um eine Farbe zu wählen</translation>
    </message>
    <message>
        <location filename="../ui/browser/colourrulesdialog.cpp" line="129"/>
        <source>Empty expression</source>
        <translation>Leerer Ausdruck</translation>
    </message>
    <message>
        <location filename="../ui/browser/colourrulesdialog.cpp" line="130"/>
        <source>Column %1: %2</source>
        <translation>Spalte %1: %2</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::CompareDialog</name>
    <message>
        <location filename="../ui/browser/comparedialog.cpp" line="17"/>
        <source>Only differences</source>
        <translation>Nur Unterschiede</translation>
    </message>
    <message>
        <location filename="../ui/browser/comparedialog.cpp" line="19"/>
        <source>Compare events</source>
        <translation>Ereignisse vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/browser/comparedialog.cpp" line="54"/>
        <source>%1 of %2 fields differ</source>
        <translation>%1 von %2 Feldern unterscheiden sich</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::CompareModel</name>
    <message>
        <location filename="../ui/browser/comparemodel.cpp" line="46"/>
        <source>%1 (not JSON)</source>
        <translation>%1 (kein JSON)</translation>
    </message>
    <message>
        <location filename="../ui/browser/comparemodel.cpp" line="121"/>
        <source>Not in this event</source>
        <translation>Nicht in diesem Ereignis</translation>
    </message>
    <message>
        <location filename="../ui/browser/comparemodel.cpp" line="143"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::DashboardView</name>
    <message numerus="yes">
        <location filename="../ui/dashboard/dashboardview.cpp" line="117"/>
        <source>%n value(s) under the browser&apos;s search.</source>
        <translation>
            <numerusform>%n Wert unter der Suche des Browsers.</numerusform>
            <numerusform>%n Werte unter der Suche des Browsers.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="131"/>
        <source>&amp;Recompute</source>
        <translation>&amp;Neu berechnen</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="136"/>
        <source>Low sensitivity</source>
        <translation>Geringe Empfindlichkeit</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="137"/>
        <source>Medium sensitivity</source>
        <translation>Mittlere Empfindlichkeit</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="138"/>
        <source>High sensitivity</source>
        <translation>Hohe Empfindlichkeit</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="140"/>
        <source>How readily an episode opens (README, &quot;Insights&quot;): low finds only the loudest departures from the baseline, high finds smaller ones too.</source>
        <translation>Wie leicht eine Episode beginnt (README, „Insights“): gering findet nur die deutlichsten Abweichungen von der Basislinie, hoch auch kleinere.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="160"/>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="161"/>
        <source>Who / What / Where</source>
        <translation>Wer / Was / Wo</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="162"/>
        <source>First Seen</source>
        <translation>Zuerst gesehen</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="163"/>
        <location filename="../ui/dashboard/dashboardview.cpp" line="195"/>
        <source>Detections</source>
        <translation>Erkennungen</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="178"/>
        <source>API call rate</source>
        <translation>API-Aufrufrate</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="179"/>
        <source>ApiCallRateInsight found here: write management calls per minute of one API departing from their 7-day baseline.</source>
        <translation>ApiCallRateInsight, hier berechnet: schreibende Management-Aufrufe einer API pro Minute, die von ihrer 7-Tage-Basislinie abweichen.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="183"/>
        <source>API error rate</source>
        <translation>API-Fehlerrate</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="184"/>
        <source>ApiErrorRateInsight found here: calls of one API failing with one error code, per minute, departing from their baseline.</source>
        <translation>ApiErrorRateInsight, hier berechnet: Aufrufe einer API, die mit einem Fehlercode scheitern, pro Minute, abweichend von ihrer Basislinie.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="188"/>
        <source>Delivered by AWS</source>
        <translation>Von AWS geliefert</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="188"/>
        <source>Insights events AWS delivered in the trail (CloudTrail-Insight files).</source>
        <translation>Insights-Ereignisse, die AWS im Trail geliefert hat (CloudTrail-Insight-Dateien).</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="190"/>
        <source>First seen</source>
        <translation>Zuerst gesehen</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="191"/>
        <source>Principals, access keys, source IPs, user agents and regions whose first event came after the case&apos;s first day.</source>
        <translation>Prinzipale, Zugriffsschlüssel, Quell-IPs, User-Agents und Regionen, deren erstes Ereignis nach dem ersten Tag des Falls kam.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="196"/>
        <source>The case&apos;s detection rules that fired: the CIS CloudWatch alarms, Trailscope&apos;s own and the rules added to the case (trailscope-cli detect).</source>
        <translation>Die ausgelösten Erkennungsregeln des Falls: die CIS-CloudWatch-Alarme, die eigenen Regeln von Trailscope und die dem Fall hinzugefügten Regeln (trailscope-cli detect).</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="214"/>
        <source>Double-click or press Enter to open the episode&apos;s events in the browser.</source>
        <translation>Doppelklicken oder Eingabetaste drücken, um die Ereignisse der Episode im Browser zu öffnen.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="236"/>
        <source>&amp;Limit to current search</source>
        <translation>Auf aktuelle Suche &amp;beschränken</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="238"/>
        <source>Count only the events the browser&apos;s search and time range match.</source>
        <translation>Nur die Ereignisse zählen, die Suche und Zeitraum des Browsers treffen.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="240"/>
        <location filename="../ui/dashboard/dashboardview.cpp" line="805"/>
        <source>&amp;Apply as Filter</source>
        <translation>Als &amp;Filter anwenden</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="242"/>
        <location filename="../ui/dashboard/dashboardview.cpp" line="806"/>
        <source>E&amp;xclude</source>
        <translation>A&amp;usschließen</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="248"/>
        <source>Double-click a principal to drill down into its activity, another row to show its events in the browser; right-click for more.</source>
        <translation>Einen Prinzipal doppelklicken, um seine Aktivität aufzuschlüsseln, eine andere Zeile, um ihre Ereignisse im Browser zu zeigen; Rechtsklick für mehr.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="267"/>
        <source>principal = %1</source>
        <translation>Prinzipal = %1</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="301"/>
        <source>Double-click to show the events from this first one on.</source>
        <translation>Doppelklicken, um die Ereignisse ab diesem ersten zu zeigen.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="338"/>
        <source>Double-click or press Enter to open the rule&apos;s matches in the browser; right-click to star them.</source>
        <translation>Doppelklicken oder Eingabetaste drücken, um die Treffer der Regel im Browser zu öffnen; Rechtsklick, um sie mit Stern zu markieren.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="349"/>
        <source>Findings per ATT&amp;CK tactic, from the rules&apos; tags; choose one to list only its rules.</source>
        <translation>Befunde je ATT&amp;CK-Taktik, aus den Tags der Regeln; eine wählen, um nur ihre Regeln aufzulisten.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="356"/>
        <source>&amp;Rules…</source>
        <translation>&amp;Regeln…</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="358"/>
        <source>List, switch off and on, edit and add the case&apos;s detection rules; import or export a folder of them.</source>
        <translation>Die Erkennungsregeln des Falls auflisten, aus- und einschalten, bearbeiten und hinzufügen; einen Ordner davon importieren oder exportieren.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dashboard/dashboardview.cpp" line="463"/>
        <source>%n rule(s) ran</source>
        <translation>
            <numerusform>%n Regel ausgeführt</numerusform>
            <numerusform>%n Regeln ausgeführt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dashboard/dashboardview.cpp" line="465"/>
        <source>%n switched off</source>
        <translation>
            <numerusform>%n ausgeschaltet</numerusform>
            <numerusform>%n ausgeschaltet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dashboard/dashboardview.cpp" line="467"/>
        <source>%n of them the case&apos;s own</source>
        <translation>
            <numerusform>davon %n aus dem Fall</numerusform>
            <numerusform>davon %n aus dem Fall</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="470"/>
        <source>Not run: %1</source>
        <translation>Nicht ausgeführt: %1</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="478"/>
        <source>Open a case to see its insights.</source>
        <translation>Einen Fall öffnen, um seine Insights zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="480"/>
        <source>Computing insights, first-seen activity and tables…</source>
        <translation>Insights, erstmals gesehene Aktivität und Tabellen werden berechnet…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dashboard/dashboardview.cpp" line="481"/>
        <source>Computing again; the results below are of %n event(s).</source>
        <translation>
            <numerusform>Wird neu berechnet; die Ergebnisse unten beruhen auf %n Ereignis.</numerusform>
            <numerusform>Wird neu berechnet; die Ergebnisse unten beruhen auf %n Ereignissen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dashboard/dashboardview.cpp" line="484"/>
        <source>%n finding(s) in %1 events, computed in %2 ms.</source>
        <translation>
            <numerusform>%n Befund in %1 Ereignissen, berechnet in %2 ms.</numerusform>
            <numerusform>%n Befunde in %1 Ereignissen, berechnet in %2 ms.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dashboard/dashboardview.cpp" line="488"/>
        <source>%n detection rule(s) fired.</source>
        <translation>
            <numerusform>%n Erkennungsregel ausgelöst.</numerusform>
            <numerusform>%n Erkennungsregeln ausgelöst.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="490"/>
        <source>Out of date: events are being imported. Computed again when the import ends (or Recompute).</source>
        <translation>Veraltet: Ereignisse werden importiert. Neu berechnet, wenn der Import endet (oder mit „Neu berechnen“).</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="492"/>
        <source>Could not compute insights: %1</source>
        <translation>Insights konnten nicht berechnet werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="493"/>
        <source>Could not compute insights.</source>
        <translation>Insights konnten nicht berechnet werden.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="581"/>
        <source>Worst: %1, %2/min against %3 (%4)</source>
        <translation>Stärkste: %1, %2/min gegenüber %3 (%4)</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="584"/>
        <source>No episodes at this sensitivity.</source>
        <translation>Keine Episoden bei dieser Empfindlichkeit.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="594"/>
        <source>Nothing new after the case&apos;s first day.</source>
        <translation>Nichts Neues nach dem ersten Tag des Falls.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="595"/>
        <source>First: %1 %2 (%3)</source>
        <translation>Zuerst: %1 %2 (%3)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dashboard/dashboardview.cpp" line="617"/>
        <source>Worst: %1 %2, %n event(s)</source>
        <translation>
            <numerusform>Schwerste: %1 %2, %n Ereignis</numerusform>
            <numerusform>Schwerste: %1 %2, %n Ereignisse</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="619"/>
        <source>No rule fired.</source>
        <translation>Keine Regel ausgelöst.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="627"/>
        <source>Counting under the browser&apos;s search…</source>
        <translation>Zählen unter der Suche des Browsers…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dashboard/dashboardview.cpp" line="636"/>
        <source>%n value(s) in the whole case.</source>
        <translation>
            <numerusform>%n Wert im gesamten Fall.</numerusform>
            <numerusform>%n Werte im gesamten Fall.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="685"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="720"/>
        <location filename="../ui/dashboard/dashboardview.cpp" line="807"/>
        <source>&amp;Show Events</source>
        <translation>&amp;Ereignisse anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="721"/>
        <source>S&amp;tar Matches</source>
        <translation>Treffer mit &amp;Stern markieren</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="723"/>
        <source>&amp;Export…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="737"/>
        <source>not %1</source>
        <translation>nicht %1</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="801"/>
        <source>&amp;Drill Down</source>
        <translation>&amp;Aufschlüsseln</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardview.cpp" line="815"/>
        <source>Show Credential &amp;Story</source>
        <translation>&amp;Anmeldedaten-Verlauf zeigen</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::DetailPane</name>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="79"/>
        <source>Same access key</source>
        <translation>Gleicher Zugriffsschlüssel</translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="84"/>
        <source>Same session</source>
        <translation>Gleiche Sitzung</translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="86"/>
        <source>Same principal</source>
        <translation>Gleicher Prinzipal</translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="87"/>
        <source>Same request ID</source>
        <translation>Gleiche Request-ID</translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="88"/>
        <source>Same shared event</source>
        <translation>Gleiches gemeinsames Ereignis</translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="123"/>
        <source>Select an event to see its record.</source>
        <translation>Ein Ereignis auswählen, um seinen Eintrag zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="126"/>
        <source>As stored</source>
        <translation>Wie gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="185"/>
        <source>Related:</source>
        <translation>Verwandt:</translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="202"/>
        <source>Tree</source>
        <translation>Baum</translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="208"/>
        <source>Show the record exactly as stored in the trail file, instead of indented</source>
        <translation>Den Eintrag genau so zeigen, wie er in der Trail-Datei gespeichert ist, statt eingerückt</translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="217"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="220"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="220"/>
        <source>Account ID</source>
        <translation>Konto-ID</translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="220"/>
        <source>ARN or name</source>
        <translation>ARN oder Name</translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="220"/>
        <source>Found in</source>
        <translation>Gefunden in</translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="223"/>
        <source>Double-click a resource to search for its events</source>
        <translation>Eine Ressource doppelklicken, um nach ihren Ereignissen zu suchen</translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="224"/>
        <source>Resources</source>
        <translation>Ressourcen</translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="241"/>
        <location filename="../ui/browser/detailpane.cpp" line="496"/>
        <source>Copy value</source>
        <translation>Wert kopieren</translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="288"/>
        <source>This record is not valid JSON (%1); it is shown as stored.</source>
        <translation>Dieser Eintrag ist kein gültiges JSON (%1); er wird wie gespeichert gezeigt.</translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="321"/>
        <source>This record has no eventTime: its time is the @timestamp a Logstash or Elastic export added. The record is shown as it was.</source>
        <translation>Dieser Eintrag hat keine eventTime: Seine Zeit ist der @timestamp, den ein Logstash- oder Elastic-Export hinzugefügt hat. Der Eintrag wird unverändert gezeigt.</translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="338"/>
        <source>Integrity: its log file failed validation: %1</source>
        <translation>Integrität: Die Protokolldatei dieses Ereignisses hat die Prüfung nicht bestanden: %1</translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="361"/>
        <source>Show story</source>
        <translation>Verlauf zeigen</translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="379"/>
        <source>Detections: %1</source>
        <translation>Erkennungen: %1</translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="390"/>
        <source>Search: %1</source>
        <translation>Suche: %1</translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="399"/>
        <source>Credential story</source>
        <translation>Anmeldedaten-Verlauf</translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="400"/>
        <source>The chain of keys behind %1 and everything it did</source>
        <translation>Die Schlüsselkette hinter %1 und alles, was sie getan hat</translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="422"/>
        <source>resources</source>
        <translation>Ressourcen</translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="431"/>
        <source>request or response</source>
        <translation>Anfrage oder Antwort</translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="436"/>
        <source>Resources (%1)</source>
        <translation>Ressourcen (%1)</translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="496"/>
        <source>Copy as JSON</source>
        <translation>Als JSON kopieren</translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="499"/>
        <source>Copy path</source>
        <translation>Pfad kopieren</translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="503"/>
        <source>Filter on this value</source>
        <translation>Nach diesem Wert filtern</translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="505"/>
        <source>Exclude this value</source>
        <translation>Diesen Wert ausschließen</translation>
    </message>
    <message>
        <location filename="../ui/browser/detailpane.cpp" line="517"/>
        <source>Show credential story</source>
        <translation>Anmeldedaten-Verlauf zeigen</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::DetectionsModel</name>
    <message>
        <location filename="../ui/dashboard/detectionsmodel.cpp" line="50"/>
        <source>CIS</source>
        <translation>CIS</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/detectionsmodel.cpp" line="52"/>
        <source>Trailscope</source>
        <translation>Trailscope</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/detectionsmodel.cpp" line="54"/>
        <source>Sigma</source>
        <translation>Sigma</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/detectionsmodel.cpp" line="56"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/detectionsmodel.cpp" line="163"/>
        <source>ATT&amp;CK techniques: %1</source>
        <translation>ATT&amp;CK-Techniken: %1</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/detectionsmodel.cpp" line="167"/>
        <source>Author: %1</source>
        <translation>Autor: %1</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/detectionsmodel.cpp" line="201"/>
        <source>Level</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/detectionsmodel.cpp" line="203"/>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/detectionsmodel.cpp" line="205"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/detectionsmodel.cpp" line="207"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/detectionsmodel.cpp" line="209"/>
        <source>ATT&amp;CK Tactics</source>
        <translation>ATT&amp;CK-Taktiken</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/detectionsmodel.cpp" line="211"/>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/detectionsmodel.cpp" line="213"/>
        <source>First Hit</source>
        <translation>Erster Treffer</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/detectionsmodel.cpp" line="215"/>
        <source>Last Hit</source>
        <translation>Letzter Treffer</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/detectionsmodel.cpp" line="217"/>
        <source>Hits over the Case</source>
        <translation>Treffer über den Fall</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::EventAnnotationBar</name>
    <message>
        <location filename="../ui/browser/eventannotationbar.cpp" line="18"/>
        <source>Star this event (Ctrl+M); starred events can be shown alone and feed reports</source>
        <translation>Dieses Ereignis mit Stern markieren (Strg+M); markierte Ereignisse lassen sich allein anzeigen und fließen in Berichte ein</translation>
    </message>
    <message>
        <location filename="../ui/browser/eventannotationbar.cpp" line="21"/>
        <source>Add a note to this event…</source>
        <translation>Eine Notiz zu diesem Ereignis hinzufügen…</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::EventComparison</name>
    <message>
        <location filename="../ui/browser/eventcomparison.cpp" line="30"/>
        <source>Cannot compare the events: %1</source>
        <translation>Die Ereignisse können nicht verglichen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/browser/eventcomparison.cpp" line="52"/>
        <source>%1 (row %2)</source>
        <translation>%1 (Zeile %2)</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::EventTableModel</name>
    <message>
        <location filename="../ui/browser/eventtablemodel.cpp" line="106"/>
        <source>Event time (%1)</source>
        <translation>Ereigniszeit (%1)</translation>
    </message>
    <message>
        <location filename="../ui/browser/eventtablemodel.cpp" line="138"/>
        <source>Its log file failed validation: %1</source>
        <translation>Die Protokolldatei hat die Prüfung nicht bestanden: %1</translation>
    </message>
    <message>
        <location filename="../ui/browser/eventtablemodel.cpp" line="167"/>
        <source>(no time)</source>
        <translation>(keine Zeit)</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::ExportController</name>
    <message>
        <location filename="../ui/export/exportcontroller.cpp" line="22"/>
        <source>An export is running; wait for it or cancel it first.</source>
        <translation>Ein Export läuft; warten Sie darauf oder brechen Sie ihn zuerst ab.</translation>
    </message>
    <message>
        <location filename="../ui/export/exportcontroller.cpp" line="26"/>
        <source>Exporting to %1…</source>
        <translation>Exportieren nach %1…</translation>
    </message>
    <message>
        <location filename="../ui/export/exportcontroller.cpp" line="26"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/export/exportcontroller.cpp" line="28"/>
        <location filename="../ui/export/exportcontroller.cpp" line="64"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../ui/export/exportcontroller.cpp" line="44"/>
        <source>%1 written…</source>
        <translation>%1 geschrieben…</translation>
    </message>
    <message>
        <location filename="../ui/export/exportcontroller.cpp" line="50"/>
        <source>Exported %1 to %2</source>
        <translation>Nach %2 exportiert: %1</translation>
    </message>
    <message>
        <location filename="../ui/export/exportcontroller.cpp" line="56"/>
        <source>Export cancelled; nothing was written.</source>
        <translation>Export abgebrochen; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <location filename="../ui/export/exportcontroller.cpp" line="62"/>
        <source>Could not export to %1: %2</source>
        <translation>Export nach %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location filename="../ui/export/exportcontroller.cpp" line="78"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::ExportDialog</name>
    <message>
        <location filename="../ui/export/exportdialog.cpp" line="47"/>
        <location filename="../ui/export/exportdialog.cpp" line="103"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../ui/export/exportdialog.cpp" line="56"/>
        <source>CSV (spreadsheets)</source>
        <translation>CSV (Tabellenkalkulation)</translation>
    </message>
    <message>
        <location filename="../ui/export/exportdialog.cpp" line="57"/>
        <source>JSON ({&quot;Records&quot;: [...]}, imports again)</source>
        <translation>JSON ({&quot;Records&quot;: [...]}, erneut importierbar)</translation>
    </message>
    <message>
        <location filename="../ui/export/exportdialog.cpp" line="58"/>
        <source>JSON Lines</source>
        <translation>JSON Lines</translation>
    </message>
    <message>
        <location filename="../ui/export/exportdialog.cpp" line="59"/>
        <source>HTML report</source>
        <translation>HTML-Bericht</translation>
    </message>
    <message>
        <location filename="../ui/export/exportdialog.cpp" line="60"/>
        <source>PDF report</source>
        <translation>PDF-Bericht</translation>
    </message>
    <message>
        <location filename="../ui/export/exportdialog.cpp" line="61"/>
        <source>Byte order mark first (for spreadsheet programs)</source>
        <translation>Byte Order Mark voranstellen (für Tabellenkalkulationen)</translation>
    </message>
    <message>
        <location filename="../ui/export/exportdialog.cpp" line="63"/>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <location filename="../ui/export/exportdialog.cpp" line="65"/>
        <source>CloudTrail investigation report</source>
        <translation>CloudTrail-Untersuchungsbericht</translation>
    </message>
    <message>
        <location filename="../ui/export/exportdialog.cpp" line="69"/>
        <source> events at most</source>
        <translation> Ereignisse maximal</translation>
    </message>
    <message>
        <location filename="../ui/export/exportdialog.cpp" line="70"/>
        <source>The table&apos;s visible columns (else the report&apos;s own set)</source>
        <translation>Die sichtbaren Spalten der Tabelle (sonst die eigene Auswahl des Berichts)</translation>
    </message>
    <message>
        <location filename="../ui/export/exportdialog.cpp" line="84"/>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <location filename="../ui/export/exportdialog.cpp" line="85"/>
        <source>Sections:</source>
        <translation>Abschnitte:</translation>
    </message>
    <message>
        <location filename="../ui/export/exportdialog.cpp" line="86"/>
        <source>Event table:</source>
        <translation>Ereignistabelle:</translation>
    </message>
    <message>
        <location filename="../ui/export/exportdialog.cpp" line="91"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/export/exportdialog.cpp" line="97"/>
        <source>Export:</source>
        <translation>Exportieren:</translation>
    </message>
    <message>
        <location filename="../ui/export/exportdialog.cpp" line="98"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../ui/export/exportdialog.cpp" line="100"/>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <location filename="../ui/export/exportdialog.cpp" line="154"/>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <location filename="../ui/export/exportdialog.cpp" line="154"/>
        <source>%1 files (*.%2)</source>
        <translation>%1-Dateien (*.%2)</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::ExportJob</name>
    <message numerus="yes">
        <location filename="../ui/export/exportjob.cpp" line="116"/>
        <source>a %n-page report</source>
        <translation>
            <numerusform>ein Bericht mit %n Seite</numerusform>
            <numerusform>ein Bericht mit %n Seiten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/export/exportjob.cpp" line="116"/>
        <source>a report</source>
        <translation>ein Bericht</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/export/exportjob.cpp" line="146"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/export/exportjob.cpp" line="162"/>
        <source>the case summary</source>
        <translation>die Fallübersicht</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/export/exportjob.cpp" line="167"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Ereignis</numerusform>
            <numerusform>%n Ereignisse</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::FacetPane</name>
    <message>
        <location filename="../ui/browser/facetpane.cpp" line="35"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/browser/facetpane.cpp" line="35"/>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <location filename="../ui/browser/facetpane.cpp" line="42"/>
        <source>Click a value to filter on it; Ctrl+click to exclude it.</source>
        <translation>Einen Wert anklicken, um danach zu filtern; Strg+Klick, um ihn auszuschließen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/browser/facetpane.cpp" line="77"/>
        <source>%n value(s)</source>
        <translation>
            <numerusform>%n Wert</numerusform>
            <numerusform>%n Werte</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/browser/facetpane.cpp" line="86"/>
        <source>(absent)</source>
        <translation>(fehlt)</translation>
    </message>
    <message>
        <location filename="../ui/browser/facetpane.cpp" line="89"/>
        <source>Events without %1</source>
        <translation>Ereignisse ohne %1</translation>
    </message>
    <message>
        <location filename="../ui/browser/facetpane.cpp" line="129"/>
        <source>Filter on this value</source>
        <translation>Nach diesem Wert filtern</translation>
    </message>
    <message>
        <location filename="../ui/browser/facetpane.cpp" line="130"/>
        <source>Exclude this value</source>
        <translation>Diesen Wert ausschließen</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::FilterChips</name>
    <message>
        <location filename="../ui/browser/filterchips.cpp" line="62"/>
        <source>Filters:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <location filename="../ui/browser/filterchips.cpp" line="67"/>
        <source>Remove this filter: %1</source>
        <translation>Diesen Filter entfernen: %1</translation>
    </message>
    <message>
        <location filename="../ui/browser/filterchips.cpp" line="73"/>
        <source>Clear filters</source>
        <translation>Filter löschen</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::FindingChart</name>
    <message>
        <location filename="../ui/dashboard/findingchart.cpp" line="41"/>
        <source>Principals</source>
        <translation>Prinzipale</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/findingchart.cpp" line="43"/>
        <source>User agents</source>
        <translation>User-Agents</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/findingchart.cpp" line="45"/>
        <source>Error codes</source>
        <translation>Fehlercodes</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/findingchart.cpp" line="72"/>
        <source>Attributions:</source>
        <translation>Zuordnungen:</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/findingchart.cpp" line="93"/>
        <source>Select a finding to see its rate against the baseline. Double-click or press Enter to open its events.</source>
        <translation>Einen Befund auswählen, um seine Rate gegenüber der Basislinie zu sehen. Doppelklicken oder Eingabetaste drücken, um seine Ereignisse zu öffnen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dashboard/findingchart.cpp" line="111"/>
        <source>%1 %2 in %3 (%4), %5: %6 per minute against a baseline of %7 per minute over %n minute(s).</source>
        <translation>
            <numerusform>%1 %2 in %3 (%4), %5: %6 pro Minute gegenüber einer Basislinie von %7 pro Minute über %n Minute.</numerusform>
            <numerusform>%1 %2 in %3 (%4), %5: %6 pro Minute gegenüber einer Basislinie von %7 pro Minute über %n Minuten.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dashboard/findingchart.cpp" line="117"/>
        <source>Error code %1.</source>
        <translation>Fehlercode %1.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/findingchart.cpp" line="119"/>
        <source>The case holds less than the seven days of history AWS uses.</source>
        <translation>Der Fall umfasst weniger als die sieben Tage Verlauf, die AWS verwendet.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/findingchart.cpp" line="145"/>
        <source>Calls per minute</source>
        <translation>Aufrufe pro Minute</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/findingchart.cpp" line="146"/>
        <source>Errors per minute</source>
        <translation>Fehler pro Minute</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/findingchart.cpp" line="149"/>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/findingchart.cpp" line="159"/>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/findingchart.cpp" line="159"/>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/findingchart.cpp" line="169"/>
        <source>Insight average (AWS)</source>
        <translation>Insight-Durchschnitt (AWS)</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/findingchart.cpp" line="180"/>
        <location filename="../ui/dashboard/findingchart.cpp" line="235"/>
        <source>Episode</source>
        <translation>Episode</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/findingchart.cpp" line="186"/>
        <source>Baseline average</source>
        <translation>Durchschnitt der Basislinie</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/findingchart.cpp" line="219"/>
        <source>No attributions</source>
        <translation>Keine Zuordnungen</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/findingchart.cpp" line="223"/>
        <source>Per minute, episode against baseline</source>
        <translation>Pro Minute, Episode gegenüber Basislinie</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/findingchart.cpp" line="236"/>
        <source>Baseline</source>
        <translation>Basislinie</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::FindingsModel</name>
    <message>
        <location filename="../ui/dashboard/findingsmodel.cpp" line="27"/>
        <source>Call rate</source>
        <translation>Aufrufrate</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/findingsmodel.cpp" line="27"/>
        <source>Error rate</source>
        <translation>Fehlerrate</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/findingsmodel.cpp" line="32"/>
        <source>Trailscope</source>
        <translation>Trailscope</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/findingsmodel.cpp" line="32"/>
        <source>AWS</source>
        <translation>AWS</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/findingsmodel.cpp" line="77"/>
        <source>Still unusual where the case&apos;s events stop: only its start is known.</source>
        <translation>Noch auffällig, wo die Ereignisse des Falls enden: Nur der Beginn ist bekannt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dashboard/findingsmodel.cpp" line="79"/>
        <source>Average per minute over %n minute(s) of baseline</source>
        <translation>
            <numerusform>Durchschnitt pro Minute über %n Minute der Basislinie</numerusform>
            <numerusform>Durchschnitt pro Minute über %n Minuten der Basislinie</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dashboard/findingsmodel.cpp" line="110"/>
        <source>%1+</source>
        <translation>%1+</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/findingsmodel.cpp" line="121"/>
        <source>Start (UTC)</source>
        <translation>Beginn (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/findingsmodel.cpp" line="123"/>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/findingsmodel.cpp" line="125"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/findingsmodel.cpp" line="127"/>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/findingsmodel.cpp" line="129"/>
        <source>Error code</source>
        <translation>Fehlercode</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/findingsmodel.cpp" line="131"/>
        <source>Principal</source>
        <translation>Prinzipal</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/findingsmodel.cpp" line="133"/>
        <source>Source IP</source>
        <translation>Quell-IP</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/findingsmodel.cpp" line="135"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/findingsmodel.cpp" line="137"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/findingsmodel.cpp" line="139"/>
        <source>Baseline/min</source>
        <translation>Basislinie/min</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/findingsmodel.cpp" line="141"/>
        <source>Insight/min</source>
        <translation>Insight/min</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/findingsmodel.cpp" line="143"/>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::FirstSeenModel</name>
    <message>
        <location filename="../ui/dashboard/firstseenmodel.cpp" line="15"/>
        <source>Principal</source>
        <translation>Prinzipal</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/firstseenmodel.cpp" line="17"/>
        <source>Access key</source>
        <translation>Zugriffsschlüssel</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/firstseenmodel.cpp" line="19"/>
        <source>Source IP</source>
        <translation>Quell-IP</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/firstseenmodel.cpp" line="21"/>
        <source>User agent</source>
        <translation>User-Agent</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/firstseenmodel.cpp" line="23"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/firstseenmodel.cpp" line="74"/>
        <source>First event (UTC)</source>
        <translation>Erstes Ereignis (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/firstseenmodel.cpp" line="76"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/firstseenmodel.cpp" line="78"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/firstseenmodel.cpp" line="80"/>
        <source>Its first call</source>
        <translation>Sein erster Aufruf</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::ImportCoordinator</name>
    <message numerus="yes">
        <location filename="../ui/import/importcoordinator.cpp" line="35"/>
        <source>%n sources</source>
        <translation>
            <numerusform>%n Quelle</numerusform>
            <numerusform>%n Quellen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/import/importcoordinator.cpp" line="67"/>
        <source>Rejected files</source>
        <translation>Abgewiesene Dateien</translation>
    </message>
    <message>
        <location filename="../ui/import/importcoordinator.cpp" line="69"/>
        <source>These files or records could not be imported; everything else was.</source>
        <translation>Diese Dateien oder Einträge konnten nicht importiert werden; alles andere wurde importiert.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/import/importcoordinator.cpp" line="81"/>
        <source>Import finished: %n event(s)</source>
        <translation>
            <numerusform>Import abgeschlossen: %n Ereignis</numerusform>
            <numerusform>Import abgeschlossen: %n Ereignisse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/import/importcoordinator.cpp" line="83"/>
        <source>, %n conflicting copies set aside</source>
        <translation>
            <numerusform>, %n widersprüchliche Kopie beiseitegelegt</numerusform>
            <numerusform>, %n widersprüchliche Kopien beiseitegelegt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/import/importcoordinator.cpp" line="85"/>
        <source>, %n file(s) ignored as not trail content (LICENSE, README, …)</source>
        <translation>
            <numerusform>, %n Datei als Nicht-Trail-Inhalt ignoriert (LICENSE, README, …)</numerusform>
            <numerusform>, %n Dateien als Nicht-Trail-Inhalt ignoriert (LICENSE, README, …)</numerusform>
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
        <translation>Den Import anhalten; was bisher importiert wurde, bleibt im Fall</translation>
    </message>
    <message>
        <location filename="../ui/import/importprogresswidget.cpp" line="31"/>
        <source>Importing %1…</source>
        <translation>%1 wird importiert…</translation>
    </message>
    <message>
        <location filename="../ui/import/importprogresswidget.cpp" line="41"/>
        <source>%1 files, %2 events</source>
        <translation>%1 Dateien, %2 Ereignisse</translation>
    </message>
    <message>
        <location filename="../ui/import/importprogresswidget.cpp" line="45"/>
        <source>, %1 events/s</source>
        <translation>, %1 Ereignisse/s</translation>
    </message>
    <message>
        <location filename="../ui/import/importprogresswidget.cpp" line="47"/>
        <source>, %1 s left</source>
        <translation>, noch %1 s</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/import/importprogresswidget.cpp" line="49"/>
        <source>, %n rejected</source>
        <translation>
            <numerusform>, %n abgewiesen</numerusform>
            <numerusform>, %n abgewiesen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/import/importprogresswidget.cpp" line="51"/>
        <source>Indexing: %1</source>
        <translation>Indizierung: %1</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::IntegrityDialog</name>
    <message>
        <location filename="../ui/integrity/integritydialog.cpp" line="32"/>
        <source>Log File Integrity</source>
        <translation>Integrität der Protokolldateien</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritydialog.cpp" line="36"/>
        <source>Empty: the case, from the hashes its import recorded</source>
        <translation>Leer: der Fall, anhand der Hashes, die sein Import aufgezeichnet hat</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritydialog.cpp" line="37"/>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritydialog.cpp" line="43"/>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritydialog.cpp" line="44"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritydialog.cpp" line="53"/>
        <source>Original files:</source>
        <translation>Originaldateien:</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritydialog.cpp" line="54"/>
        <source>Public keys:</source>
        <translation>Öffentliche Schlüssel:</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritydialog.cpp" line="56"/>
        <source>&amp;Validate</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritydialog.cpp" line="58"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritydialog.cpp" line="59"/>
        <source>&amp;Export CSV…</source>
        <translation>CSV &amp;exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritydialog.cpp" line="71"/>
        <source>Not validated yet.</source>
        <translation>Noch nicht geprüft.</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritydialog.cpp" line="91"/>
        <source>Only problems (invalid files, gaps, files outside every digest&apos;s period)</source>
        <translation>Nur Probleme (ungültige Dateien, Lücken, Dateien außerhalb der Zeiträume aller Digests)</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritydialog.cpp" line="98"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritydialog.cpp" line="98"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritydialog.cpp" line="98"/>
        <source>Trail</source>
        <translation>Trail</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritydialog.cpp" line="98"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritydialog.cpp" line="98"/>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritydialog.cpp" line="98"/>
        <source>Digests</source>
        <translation>Digests</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritydialog.cpp" line="98"/>
        <source>Restarts, gaps</source>
        <translation>Neustarts, Lücken</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritydialog.cpp" line="103"/>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritydialog.cpp" line="104"/>
        <source>Chains</source>
        <translation>Ketten</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritydialog.cpp" line="166"/>
        <source>Could not validate: %1</source>
        <translation>Prüfung nicht möglich: %1</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritydialog.cpp" line="170"/>
        <source>Validation cancelled.</source>
        <translation>Prüfung abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritydialog.cpp" line="172"/>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritydialog.cpp" line="182"/>
        <source>Validated from the case: the content hashes and digest files the import recorded; no original file was read.</source>
        <translation>Anhand des Falls geprüft: die Inhalts-Hashes und Digest-Dateien, die der Import aufgezeichnet hat; keine Originaldatei wurde gelesen.</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritydialog.cpp" line="232"/>
        <source>The original trail files</source>
        <translation>Die originalen Trail-Dateien</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritydialog.cpp" line="239"/>
        <source>Public keys</source>
        <translation>Öffentliche Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritydialog.cpp" line="240"/>
        <source>Public keys (*.json *.pem *.der);;All files (*)</source>
        <translation>Öffentliche Schlüssel (*.json *.pem *.der);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritydialog.cpp" line="248"/>
        <source>Export the results</source>
        <translation>Die Ergebnisse exportieren</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritydialog.cpp" line="248"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritydialog.cpp" line="250"/>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::IntegrityJob</name>
    <message>
        <location filename="../ui/integrity/integrityjob.cpp" line="39"/>
        <source>Reading the hashes the import recorded</source>
        <translation>Die vom Import aufgezeichneten Hashes werden gelesen</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integrityjob.cpp" line="47"/>
        <source>Reading and hashing the original files</source>
        <translation>Die Originaldateien werden gelesen und gehasht</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integrityjob.cpp" line="54"/>
        <source>Following the digest chains</source>
        <translation>Die Digest-Ketten werden verfolgt</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::IntegrityModel</name>
    <message>
        <location filename="../ui/integrity/integritymodel.cpp" line="64"/>
        <source>Digest file</source>
        <translation>Digest-Datei</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritymodel.cpp" line="65"/>
        <source>Log file</source>
        <translation>Protokolldatei</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritymodel.cpp" line="66"/>
        <source>Gap</source>
        <translation>Lücke</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritymodel.cpp" line="102"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritymodel.cpp" line="104"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritymodel.cpp" line="106"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritymodel.cpp" line="108"/>
        <source>Chain (account/region/trail)</source>
        <translation>Kette (Konto/Region/Trail)</translation>
    </message>
    <message>
        <location filename="../ui/integrity/integritymodel.cpp" line="110"/>
        <source>Where it lies</source>
        <translation>Ort</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::JsonTreeModel</name>
    <message>
        <location filename="../ui/common/jsontreemodel.cpp" line="114"/>
        <source>object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <location filename="../ui/common/jsontreemodel.cpp" line="116"/>
        <source>array</source>
        <translation>Array</translation>
    </message>
    <message>
        <location filename="../ui/common/jsontreemodel.cpp" line="118"/>
        <source>string</source>
        <translation>Zeichenkette</translation>
    </message>
    <message>
        <location filename="../ui/common/jsontreemodel.cpp" line="120"/>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <location filename="../ui/common/jsontreemodel.cpp" line="122"/>
        <source>boolean</source>
        <translation>Boolescher Wert</translation>
    </message>
    <message>
        <location filename="../ui/common/jsontreemodel.cpp" line="124"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location filename="../ui/common/jsontreemodel.cpp" line="175"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/common/jsontreemodel.cpp" line="177"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/common/jsontreemodel.cpp" line="179"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::MainWindow</name>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="149"/>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="150"/>
        <source>SQL</source>
        <translation>SQL</translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="151"/>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/window/mainwindow.cpp" line="162"/>
        <source>Starring %n event(s)…</source>
        <translation>
            <numerusform>%n Ereignis wird mit Stern markiert…</numerusform>
            <numerusform>%n Ereignisse werden mit Stern markiert…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="170"/>
        <source>Added to the browser&apos;s search: %1</source>
        <translation>Zur Suche des Browsers hinzugefügt: %1</translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="183"/>
        <source>Facets</source>
        <translation>Facetten</translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="206"/>
        <source>Search error at column %1: %2</source>
        <translation>Suchfehler in Spalte %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="217"/>
        <source>Sort by event time to jump to a bucket&apos;s events.</source>
        <translation>Nach Ereigniszeit sortieren, um zu den Ereignissen eines Intervalls zu springen.</translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="312"/>
        <source>Open a case to see its detection rules.</source>
        <translation>Einen Fall öffnen, um seine Erkennungsregeln zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="321"/>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="335"/>
        <source>Cannot open the case: %1</source>
        <translation>Der Fall lässt sich nicht öffnen: %1</translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="336"/>
        <source>Cannot open the case</source>
        <translation>Der Fall lässt sich nicht öffnen</translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="433"/>
        <source>%1 — Trailscope</source>
        <translation>%1 — Trailscope</translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="450"/>
        <source>Some lookup indexes are not built yet (an import was interrupted): lookups on fields may be slow until the next import into this case.</source>
        <translation>Einige Nachschlage-Indizes sind noch nicht aufgebaut (ein Import wurde unterbrochen): Nachschlagen in Feldern kann bis zum nächsten Import in diesen Fall langsam sein.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/window/mainwindow.cpp" line="471"/>
        <source>%n new event(s) from another import; File › Reload Case (F5) shows them.</source>
        <translation>
            <numerusform>%n neues Ereignis aus einem anderen Import; Datei › Fall neu laden (F5) zeigt es.</numerusform>
            <numerusform>%n neue Ereignisse aus einem anderen Import; Datei › Fall neu laden (F5) zeigt sie.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/window/mainwindow.cpp" line="476"/>
        <source>Another import is adding events to this case: %n so far.</source>
        <translation>
            <numerusform>Ein anderer Import fügt diesem Fall Ereignisse hinzu: bisher %n.</numerusform>
            <numerusform>Ein anderer Import fügt diesem Fall Ereignisse hinzu: bisher %n.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="503"/>
        <source>Open a case to export from it.</source>
        <translation>Einen Fall öffnen, um daraus zu exportieren.</translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="523"/>
        <source>The events in the current view (%1)</source>
        <translation>Die Ereignisse der aktuellen Ansicht (%1)</translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="524"/>
        <source>The events in the current view</source>
        <translation>Die Ereignisse der aktuellen Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="532"/>
        <source>The SQL result: %1</source>
        <translation>Das SQL-Ergebnis: %1</translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="542"/>
        <source>The finding %1: %2</source>
        <translation>Der Befund %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="547"/>
        <source>The starred events with their notes</source>
        <translation>Die markierten Ereignisse mit ihren Notizen</translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="550"/>
        <source>The case summary</source>
        <translation>Die Fallübersicht</translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="621"/>
        <source>An import is already running; drop again when it has finished.</source>
        <translation>Ein Import läuft bereits; ziehen Sie die Dateien erneut hierher, wenn er beendet ist.</translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="634"/>
        <source>Import failed: %1</source>
        <translation>Import fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="636"/>
        <source>Import cancelled; the events imported so far are kept.</source>
        <translation>Import abgebrochen; die bisher importierten Ereignisse bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="668"/>
        <source>Integrity: every digest and log file the digests list is valid (signatures not checked).</source>
        <translation>Integrität: Jede Digest-Datei und jede darin aufgeführte Protokolldatei ist gültig (Signaturen nicht geprüft).</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/window/mainwindow.cpp" line="669"/>
        <source>Integrity: %n file(s) INVALID. Events › Validate Log Integrity… lists them.</source>
        <translation>
            <numerusform>Integrität: %n Datei INVALID. Ereignisse › Integrität der Protokolldateien prüfen… listet sie auf.</numerusform>
            <numerusform>Integrität: %n Dateien INVALID. Ereignisse › Integrität der Protokolldateien prüfen… listet sie auf.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="674"/>
        <source>Integrity not checked: %1</source>
        <translation>Integrität nicht geprüft: %1</translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="701"/>
        <source>Open a case to validate its log files.</source>
        <translation>Einen Fall öffnen, um seine Protokolldateien zu prüfen.</translation>
    </message>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="786"/>
        <source>Select two to five events to compare.</source>
        <translation>Zwei bis fünf Ereignisse zum Vergleichen auswählen.</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::PrincipalDrillDown</name>
    <message>
        <location filename="../ui/dashboard/principaldrilldown.cpp" line="65"/>
        <source>&amp;Open Events</source>
        <translation>Ereignisse ö&amp;ffnen</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/principaldrilldown.cpp" line="67"/>
        <source>Show this principal&apos;s events in the browser, over its first to last event.</source>
        <translation>Die Ereignisse dieses Prinzipals im Browser zeigen, von seinem ersten bis zu seinem letzten Ereignis.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/principaldrilldown.cpp" line="73"/>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/principaldrilldown.cpp" line="88"/>
        <source>APIs</source>
        <translation>APIs</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/principaldrilldown.cpp" line="89"/>
        <source>Source IPs</source>
        <translation>Quell-IPs</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/principaldrilldown.cpp" line="90"/>
        <source>Regions</source>
        <translation>Regionen</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/principaldrilldown.cpp" line="137"/>
        <source>Counting the activity of %1…</source>
        <translation>Die Aktivität von %1 wird gezählt…</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/principaldrilldown.cpp" line="154"/>
        <source>Could not count the activity of %1: %2</source>
        <translation>Die Aktivität von %1 konnte nicht gezählt werden: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dashboard/principaldrilldown.cpp" line="156"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 events, %3 with an error; %n API(s), from %4 to %5 (UTC).</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %2 Ereignisse, %3 mit Fehler; %n API, von %4 bis %5 (UTC).</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %2 Ereignisse, %3 mit Fehler; %n APIs, von %4 bis %5 (UTC).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dashboard/principaldrilldown.cpp" line="180"/>
        <source>Calls and errors per hour</source>
        <translation>Aufrufe und Fehler pro Stunde</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/principaldrilldown.cpp" line="180"/>
        <source>Calls and errors per day</source>
        <translation>Aufrufe und Fehler pro Tag</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/principaldrilldown.cpp" line="183"/>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/principaldrilldown.cpp" line="185"/>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/principaldrilldown.cpp" line="199"/>
        <source>UTC</source>
        <translation>UTC</translation>
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
        <location filename="../ui/browser/rowworker.cpp" line="110"/>
        <source>No case is open.</source>
        <translation>Kein Fall geöffnet.</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::RuleListModel</name>
    <message>
        <location filename="../ui/dashboard/rulelistmodel.cpp" line="73"/>
        <source>Does not load: %1</source>
        <translation>Lädt nicht: %1</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/rulelistmodel.cpp" line="81"/>
        <source>Sigma (own)</source>
        <translation>Sigma (eigene)</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/rulelistmodel.cpp" line="88"/>
        <source>(does not load: %1)</source>
        <translation>(lädt nicht: %1)</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/rulelistmodel.cpp" line="121"/>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/rulelistmodel.cpp" line="123"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/rulelistmodel.cpp" line="125"/>
        <source>Level</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/rulelistmodel.cpp" line="127"/>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/rulelistmodel.cpp" line="129"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::RulesDialog</name>
    <message>
        <location filename="../ui/dashboard/rulesdialog.cpp" line="88"/>
        <source>Detection Rules</source>
        <translation>Erkennungsregeln</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/rulesdialog.cpp" line="98"/>
        <source>Filter rules…</source>
        <translation>Regeln filtern…</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/rulesdialog.cpp" line="136"/>
        <source>New &amp;Metric Filter</source>
        <translation>Neuer &amp;Metrikfilter</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/rulesdialog.cpp" line="137"/>
        <source>New &amp;Sigma Rule</source>
        <translation>Neue &amp;Sigma-Regel</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/rulesdialog.cpp" line="138"/>
        <source>D&amp;uplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/rulesdialog.cpp" line="139"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/rulesdialog.cpp" line="140"/>
        <source>Sa&amp;ve</source>
        <translation>Spei&amp;chern</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/rulesdialog.cpp" line="172"/>
        <source>&amp;Import Folder…</source>
        <translation>Ordner &amp;importieren…</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/rulesdialog.cpp" line="173"/>
        <source>&amp;Export Folder…</source>
        <translation>Ordner &amp;exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/rulesdialog.cpp" line="176"/>
        <source>Import Rules from Folder</source>
        <translation>Regeln aus Ordner importieren</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/rulesdialog.cpp" line="181"/>
        <source>Export the Case&apos;s Rules to Folder</source>
        <translation>Die Regeln des Falls in einen Ordner exportieren</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/rulesdialog.cpp" line="185"/>
        <source>Shipped rules are read-only: duplicate one to make it your own. Your rules live in the case; an exported folder loads with trailscope-cli detect --rules.</source>
        <translation>Mitgelieferte Regeln sind schreibgeschützt: Duplizieren Sie eine, um eine eigene daraus zu machen. Ihre Regeln liegen im Fall; ein exportierter Ordner lässt sich mit trailscope-cli detect --rules laden.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/rulesdialog.cpp" line="200"/>
        <source>Not stored: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dashboard/rulesdialog.cpp" line="211"/>
        <source>%n rule(s) imported.</source>
        <translation>
            <numerusform>%n Regel importiert.</numerusform>
            <numerusform>%n Regeln importiert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dashboard/rulesdialog.cpp" line="213"/>
        <source>Left out: %1</source>
        <translation>Ausgelassen: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dashboard/rulesdialog.cpp" line="218"/>
        <source>%n rule(s) exported to %1.</source>
        <translation>
            <numerusform>%n Regel nach %1 exportiert.</numerusform>
            <numerusform>%n Regeln nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dashboard/rulesdialog.cpp" line="286"/>
        <source>Discard Changes?</source>
        <translation>Änderungen verwerfen?</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/rulesdialog.cpp" line="286"/>
        <source>The rule in the editor has changes not saved.</source>
        <translation>Die Regel im Editor hat ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/rulesdialog.cpp" line="289"/>
        <source>Your rule &lt;b&gt;%1&lt;/b&gt;, kept in the case.</source>
        <translation>Ihre Regel &lt;b&gt;%1&lt;/b&gt;, im Fall gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/rulesdialog.cpp" line="290"/>
        <source>Shipped rule &lt;b&gt;%1&lt;/b&gt; (read-only).</source>
        <translation>Mitgelieferte Regel &lt;b&gt;%1&lt;/b&gt; (schreibgeschützt).</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/rulesdialog.cpp" line="314"/>
        <source>Does not load: %1</source>
        <translation>Lädt nicht: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dashboard/rulesdialog.cpp" line="318"/>
        <source>A metric-filter rule: in alarm at %n matching event(s)</source>
        <translation>
            <numerusform>Eine Metrikfilter-Regel: Alarm bei %n passendem Ereignis</numerusform>
            <numerusform>Eine Metrikfilter-Regel: Alarm bei %n passenden Ereignissen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dashboard/rulesdialog.cpp" line="319"/>
        <source>in %n minute(s).</source>
        <translation>
            <numerusform>in %n Minute.</numerusform>
            <numerusform>in %n Minuten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dashboard/rulesdialog.cpp" line="321"/>
        <source>A Sigma rule with %n selection(s).</source>
        <translation>
            <numerusform>Eine Sigma-Regel mit %n Selektion.</numerusform>
            <numerusform>Eine Sigma-Regel mit %n Selektionen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dashboard/rulesdialog.cpp" line="324"/>
        <source>Needs an id.</source>
        <translation>Benötigt eine ID.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/rulesdialog.cpp" line="326"/>
        <source>%1 is a shipped rule&apos;s id: choose another.</source>
        <translation>%1 ist die ID einer mitgelieferten Regel: Wählen Sie eine andere.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/rulesdialog.cpp" line="353"/>
        <source>A new metric-filter rule (not stored until saved).</source>
        <translation>Eine neue Metrikfilter-Regel (nicht gespeichert, bis sie gesichert wird).</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/rulesdialog.cpp" line="362"/>
        <source>A new Sigma rule (not stored until saved).</source>
        <translation>Eine neue Sigma-Regel (nicht gespeichert, bis sie gesichert wird).</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/rulesdialog.cpp" line="376"/>
        <source>A copy of %1 (not stored until saved).</source>
        <translation>Eine Kopie von %1 (nicht gespeichert, bis sie gesichert wird).</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::SearchBar</name>
    <message>
        <location filename="../ui/browser/searchbar.cpp" line="57"/>
        <source>Search: eventName:RunInstances user:alice ip:203.0.113.0/24 -readOnly:true &quot;text&quot; (or a {$.field = …} filter pattern)</source>
        <translation>Suche: eventName:RunInstances user:alice ip:203.0.113.0/24 -readOnly:true &quot;Text&quot; (oder ein {$.field = …}-Filtermuster)</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::SearchWorker</name>
    <message>
        <location filename="../ui/browser/searchworker.cpp" line="86"/>
        <source>No case is open.</source>
        <translation>Kein Fall geöffnet.</translation>
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
        <translation>Suche &amp;speichern…</translation>
    </message>
    <message>
        <location filename="../ui/window/searchesmenu.cpp" line="24"/>
        <source>Saved Searches</source>
        <translation>Gespeicherte Suchen</translation>
    </message>
    <message>
        <location filename="../ui/window/searchesmenu.cpp" line="26"/>
        <source>Recent Searches</source>
        <translation>Letzte Suchen</translation>
    </message>
    <message>
        <location filename="../ui/window/searchesmenu.cpp" line="36"/>
        <source>Type a search to save first.</source>
        <translation>Zuerst eine Suche eingeben, um sie zu speichern.</translation>
    </message>
    <message>
        <location filename="../ui/window/searchesmenu.cpp" line="41"/>
        <source>Save Search</source>
        <translation>Suche speichern</translation>
    </message>
    <message>
        <location filename="../ui/window/searchesmenu.cpp" line="42"/>
        <source>Name for &quot;%1&quot;:</source>
        <translation>Name für „%1“:</translation>
    </message>
    <message>
        <location filename="../ui/window/searchesmenu.cpp" line="61"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::ShortcutsDialog</name>
    <message>
        <location filename="../ui/help/shortcutsdialog.cpp" line="59"/>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../ui/help/shortcutsdialog.cpp" line="63"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location filename="../ui/help/shortcutsdialog.cpp" line="63"/>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../ui/help/shortcutsdialog.cpp" line="87"/>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <location filename="../ui/help/shortcutsdialog.cpp" line="91"/>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::SqlConsole</name>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="97"/>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="98"/>
        <source>Run the query, or the selected text (Ctrl+Enter)</source>
        <translation>Die Abfrage oder den markierten Text ausführen (Strg+Eingabe)</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="100"/>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="101"/>
        <source>Stop the running query</source>
        <translation>Die laufende Abfrage anhalten</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="104"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="105"/>
        <source>A new query tab</source>
        <translation>Ein neuer Abfrage-Tab</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="107"/>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="108"/>
        <source>Save the query in the case under a name</source>
        <translation>Die Abfrage unter einem Namen im Fall speichern</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="111"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="113"/>
        <source>Export JSON…</source>
        <translation>JSON exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="115"/>
        <source>Open events in browser</source>
        <translation>Ereignisse im Browser öffnen</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="116"/>
        <source>Show the events of this result (its eventID column) in the event browser</source>
        <translation>Die Ereignisse dieses Ergebnisses (seine Spalte eventID) im Ereignis-Browser zeigen</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="123"/>
        <source>The share of the case&apos;s events the query has examined; a query that reads an index range finishes before reaching the end</source>
        <translation>Der Anteil der Ereignisse des Falls, den die Abfrage untersucht hat; eine Abfrage, die einen Indexbereich liest, ist fertig, bevor der Balken das Ende erreicht</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="144"/>
        <source>Double-click to open in a new tab</source>
        <translation>Doppelklicken, um in einem neuen Tab zu öffnen</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="145"/>
        <source>Sample queries</source>
        <translation>Beispielabfragen</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="146"/>
        <source>Saved queries</source>
        <translation>Gespeicherte Abfragen</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="147"/>
        <location filename="../ui/sql/sqlconsole.cpp" line="629"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="197"/>
        <location filename="../ui/sql/sqlconsole.cpp" line="331"/>
        <source>No case open</source>
        <translation>Kein Fall geöffnet</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/sql/sqlconsole.cpp" line="224"/>
        <source>Ready: %n key path(s) of request and response fields to complete</source>
        <translation>
            <numerusform>Bereit: %n Schlüsselpfad von Request- und Response-Feldern zum Vervollständigen</numerusform>
            <numerusform>Bereit: %n Schlüsselpfade von Request- und Response-Feldern zum Vervollständigen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="231"/>
        <source>Cannot open the case for queries: %1</source>
        <translation>Der Fall kann nicht für Abfragen geöffnet werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="235"/>
        <source>Saved queries and history are unavailable: %1</source>
        <translation>Gespeicherte Abfragen und Verlauf sind nicht verfügbar: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/sql/sqlconsole.cpp" line="247"/>
        <source>%n statement(s) in %1 ms</source>
        <translation>
            <numerusform>%n Anweisung in %1 ms</numerusform>
            <numerusform>%n Anweisungen in %1 ms</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="257"/>
        <source>That event is not in the case</source>
        <translation>Dieses Ereignis ist nicht im Fall</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="266"/>
        <source>Opened the first %1 events in the browser</source>
        <translation>Die ersten %1 Ereignisse im Browser geöffnet</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/sql/sqlconsole.cpp" line="267"/>
        <source>Opened %n event(s) in the browser</source>
        <translation>
            <numerusform>%n Ereignis im Browser geöffnet</numerusform>
            <numerusform>%n Ereignisse im Browser geöffnet</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="276"/>
        <source>Exported %1 rows to %2</source>
        <translation>%1 Zeilen nach %2 exportiert</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="311"/>
        <source>Opening the case…</source>
        <translation>Der Fall wird geöffnet…</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="341"/>
        <source>Query %1</source>
        <translation>Abfrage %1</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="398"/>
        <location filename="../ui/sql/sqlconsole.cpp" line="595"/>
        <source>Running…</source>
        <translation>Läuft…</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="416"/>
        <location filename="../ui/sql/sqlconsole.cpp" line="417"/>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="439"/>
        <source>Fetching rows…</source>
        <translation>Zeilen werden abgerufen…</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="446"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="451"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="451"/>
        <source>Result %1</source>
        <translation>Ergebnis %1</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="467"/>
        <source>%1 rows of result %2</source>
        <translation>%1 Zeilen von Ergebnis %2</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="483"/>
        <location filename="../ui/sql/sqlconsole.cpp" line="486"/>
        <source>Line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="506"/>
        <source>%1 examined %2 of %3 events</source>
        <translation>%1 %2 von %3 Ereignissen untersucht</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="509"/>
        <source>%1 examined %2 events (the case holds %3)</source>
        <translation>%1 %2 Ereignisse untersucht (der Fall enthält %3)</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="538"/>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="551"/>
        <source>Collecting the events…</source>
        <translation>Die Ereignisse werden gesammelt…</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="597"/>
        <source>Open a case to query it</source>
        <translation>Einen Fall öffnen, um ihn abzufragen</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="601"/>
        <source>Results appear here: Ctrl+Enter runs the query or the selected text</source>
        <translation>Ergebnisse erscheinen hier: Strg+Eingabe führt die Abfrage oder den markierten Text aus</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="647"/>
        <source>Open in a new tab</source>
        <translation>In einem neuen Tab öffnen</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="650"/>
        <source>Delete saved query</source>
        <translation>Gespeicherte Abfrage löschen</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="661"/>
        <source>Export result as CSV</source>
        <translation>Ergebnis als CSV exportieren</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="661"/>
        <source>Export result as JSON</source>
        <translation>Ergebnis als JSON exportieren</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="662"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="662"/>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="674"/>
        <source>Save query</source>
        <translation>Abfrage speichern</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlconsole.cpp" line="675"/>
        <source>Name (a saved query of the same name is replaced):</source>
        <translation>Name (eine gespeicherte Abfrage gleichen Namens wird ersetzt):</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::SqlEditor</name>
    <message>
        <location filename="../ui/sql/sqleditor.cpp" line="37"/>
        <source>SELECT eventTime, eventName, userIdentity.arn FROM cloudtrail_logs LIMIT 100

Ctrl+Enter runs the query (or the selection); Ctrl+Space completes.</source>
        <translation>SELECT eventTime, eventName, userIdentity.arn FROM cloudtrail_logs LIMIT 100

Strg+Eingabe führt die Abfrage (oder die Auswahl) aus; Strg+Leertaste vervollständigt.</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::SqlQueryWorker</name>
    <message>
        <location filename="../ui/sql/sqlqueryworker.cpp" line="263"/>
        <location filename="../ui/sql/sqlqueryworker.cpp" line="303"/>
        <source>expected one statement</source>
        <translation>genau eine Anweisung erwartet</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::SqlResultModel</name>
    <message>
        <location filename="../ui/sql/sqlresultmodel.cpp" line="45"/>
        <source>Click to open this event in the browser</source>
        <translation>Klicken, um dieses Ereignis im Browser zu öffnen</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::SqlResultView</name>
    <message>
        <location filename="../ui/sql/sqlresultview.cpp" line="63"/>
        <source>Statement %1 (line %2)</source>
        <translation>Anweisung %1 (Zeile %2)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/sql/sqlresultview.cpp" line="66"/>
        <source>stopped after %n row(s)</source>
        <translation>
            <numerusform>nach %n Zeile angehalten</numerusform>
            <numerusform>nach %n Zeilen angehalten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/sql/sqlresultview.cpp" line="68"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlresultview.cpp" line="70"/>
        <source>running…</source>
        <translation>läuft…</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlresultview.cpp" line="72"/>
        <source>first %1 rows, more as you scroll</source>
        <translation>erste %1 Zeilen, weitere beim Scrollen</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlresultview.cpp" line="73"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/sql/sqlresultview.cpp" line="76"/>
        <source>click an eventID to open the event</source>
        <translation>eine eventID anklicken, um das Ereignis zu öffnen</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::StatusStrip</name>
    <message>
        <location filename="../ui/window/statusstrip.cpp" line="21"/>
        <location filename="../ui/window/statusstrip.cpp" line="71"/>
        <source>Scanning records for the timeline</source>
        <translation>Einträge für die Zeitleiste werden durchsucht</translation>
    </message>
    <message>
        <location filename="../ui/window/statusstrip.cpp" line="23"/>
        <source>Free text and {…} patterns on fields the case does not index read every raw record of the time range, once for the rows, the timeline and the facets.</source>
        <translation>Freitext und {…}-Muster auf Feldern, die der Fall nicht indiziert, lesen jeden Roheintrag des Zeitraums, einmal für die Zeilen, die Zeitleiste und die Facetten.</translation>
    </message>
    <message>
        <location filename="../ui/window/statusstrip.cpp" line="30"/>
        <source>Show all</source>
        <translation>Alle zeigen</translation>
    </message>
    <message>
        <location filename="../ui/window/statusstrip.cpp" line="31"/>
        <source>Stop browsing only the SQL result set</source>
        <translation>Nicht mehr nur die SQL-Ergebnismenge im Browser zeigen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/window/statusstrip.cpp" line="53"/>
        <source>Browsing %n event(s) from the SQL editor</source>
        <translation>
            <numerusform>%n Ereignis aus dem SQL-Editor im Browser</numerusform>
            <numerusform>%n Ereignisse aus dem SQL-Editor im Browser</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/window/statusstrip.cpp" line="54"/>
        <source>Browsing %n event(s) of %1</source>
        <translation>
            <numerusform>%n Ereignis von %1 im Browser</numerusform>
            <numerusform>%n Ereignisse von %1 im Browser</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/window/statusstrip.cpp" line="68"/>
        <source>Scanning records for rows</source>
        <translation>Einträge für die Zeilen werden durchsucht</translation>
    </message>
    <message>
        <location filename="../ui/window/statusstrip.cpp" line="74"/>
        <source>Scanning records for facets</source>
        <translation>Einträge für die Facetten werden durchsucht</translation>
    </message>
    <message>
        <location filename="../ui/window/statusstrip.cpp" line="85"/>
        <location filename="../ui/window/statusstrip.cpp" line="101"/>
        <source>searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <location filename="../ui/window/statusstrip.cpp" line="100"/>
        <source>%1 of %2 events</source>
        <translation>%1 von %2 Ereignissen</translation>
    </message>
    <message>
        <location filename="../ui/window/statusstrip.cpp" line="101"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::StoryController</name>
    <message>
        <location filename="../ui/window/storycontroller.cpp" line="19"/>
        <source>Credential Story</source>
        <translation>Anmeldedaten-Verlauf</translation>
    </message>
    <message>
        <location filename="../ui/window/storycontroller.cpp" line="61"/>
        <source>event %1</source>
        <translation>Ereignis %1</translation>
    </message>
    <message>
        <location filename="../ui/window/storycontroller.cpp" line="67"/>
        <source>Open a case to see a credential story.</source>
        <translation>Einen Fall öffnen, um einen Anmeldedaten-Verlauf zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/window/storycontroller.cpp" line="85"/>
        <source>Select an event to see the credential story behind it.</source>
        <translation>Ein Ereignis auswählen, um den Anmeldedaten-Verlauf dahinter zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/window/storycontroller.cpp" line="106"/>
        <source>Credential story of %1</source>
        <translation>Anmeldedaten-Verlauf von %1</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::StoryTreeModel</name>
    <message>
        <location filename="../ui/story/storytreemodel.cpp" line="34"/>
        <source>Credential</source>
        <translation>Anmeldedaten</translation>
    </message>
    <message>
        <location filename="../ui/story/storytreemodel.cpp" line="34"/>
        <source>Acts as</source>
        <translation>Handelt als</translation>
    </message>
    <message>
        <location filename="../ui/story/storytreemodel.cpp" line="34"/>
        <source>Issued by</source>
        <translation>Ausgestellt durch</translation>
    </message>
    <message>
        <location filename="../ui/story/storytreemodel.cpp" line="34"/>
        <source>Issued at (UTC)</source>
        <translation>Ausgestellt am (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/story/storytreemodel.cpp" line="34"/>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <location filename="../ui/story/storytreemodel.cpp" line="75"/>
        <source>%1 (source identity %2)</source>
        <translation>%1 (Quellidentität %2)</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::StoryView</name>
    <message numerus="yes">
        <location filename="../ui/story/storyview.cpp" line="30"/>
        <source>%Ln key(s)</source>
        <translation>
            <numerusform>%Ln Schlüssel</numerusform>
            <numerusform>%Ln Schlüssel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/story/storyview.cpp" line="31"/>
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln Ereignis</numerusform>
            <numerusform>%Ln Ereignisse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/story/storyview.cpp" line="34"/>
        <source>in %n account(s)</source>
        <translation>
            <numerusform>in %n Konto</numerusform>
            <numerusform>in %n Konten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/story/storyview.cpp" line="35"/>
        <source>and %n region(s)</source>
        <translation>
            <numerusform>und %n Region</numerusform>
            <numerusform>und %n Regionen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/story/storyview.cpp" line="37"/>
        <source>from %1 to %2</source>
        <translation>von %1 bis %2</translation>
    </message>
    <message>
        <location filename="../ui/story/storyview.cpp" line="46"/>
        <source>Show &amp;Events</source>
        <translation>&amp;Ereignisse zeigen</translation>
    </message>
    <message>
        <location filename="../ui/story/storyview.cpp" line="47"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <location filename="../ui/story/storyview.cpp" line="66"/>
        <source>Double-click a key to select the call that issued it.</source>
        <translation>Doppelklick auf einen Schlüssel wählt den Aufruf, der ihn ausgestellt hat.</translation>
    </message>
    <message>
        <location filename="../ui/story/storyview.cpp" line="73"/>
        <source>Show the events done with the chain&apos;s keys in the browser, one colour per key.</source>
        <translation>Die mit den Schlüsseln der Kette ausgeführten Ereignisse im Browser zeigen, eine Farbe je Schlüssel.</translation>
    </message>
    <message>
        <location filename="../ui/story/storyview.cpp" line="74"/>
        <source>Export the chain&apos;s events (File › Export… on the browser&apos;s view).</source>
        <translation>Die Ereignisse der Kette exportieren (Datei › Exportieren… auf der Ansicht des Browsers).</translation>
    </message>
    <message>
        <location filename="../ui/story/storyview.cpp" line="90"/>
        <source>Choose Show Credential Story on an event, an access key or a principal to see whose credential chain it is and everything the chain did.</source>
        <translation>„Anmeldedaten-Verlauf zeigen“ auf einem Ereignis, einem Zugriffsschlüssel oder einem Prinzipal wählen, um zu sehen, wessen Anmeldedaten-Kette es ist und was die Kette alles getan hat.</translation>
    </message>
    <message>
        <location filename="../ui/story/storyview.cpp" line="99"/>
        <source>Finding the story of %1…</source>
        <translation>Verlauf von %1 wird gesucht…</translation>
    </message>
    <message>
        <location filename="../ui/story/storyview.cpp" line="105"/>
        <source>Cannot tell the story of %1: %2</source>
        <translation>Der Verlauf von %1 ist nicht ermittelbar: %2</translation>
    </message>
    <message>
        <location filename="../ui/story/storyview.cpp" line="112"/>
        <source>This case holds no credential for %1.</source>
        <translation>Dieser Fall enthält keine Anmeldedaten für %1.</translation>
    </message>
    <message>
        <location filename="../ui/story/storyview.cpp" line="119"/>
        <source>Story %1 of %2: %3</source>
        <translation>Verlauf %1 von %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/story/storyview.cpp" line="158"/>
        <source>Origin: %1</source>
        <translation>Ursprung: %1</translation>
    </message>
    <message>
        <location filename="../ui/story/storyview.cpp" line="160"/>
        <source>This case was made before credential links were indexed: they were read from the records just now. Import into a new case for faster stories.</source>
        <translation>Dieser Fall wurde angelegt, bevor Anmeldedaten-Verknüpfungen indiziert wurden: Sie wurden soeben aus den Einträgen gelesen. Für schnellere Verläufe in einen neuen Fall importieren.</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::TacticsModel</name>
    <message>
        <location filename="../ui/dashboard/tacticsmodel.cpp" line="18"/>
        <source>All tactics</source>
        <translation>Alle Taktiken</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/tacticsmodel.cpp" line="19"/>
        <source>No ATT&amp;CK tactic</source>
        <translation>Keine ATT&amp;CK-Taktik</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/tacticsmodel.cpp" line="70"/>
        <source>ATT&amp;CK tactic %1</source>
        <translation>ATT&amp;CK-Taktik %1</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/tacticsmodel.cpp" line="92"/>
        <source>Tactic</source>
        <translation>Taktik</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/tacticsmodel.cpp" line="94"/>
        <source>Rules Fired</source>
        <translation>Ausgelöste Regeln</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/tacticsmodel.cpp" line="96"/>
        <source>Events</source>
        <translation>Ereignisse</translation>
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
        <translation>Zurückgerechnet vom neuesten Ereignis des Falls</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::TimelinePlot</name>
    <message>
        <location filename="../ui/timeline/timelineplot.cpp" line="177"/>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timelineplot.cpp" line="177"/>
        <source>Time (local, %1)</source>
        <translation>Zeit (lokal, %1)</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timelineplot.cpp" line="216"/>
        <source>Counting events…</source>
        <translation>Ereignisse werden gezählt…</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timelineplot.cpp" line="216"/>
        <source>No events</source>
        <translation>Keine Ereignisse</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timelineplot.cpp" line="334"/>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timelineplot.cpp" line="335"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timelineplot.cpp" line="340"/>
        <source>(log scale)</source>
        <translation>(logarithmisch)</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timelineplot.cpp" line="380"/>
        <source>Updating…</source>
        <translation>Wird aktualisiert…</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timelineplot.cpp" line="393"/>
        <source>%1 – %2 (%3)</source>
        <translation>%1 – %2 (%3)</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timelineplot.cpp" line="395"/>
        <source>Success: %1</source>
        <translation>Erfolg: %1</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timelineplot.cpp" line="396"/>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::TimelineSeriesMenu</name>
    <message>
        <location filename="../ui/window/timelineseriesmenu.cpp" line="25"/>
        <source>Timeline &amp;Series</source>
        <translation>Zeitleisten-&amp;Reihen</translation>
    </message>
    <message>
        <location filename="../ui/window/timelineseriesmenu.cpp" line="54"/>
        <source>No values of %1 under the current search.</source>
        <translation>Keine Werte von %1 unter der aktuellen Suche.</translation>
    </message>
    <message>
        <location filename="../ui/window/timelineseriesmenu.cpp" line="95"/>
        <source>Timeline Series</source>
        <translation>Zeitleisten-Reihen</translation>
    </message>
    <message>
        <location filename="../ui/window/timelineseriesmenu.cpp" line="96"/>
        <source>Search expression to count on the timeline:</source>
        <translation>Suchausdruck, der auf der Zeitleiste gezählt wird:</translation>
    </message>
    <message>
        <location filename="../ui/window/timelineseriesmenu.cpp" line="101"/>
        <source>Not a valid search: %1</source>
        <translation>Keine gültige Suche: %1</translation>
    </message>
    <message>
        <location filename="../ui/window/timelineseriesmenu.cpp" line="109"/>
        <source>Add the Current Search as a Series</source>
        <translation>Aktuelle Suche als Reihe hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/window/timelineseriesmenu.cpp" line="113"/>
        <source>Add a Series…</source>
        <translation>Eine Reihe hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/window/timelineseriesmenu.cpp" line="114"/>
        <source>Split by Field</source>
        <translation>Nach Feld aufteilen</translation>
    </message>
    <message>
        <location filename="../ui/window/timelineseriesmenu.cpp" line="121"/>
        <source>Remove All Series</source>
        <translation>Alle Reihen entfernen</translation>
    </message>
    <message>
        <location filename="../ui/window/timelineseriesmenu.cpp" line="124"/>
        <source>Remove &quot;%1&quot;</source>
        <translation>„%1“ entfernen</translation>
    </message>
</context>
<context>
    <name>Trailscope::Ui::WelcomePage</name>
    <message>
        <location filename="../ui/window/welcomepage.cpp" line="17"/>
        <source>Trailscope</source>
        <translation>Trailscope</translation>
    </message>
    <message>
        <location filename="../ui/window/welcomepage.cpp" line="22"/>
        <source>Drop an AWSLogs folder, a trail file or an archive anywhere on this window, or start here.</source>
        <translation>Einen AWSLogs-Ordner, eine Trail-Datei oder ein Archiv an beliebiger Stelle auf dieses Fenster ziehen oder hier beginnen.</translation>
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
        <translation>Beispiel-&amp;Trail öffnen</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="31"/>
        <source>&amp;Reload Case</source>
        <translation>Fall neu &amp;laden</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="32"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="33"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="34"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="34"/>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="35"/>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="35"/>
        <source>&amp;Forward</source>
        <translation>&amp;Vor</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="36"/>
        <source>&amp;Events</source>
        <translation>&amp;Ereignisse</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="37"/>
        <source>S&amp;QL Editor</source>
        <translation>S&amp;QL-Editor</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="38"/>
        <source>&amp;Dashboard</source>
        <translation>&amp;Dashboard</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="39"/>
        <source>Times in &amp;UTC</source>
        <translation>Zeiten in &amp;UTC</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="39"/>
        <source>Timeline &amp;Log Scale</source>
        <translation>Zeitleiste &amp;logarithmisch</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="40"/>
        <source>&amp;Colouring Rules…</source>
        <translation>&amp;Farbregeln…</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="41"/>
        <source>&amp;Star or Unstar Selected Events</source>
        <translation>Stern für ausgewählte Ereignisse &amp;setzen oder entfernen</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="42"/>
        <source>Show &amp;Only Starred Events</source>
        <translation>&amp;Nur markierte Ereignisse zeigen</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="43"/>
        <source>&amp;Compare Selected Events</source>
        <translation>Ausgewählte Ereignisse &amp;vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="44"/>
        <source>Show Credential &amp;Story</source>
        <translation>&amp;Anmeldedaten-Verlauf zeigen</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="45"/>
        <source>Detection &amp;Rules…</source>
        <translation>E&amp;rkennungsregeln…</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="46"/>
        <source>Validate Log &amp;Integrity…</source>
        <translation>&amp;Integrität der Protokolldateien prüfen…</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="47"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="48"/>
        <source>&amp;About Trailscope</source>
        <translation>Ü&amp;ber Trailscope</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="57"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="66"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="67"/>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="69"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="79"/>
        <source>E&amp;vents</source>
        <translation>E&amp;reignisse</translation>
    </message>
    <message>
        <location filename="../ui/window/windowactions.cpp" line="86"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="55"/>
        <source>Offline audit console for AWS CloudTrail</source>
        <translation>Offline-Auditkonsole für AWS CloudTrail</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="59"/>
        <source>Open the bundled sample trail</source>
        <translation>Den mitgelieferten Beispiel-Trail öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="62"/>
        <source>Start in this view: events, sql or dashboard</source>
        <translation>In dieser Ansicht starten: events, sql oder dashboard</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="67"/>
        <source>Start in the dashboard, drilled down into this principal once computed</source>
        <translation>Im Dashboard starten, aufgeschlüsselt auf diesen Prinzipal, sobald berechnet</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="72"/>
        <source>The window&apos;s language, e.g. de or en, instead of the system&apos;s</source>
        <translation>Die Sprache des Fensters, z. B. de oder en, statt der des Systems</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="76"/>
        <source>A case to open, or trail files to import</source>
        <translation>Ein zu öffnender Fall oder zu importierende Trail-Dateien</translation>
    </message>
</context>
</TS>
