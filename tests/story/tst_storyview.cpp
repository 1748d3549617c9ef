// The credential story in the window (issue 19's UI): the words of "who is behind this", the chain's tree, its
// colours per key, and the window's Show Credential Story flow on the generated chains.

#include "storyfixture.h"

#include "browser/detailpane.h"
#include "browser/eventtablemodel.h"
#include "browser/eventtableview.h"
#include "story/storycolours.h"
#include "story/storytext.h"
#include "story/storytreemodel.h"
#include "story/storyview.h"
#include "testsupport.h"
#include "timeline/timelineview.h"
#include "window/mainwindow.h"
#include "window/storycontroller.h"

#include "casedb/caseschema.h"
#include "story/credentialstory.h"

#include <QDockWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

#include <map>

using namespace Trailscope;
using namespace Trailscope::Ui;
using namespace Trailscope::Test;
using Core::Story::CredentialStory;
using Core::Story::StorySeed;

class TestStoryView : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_case;

    CredentialStory storyOfKey(const QString& key)
    {
        auto db = Core::CaseSchema::open(m_case, Core::CaseSchema::OpenMode::ReadOnly);
        if (!db)
            qFatal("cannot open the case: %s", qPrintable(db.error().toString()));
        auto found = Core::Story::stories(*db, {StorySeed::Kind::AccessKey, key});
        if (!found || found->size() != 1)
            qFatal("expected one story of %s", qPrintable(key));
        return found->front();
    }

    // Per key: the story's events done with it, counted from the story itself.
    static std::map<QString, int> eventsPerKey(const CredentialStory& story)
    {
        std::map<QString, int> counts;
        for (const auto& event : story.events)
            ++counts[event.accessKeyId];
        return counts;
    }

    static void openCase(MainWindow& window, const QString& casePath)
    {
        QSignalSpy ready(&window, &MainWindow::caseReady);
        window.openCase(casePath);
        QVERIFY(ready.wait(10000));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        const QString trail = StoryFixture::write(StoryFixture::make(), m_dir.path());
        m_case = m_dir.filePath("story.tscase");
        QVERIFY(importPaths(m_case, {trail}).has_value());
    }

    // The line names the person's long-term key at the origin and the calls between, never the role's name alone.
    void behindLineNamesTheOriginAndTheHops()
    {
        const CredentialStory story = storyOfKey(StoryFixture::AliceHopKey);
        QCOMPARE(story.origin.accessKeyId, StoryFixture::AliceKey);
        QCOMPARE(StoryText::hops(story, StoryFixture::AliceHopKey), QStringList({"AssumeRole", "AssumeRole"}));
        QCOMPARE(StoryText::hops(story, StoryFixture::AliceKey), QStringList());
        const QString line = StoryText::behind(story, StoryFixture::AliceHopKey);
        QVERIFY2(line.contains(StoryFixture::AliceKey), qPrintable(line));
        QVERIFY2(line.contains(story.origin.arn) && !story.origin.arn.isEmpty(), qPrintable(line));
        QVERIFY2(line.endsWith("AssumeRole › AssumeRole"), qPrintable(line));

        // The decoy: bob assumed the same roles with the same session names; his line is his.
        const CredentialStory bob = storyOfKey(StoryFixture::BobHopKey);
        const QString bobLine = StoryText::behind(bob, StoryFixture::BobHopKey);
        QVERIFY2(bobLine.contains(StoryFixture::BobKey) && !bobLine.contains(StoryFixture::AliceKey),
                 qPrintable(bobLine));
    }

    void outsideTheCaseSaysSo()
    {
        const CredentialStory story = storyOfKey(StoryFixture::OutsideKey);
        QCOMPARE(story.origin.type, QString("OutsideCase"));
        const QString line = StoryText::behind(story, StoryFixture::OutsideKey);
        QVERIFY2(line.contains(StoryFixture::OutsideKey) && line.contains("does not hold"), qPrintable(line));
    }

    void coloursCountEveryEventOnce()
    {
        const CredentialStory story = storyOfKey(StoryFixture::AliceHopKey);
        const StoryColours colours(story);
        QSet<QRgb> distinct;
        for (const auto& key : story.keys) {
            QVERIFY(colours.of(key.accessKeyId).isValid());
            distinct.insert(colours.of(key.accessKeyId).rgb());
        }
        QCOMPARE(distinct.size(), static_cast<qsizetype>(story.keys.size()));
        QVERIFY(!colours.of(StoryFixture::BobKey).isValid());

        const auto rows = colours.rowColours();
        QCOMPARE(rows->size(), story.events.size());
        for (const auto& event : story.events)
            QCOMPARE(rows->at(event.row), colours.of(event.accessKeyId));

        // One bucket per hour over the story's span: each key's line adds up to its events.
        Core::Query::Histogram histogram;
        histogram.bucketMs = 3600 * 1000;
        const std::int64_t first = story.events.front().time / histogram.bucketMs * histogram.bucketMs;
        for (std::int64_t start = first; start <= story.events.back().time; start += histogram.bucketMs)
            histogram.buckets.push_back({start, 0, 0});
        const auto expected = eventsPerKey(story);
        const auto perKey = colours.countsPerKey(histogram);
        QCOMPARE(perKey.size(), expected.size());
        for (const auto& key : perKey) {
            std::int64_t sum = 0;
            for (std::int64_t n : key.counts)
                sum += n;
            QCOMPARE(sum, static_cast<std::int64_t>(expected.at(key.accessKeyId)));
            QCOMPARE(key.colour, colours.of(key.accessKeyId));
        }
    }

    void treeHangsKeysUnderTheirIssuers()
    {
        const CredentialStory story = storyOfKey(StoryFixture::AliceHopKey);
        StoryTreeModel model;
        model.setStory(story, StoryColours(story));
        QCOMPARE(model.rowCount(), 1); // the origin
        const QModelIndex alice = model.indexOfKey(StoryFixture::AliceKey);
        const QModelIndex ops = model.indexOfKey(StoryFixture::AliceOpsKey);
        const QModelIndex hop = model.indexOfKey(StoryFixture::AliceHopKey);
        QVERIFY(alice.isValid() && ops.isValid() && hop.isValid());
        QCOMPARE(alice.parent(), model.index(0, 0));
        QCOMPARE(ops.parent(), alice);
        QCOMPARE(hop.parent(), ops);
        QCOMPARE(hop.siblingAtColumn(StoryTreeModel::IssuedByColumn).data().toString(), QString("AssumeRole"));
        const auto counts = eventsPerKey(story);
        QCOMPARE(hop.siblingAtColumn(StoryTreeModel::EventsColumn).data().toString(),
                 QString::number(counts.at(StoryFixture::AliceHopKey)));
        // The call that issued the hop's key was made with Ops/work's key: the story holds it, so it can be selected.
        QVERIFY(hop.data(StoryTreeModel::EventRowRole).toLongLong() > 0);
        QVERIFY(!model.indexOfKey(StoryFixture::BobKey).isValid());
    }

    // Show Credential Story: the dock fills, the browser shows exactly the chain's events coloured by key, the
    // timeline draws one line per key, and a role session's event says who is behind it.
    void windowShowsTheStory()
    {
        MainWindow window;
        openCase(window, m_case);
        StoryController* stories = window.stories();
        QSignalSpy shown(stories, &StoryController::storyShown);
        stories->showStory({StorySeed::Kind::AccessKey, StoryFixture::AliceHopKey});
        QVERIFY(shown.wait(10000));
        QVERIFY(!stories->dock()->isHidden());
        const CredentialStory* story = stories->view()->currentStory();
        QVERIFY(story);
        QCOMPARE(story->origin.accessKeyId, StoryFixture::AliceKey);
        QVERIFY(stories->view()->heading().contains(StoryFixture::AliceKey));
        QVERIFY(stories->isShowingStory());

        EventTableModel* model = window.eventModel();
        const int expectedRows = static_cast<int>(story->events.size());
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), expectedRows, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(model->isComplete(), 10000);
        const StoryColours& colours = stories->view()->colours();
        std::map<std::int64_t, QString> keyOfRow;
        for (const auto& event : story->events)
            keyOfRow[event.row] = event.accessKeyId;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, EventTableModel::NameColumn);
            model->data(index); // asks for the row
            QTRY_VERIFY_WITH_TIMEOUT(model->data(index, EventTableModel::LoadedRole).toBool(), 5000);
            const std::int64_t rowId = model->rowIdAt(row);
            QVERIFY(keyOfRow.contains(rowId));
            QVERIFY(model->data(index, Qt::BackgroundRole).isValid());
        }
        // Two rows of different keys differ in colour.
        QVERIFY(colours.of(StoryFixture::AliceKey) != colours.of(StoryFixture::AliceHopKey));

        // A role session's event: the line above the record names the person's key.
        std::int64_t hopRow = -1;
        for (const auto& event : story->events)
            if (event.accessKeyId == StoryFixture::AliceHopKey)
                hopRow = event.row;
        QVERIFY(hopRow > 0);
        QSignalSpy line(stories, &StoryController::storyLineShown);
        window.eventView()->makeCurrent(model->rowOfRowId(hopRow));
        QVERIFY(line.wait(10000));
        const QString text = window.detailPane()->storyLine();
        QVERIFY2(text.contains(StoryFixture::AliceKey) && text.contains("AssumeRole › AssumeRole"), qPrintable(text));

        // Browsing elsewhere drops the key colours.
        window.clearRowSet();
        QTRY_VERIFY_WITH_TIMEOUT(!model->hasRowColours(), 10000);
        QVERIFY(!stories->isShowingStory());
    }

    void noCredentialIsSaid()
    {
        MainWindow window;
        openCase(window, m_case);
        StoryController* stories = window.stories();
        QSignalSpy found(stories->storyLookup(), &StoryLookup::found);
        stories->showStory({StorySeed::Kind::AccessKey, "AKIANOTINTHECASE0001"});
        QVERIFY(found.wait(10000));
        QVERIFY2(stories->view()->heading().contains("AKIANOTINTHECASE0001"), qPrintable(stories->view()->heading()));
        QCOMPARE(stories->view()->currentStory(), nullptr);
        QVERIFY(!window.hasRowSet());
    }

    // The detail pane offers the story on a key's value and on the related bar.
    void detailPaneOffersTheStory()
    {
        DetailPane pane;
        const QByteArray record = R"({"eventVersion":"1.08","userIdentity":{"type":"AssumedRole",
            "arn":"arn:aws:sts::111122223333:assumed-role/Ops/work","accessKeyId":"ASIAALICEOPS00000001"},
            "eventTime":"2026-01-01T00:00:00Z","eventName":"DescribeInstances","eventID":"e1"})";
        pane.setEvent(1, record);
        QCOMPARE(pane.sessionKey(), StoryFixture::AliceOpsKey);
        QSignalSpy requested(&pane, &DetailPane::storyRequested);
        auto* button = pane.findChild<QToolButton*>("related_story");
        QVERIFY(button);
        button->click();
        QCOMPARE(requested.size(), 1);
        const auto seed = requested.at(0).at(0).value<StorySeed>();
        QCOMPARE(seed.value, StoryFixture::AliceOpsKey);
        QCOMPARE(seed.kind, StorySeed::Kind::AccessKey);
        pane.setStoryLine("Behind this: someone");
        QCOMPARE(pane.storyLine(), QString("Behind this: someone"));
        pane.setEvent(2, record);
        QVERIFY(pane.storyLine().isEmpty()); // another event: the line is asked for again
    }
};

QTEST_MAIN(TestStoryView)
#include "tst_storyview.moc"
