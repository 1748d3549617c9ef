// FoldedSearch (free text ignoring ASCII case) against the plain answer: lower both texts, then std::string::find.
#include "query/foldedsearch.h"

#include <QRandomGenerator>
#include <QTest>

using Trailscope::Core::Query::FoldedSearch;

namespace {

std::string lowered(std::string text)
{
    for (char& c : text)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c + 32);
    return text;
}

// Few distinct bytes, so needles recur and partial matches are everywhere; UTF-8 bytes of é and É stay unfolded.
std::string randomText(QRandomGenerator& random, int length)
{
    static const std::string alphabet = "aAbB:\"\xc3\xa9\xc3\x89Zz[";
    std::string text;
    for (int i = 0; i < length; ++i)
        text.push_back(alphabet[random.bounded(static_cast<int>(alphabet.size()))]);
    return text;
}

} // namespace

class TestFoldedSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsWhatLoweredFindFinds()
    {
        QRandomGenerator random(14);
        for (int round = 0; round < 20000; ++round) {
            // Long texts and needles too: the 16-byte filter runs where a needle and 16 bytes fit.
            const bool longer = round % 2 == 1;
            const std::string text = randomText(random, random.bounded(0, longer ? 240 : 60));
            const std::string needle = randomText(random, random.bounded(0, longer ? 24 : 6));
            const std::size_t from = random.bounded(0, 8);
            const FoldedSearch search(needle);
            const std::size_t expected = lowered(text).find(lowered(needle), from);
            QCOMPARE(search.find(text, from), expected);
        }
    }

    void examples()
    {
        const FoldedSearch admin("AdministratorAccess");
        const std::string record = R"({"policyArn":"arn:aws:iam::aws:policy/ADMINISTRATORACCESS"})";
        QCOMPARE(admin.find(record), record.find("ADMIN"));
        QCOMPARE(admin.find(record, record.find("ADMIN") + 1), std::string_view::npos);
        QCOMPARE(FoldedSearch("\xc3\xa9").find("\xc3\x89"), std::string_view::npos); // only ASCII folds
        QCOMPARE(FoldedSearch("").find("abc", 2), std::size_t(2));
    }
};

QTEST_GUILESS_MAIN(TestFoldedSearch)
#include "tst_foldedsearch.moc"
