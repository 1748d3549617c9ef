// The project's rooms and which rooms each may include (docs/architecture.md). A room is a folder of core/, ui/ or
// app/; it may include only the rooms listed for it, so the dependency graph stays a ladder without cycles.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace {

QString sourceDir()
{
    return QStringLiteral(TRAILSCOPE_SOURCE_DIR);
}

struct Room
{
    QString path; ///< from the source root: `core/casedb`
    QStringList mayInclude;
};

const QStringList coreRooms{"core/util",      "core/record", "core/casedb",   "core/import",
                            "core/query",     "core/export", "core/insights", "core/detect",
                            "core/integrity", "core/report", "core/story"};

QStringList coreAnd(const QStringList& more)
{
    return coreRooms + more;
}

// The ladder: a room may include those above it on its own line, never those below.
const QList<Room>& rooms()
{
    static const QList<Room> table{
        {"core/util", {}},
        {"core/record", {"core/util"}},
        {"core/casedb", {"core/record", "core/util"}},
        {"core/import", {"core/casedb", "core/record", "core/util"}},
        {"core/query", {"core/casedb", "core/record", "core/util"}},
        {"core/export", {"core/query", "core/casedb", "core/record", "core/util"}},
        {"core/insights", {"core/query", "core/casedb", "core/record", "core/util"}},
        {"core/detect", {"core/query", "core/casedb", "core/record", "core/util"}},
        {"core/integrity", {"core/import", "core/casedb", "core/record", "core/util"}},
        {"core/report",
         {"core/insights", "core/detect", "core/export", "core/query", "core/casedb", "core/record", "core/util"}},
        {"core/story", {"core/query", "core/casedb", "core/record", "core/util"}},
        {"ui/common", coreRooms},
        {"ui/browser", coreAnd({"ui/common"})},
        {"ui/timeline", coreAnd({"ui/common"})},
        {"ui/import", coreAnd({"ui/common"})},
        {"ui/sql", coreAnd({"ui/common"})},
        {"ui/dashboard", coreAnd({"ui/common"})},
        {"ui/export", coreAnd({"ui/common"})},
        {"ui/integrity", coreAnd({"ui/common"})},
        {"ui/help", coreAnd({"ui/common"})},
        {"ui/story", coreAnd({"ui/common"})},
        {"ui/window", coreAnd({"ui/common", "ui/browser", "ui/timeline", "ui/import", "ui/sql", "ui/dashboard",
                               "ui/export", "ui/integrity", "ui/help", "ui/story"})},
        {"app/cli", coreRooms},
        {"app/gui", coreAnd({"ui/window"})},
    };
    return table;
}

QStringList roomFolders(const QString& layer)
{
    QStringList folders;
    const QDir dir(sourceDir() + '/' + layer);
    for (const QString& name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        folders << layer + '/' + name;
    return folders;
}

// The room an `#include "room/file.h"` names: a ui/ room where the file is there, else the core/ room.
QString roomOfInclude(const QString& include)
{
    const QString folder = include.section('/', 0, 0);
    for (const QString& layer : {QStringLiteral("ui"), QStringLiteral("core")}) {
        if (QFile::exists(sourceDir() + '/' + layer + '/' + include))
            return layer + '/' + folder;
    }
    return {};
}

QStringList includesOf(const QString& file)
{
    QFile source(file);
    if (!source.open(QIODevice::ReadOnly))
        return {};
    static const QRegularExpression includeLine(QStringLiteral("^\\s*#\\s*include\\s+\"([a-z0-9_]+/[^\"]+)\""),
                                                QRegularExpression::MultilineOption);
    QStringList includes;
    const QString text = QString::fromUtf8(source.readAll());
    for (auto match = includeLine.globalMatch(text); match.hasNext();)
        includes << match.next().captured(1);
    return includes;
}

} // namespace

class TestRooms : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFolderIsARoom()
    {
        QStringList folders = roomFolders("core") + roomFolders("ui") + roomFolders("app");
        QStringList known;
        for (const Room& room : rooms())
            known << room.path;
        folders.sort();
        known.sort();
        QCOMPARE(folders, known);
    }

    void includesFollowTheLadder_data()
    {
        QTest::addColumn<QString>("room");
        QTest::addColumn<QStringList>("mayInclude");
        for (const Room& room : rooms())
            QTest::newRow(qPrintable(room.path)) << room.path << room.mayInclude;
    }

    void includesFollowTheLadder()
    {
        QFETCH(QString, room);
        QFETCH(QStringList, mayInclude);
        int files = 0;
        QStringList offences;
        QDirIterator it(sourceDir() + '/' + room, {"*.h", "*.cpp"}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            ++files;
            for (const QString& include : includesOf(file)) {
                const QString target = roomOfInclude(include);
                if (target.isEmpty() || target == room || mayInclude.contains(target))
                    continue;
                offences << QDir(sourceDir()).relativeFilePath(file) + " includes " + include;
            }
        }
        QVERIFY2(files > 0, qPrintable(room + " has no sources"));
        QVERIFY2(offences.isEmpty(), qPrintable(offences.join('\n')));
    }

    // The window words core errors with ErrorText, translated; Error::toString() is for logs and terminals.
    void theWindowNeverShowsAnUntranslatedError()
    {
        static const QRegularExpression untranslated(QStringLiteral("error\\(\\)\\.toString\\(\\)"));
        QStringList offences;
        QDirIterator it(sourceDir() + "/ui", {"*.cpp", "*.h"}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile source(it.next());
            QVERIFY(source.open(QIODevice::ReadOnly));
            if (QString::fromUtf8(source.readAll()).contains(untranslated))
                offences << QDir(sourceDir()).relativeFilePath(source.fileName());
        }
        QVERIFY2(offences.isEmpty(), qPrintable(offences.join(", ")));
    }

    // `import/` is a room of both core/ and ui/; a header in both would make an include mean two files.
    void noHeaderIsInTwoLayers()
    {
        QStringList both;
        QDirIterator it(sourceDir() + "/ui", {"*.h"}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString relative = QDir(sourceDir() + "/ui").relativeFilePath(it.next());
            if (QFile::exists(sourceDir() + "/core/" + relative))
                both << relative;
        }
        QVERIFY2(both.isEmpty(), qPrintable(both.join(", ")));
    }
};

QTEST_GUILESS_MAIN(TestRooms)
#include "tst_rooms.moc"
