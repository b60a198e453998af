#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/data/dataset.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <set>
#include <zlib.h>

using namespace edgesmith;

namespace {

std::string bigEndian(std::uint32_t value) {
    return {char(value >> 24), char(value >> 16), char(value >> 8), char(value)};
}

// A tiny idx pair: `count` images of side×side and their labels (label = index % classes).
void writeIdx(const QString& folder, const QString& prefix, std::uint32_t count, std::uint32_t side, int classes,
              std::uint32_t imageMagic = 0x803, std::uint32_t declaredLabels = 0, std::size_t truncate = 0) {
    std::string images = bigEndian(imageMagic) + bigEndian(count) + bigEndian(side) + bigEndian(side);
    for (std::uint32_t index = 0; index < count * side * side; ++index) images += char(index % 251);
    if (truncate) images.resize(images.size() - truncate);
    std::string labels = bigEndian(0x801) + bigEndian(declaredLabels ? declaredLabels : count);
    for (std::uint32_t index = 0; index < (declaredLabels ? declaredLabels : count); ++index) labels += char(index % classes);
    writeFileAtomically((folder + "/" + prefix + "-images-idx3-ubyte").toStdString(), images);
    writeFileAtomically((folder + "/" + prefix + "-labels-idx1-ubyte").toStdString(), labels);
}

QString errorOf(const std::function<void()>& action) {
    try {
        action();
    } catch (const std::exception& error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

} // namespace

class TestData : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsFashionMnist() {
        const auto [train, test] = loadIdxFolder("/usr/share/datasets/fashion-mnist");
        QCOMPARE(train.size(), 60000);
        QCOMPARE(test.size(), 10000);
        QCOMPARE(train.classes(), 10);
        QCOMPARE(train.channels(), 1);
        QCOMPARE(train.height(), 28);
        for (auto count : train.classCounts()) QCOMPARE(count, 6000); // Fashion-MNIST is balanced
    }

    void readsPlainAndGzippedFiles() {
        QTemporaryDir folder;
        writeIdx(folder.path(), "train", 30, 4, 3);
        writeIdx(folder.path(), "t10k", 9, 4, 3);
        // Gzip one of them: the reader takes both forms.
        const std::string plain = readFile((folder.path() + "/t10k-images-idx3-ubyte").toStdString());
        gzFile out = gzopen((folder.path() + "/t10k-images-idx3-ubyte.gz").toStdString().c_str(), "wb");
        gzwrite(out, plain.data(), static_cast<unsigned>(plain.size()));
        gzclose(out);
        QFile::remove(folder.path() + "/t10k-images-idx3-ubyte");
        const auto [train, test] = loadIdxFolder(folder.path().toStdString());
        QCOMPARE(train.size(), 30);
        QCOMPARE(test.size(), 9);
        QCOMPARE(test.classes(), 3);
    }

    void corruptFilesAreNamed() {
        QTemporaryDir folder;
        const QString path = folder.path();
        writeIdx(path, "t10k", 9, 4, 3);
        QVERIFY(errorOf([&] { loadIdxFolder(path.toStdString()); }).contains("train-images-idx3-ubyte: not found"));
        writeIdx(path, "train", 30, 4, 3, 0x804);
        QVERIFY(errorOf([&] { loadIdxFolder(path.toStdString()); }).contains("train-images-idx3-ubyte: wrong magic number 0x00000804"));
        writeIdx(path, "train", 30, 4, 3, 0x803, 0, 7);
        QVERIFY(errorOf([&] { loadIdxFolder(path.toStdString()); }).contains("train-images-idx3-ubyte: is truncated"));
        writeIdx(path, "train", 30, 4, 3, 0x803, 29);
        QVERIFY(errorOf([&] { loadIdxFolder(path.toStdString()); }).contains("train-labels-idx1-ubyte: has 29 labels but train-images-idx3-ubyte has 30 images"));
        // Labels 0 and 2 only: class 1 is empty.
        std::string labels = bigEndian(0x801) + bigEndian(30);
        for (int index = 0; index < 30; ++index) labels += char(index % 2 ? 2 : 0);
        writeIdx(path, "train", 30, 4, 3);
        writeFileAtomically((path + "/train-labels-idx1-ubyte").toStdString(), labels);
        QVERIFY(errorOf([&] { loadIdxFolder(path.toStdString()); }).contains("class 1 has no samples"));
        QVERIFY(errorOf([&] { loadIdxFolder((path + "/nothing").toStdString()); }).contains("is not a folder"));
    }

    void readsImageFolders() {
        QTemporaryDir folder;
        const QString root = folder.path();
        // Three classes of 8×6 grey PGM images; one class written larger to test resizing.
        for (const char* name : {"boot", "coat", "shirt"}) {
            QDir(root).mkpath(name);
            for (int index = 0; index < 5; ++index) {
                const int width = std::string(name) == "shirt" ? 16 : 8, height = std::string(name) == "shirt" ? 12 : 6;
                std::string image = "P5\n" + std::to_string(width) + " " + std::to_string(height) + "\n255\n";
                for (int pixel = 0; pixel < width * height; ++pixel) image += char((pixel * 7 + index) % 256);
                writeFileAtomically((root + "/" + name + "/" + QString::number(index) + ".pgm").toStdString(), image);
            }
        }
        const auto [train, test] = loadImageFolder(root.toStdString(), 8, 0.2, 1);
        QCOMPARE(train.size() + test.size(), 15);
        QCOMPARE(test.size(), 3);
        QCOMPARE(train.classes(), 3);
        QCOMPARE(train.channels(), 1);
        QCOMPARE(train.height(), 8);
        // Without a resolution, differing sizes are an error naming the file.
        QVERIFY(errorOf([&] { loadImageFolder(root.toStdString(), 0, 0.2, 1); }).contains("set dataset.resolution"));
        writeFileAtomically((root + "/coat/broken.png").toStdString(), "not a png");
        QVERIFY(errorOf([&] { loadImageFolder(root.toStdString(), 8, 0.2, 1); }).contains("coat/broken.png: cannot decode the image"));
        QFile::remove(root + "/coat/broken.png");
        QDir(root).mkpath("empty");
        QVERIFY(errorOf([&] { loadImageFolder(root.toStdString(), 8, 0.2, 1); }).contains("class \"empty\" has no images"));
    }

    void readsCsvFiles() {
        QTemporaryDir folder;
        const std::string file = folder.filePath("iris.csv").toStdString();
        std::string text = "sepal,petal,species\n";
        for (int row = 0; row < 40; ++row) text += std::to_string(row % 4) + "." + std::to_string(row % 10) + "," + std::to_string(row) + "," + (row % 2 ? "versicolor" : "setosa") + "\n";
        writeFileAtomically(file, text);
        const auto [train, test] = loadCsv(file, "species", 0.25, 2);
        QCOMPARE(train.size(), 30);
        QCOMPARE(test.size(), 10);
        QCOMPARE(train.channels(), 2); // two feature columns as 2×1×1 inputs
        QCOMPARE(train.classes(), 2);
        QVERIFY(errorOf([&] { loadCsv(file, "label", 0.25, 2); }).contains("has no column \"label\""));
        writeFileAtomically(file, "a,b,label\n1,2,x\n1,oops,y\n");
        QVERIFY(errorOf([&] { loadCsv(file, "label", 0.25, 2); }).contains("iris.csv:3: column \"b\": \"oops\" is not a number"));
        writeFileAtomically(file, "a,b,label\n1,2,x\n1,y\n");
        QVERIFY(errorOf([&] { loadCsv(file, "label", 0.25, 2); }).contains("iris.csv:3: has 2 columns; the header has 3"));
    }

    void splitsAreDisjointAndReproducible() {
        const Dataset all = makeSyntheticDataset(5, 500, 1, 12, 3);
        const Dataset test = makeSyntheticDataset(5, 50, 1, 12, 4);
        const Splits first = makeSplits(all, test, 0.2, 1.0, 7), second = makeSplits(all, test, 0.2, 1.0, 7);
        QCOMPARE(first.train.size(), 400);
        QCOMPARE(first.validation.size(), 100);
        QCOMPARE(first.mean, second.mean);
        QCOMPARE(first.mean.size(), std::size_t(1));
        QVERIFY(first.deviation[0] > 0);
        const Splits other = makeSplits(all, test, 0.2, 0.5, 8);
        QCOMPARE(other.train.size(), 200);
        QVERIFY(other.mean != first.mean); // another seed, another split
        QCOMPARE(first.train.classCounts().size(), std::size_t(5));
        // Disjoint, and together the whole training set.
        const auto train = first.train.sampleHashes(), validation = first.validation.sampleHashes(), source = all.sampleHashes();
        std::set<std::uint64_t> seen(train.begin(), train.end());
        for (auto hash : validation) QVERIFY(seen.insert(hash).second);
        QCOMPARE(seen, std::set<std::uint64_t>(source.begin(), source.end()));
        QCOMPARE(first.train.sampleHashes(), second.train.sampleHashes());
    }

    // The images a supernet trained on a subset never saw: exactly the rest of the set,
    // so scoring on them cannot reward memorised images.
    void unsampledIsTheRestOfTheSample() {
        const Dataset all = makeSyntheticDataset(5, 500, 1, 12, 3);
        const Dataset kept = all.sample(0.3, 9), rest = all.unsampled(0.3, 9);
        QCOMPARE(kept.size(), 150);
        QCOMPARE(rest.size(), 350);
        const auto keptHashes = kept.sampleHashes(), restHashes = rest.sampleHashes(), source = all.sampleHashes();
        std::set<std::uint64_t> seen(keptHashes.begin(), keptHashes.end());
        for (auto hash : restHashes) QVERIFY(seen.insert(hash).second);
        QCOMPARE(seen, std::set<std::uint64_t>(source.begin(), source.end()));
        QCOMPARE(all.unsampled(0.3, 9).sampleHashes(), restHashes);
        QVERIFY(all.unsampled(0.3, 10).sampleHashes() != restHashes);
        QCOMPARE(all.unsampled(1.0, 9).size(), 0);
        QCOMPARE(all.unsampled(1.0, 9).channels(), 1);
    }

    void joinedKeepsBothInOrder() {
        const Dataset first = makeSyntheticDataset(5, 40, 1, 12, 3), second = makeSyntheticDataset(5, 25, 1, 12, 4);
        const Dataset both = first.joined(second);
        QCOMPARE(both.size(), 65);
        QCOMPARE(both.classes(), 5);
        auto expected = first.sampleHashes();
        const auto tail = second.sampleHashes();
        expected.insert(expected.end(), tail.begin(), tail.end());
        QCOMPARE(both.sampleHashes(), expected);
        QCOMPARE(first.joined(first.unsampled(1.0, 0)).sampleHashes(), first.sampleHashes());
        QVERIFY_THROWS_EXCEPTION(edgesmith::Error, first.joined(makeSyntheticDataset(5, 10, 1, 14, 3)));
        QVERIFY_THROWS_EXCEPTION(edgesmith::Error, first.joined(makeSyntheticDataset(3, 10, 1, 12, 3)));
    }
};

QTEST_GUILESS_MAIN(TestData)
#include "test_data.moc"
