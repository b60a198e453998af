// Exports for deployment (issue 8), checked with the real clients: the ONNX checker
// (python3-onnx), ONNX Runtime (npm onnxruntime-node), a C compiler for the C arrays, and
// EdgeSmith's own importer for the LibTorch archive. The network is trained on real
// Fashion-MNIST images and uses every layer kind the spaces build.
#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/compress/quantization.h"
#include "core/data/dataset.h"
#include "core/export/c_arrays.h"
#include "core/export/inference.h"
#include "core/export/model_file.h"
#include "core/export/onnx_export.h"
#include "core/nn/network.h"
#include "core/space/layer_builder.h"
#include "core/train/trainer.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstring>
#include <fstream>
#include <set>

using namespace edgesmith;

namespace {

const char* const kNodeModules = EDGESMITH_NODE_MODULES;
const char* const kTools = EDGESMITH_SOURCE_TREE "/tests/export";

// Every layer kind: conv (+BN, relu6 / hswish / swish / sigmoid), pools, depthwise with a
// squeeze-excite gate, a residual add, channel shuffle, slices, concat, dilation, dropout,
// flatten and two linear layers.
Architecture everyLayerKind() {
    Architecture architecture;
    architecture.input = {1, 28, 28};
    LayerBuilder build(architecture);
    build.conv("stem", "conv", 16, 3, 1, 1, "relu6");
    const int pooled = build.pool("pool", LayerKind::MaxPool, 2, 2, 0);
    build.conv("expand", "mbconv", 32, 1, 1, 1, "hswish");
    build.conv("depthwise", "mbconv", 32, 3, 1, 32, "swish");
    build.squeezeExcite("se", "mbconv", 8, "hsigmoid");
    build.conv("project", "mbconv", 16, 1, 1, 1, "");
    build.add("residual", "mbconv", pooled, "relu");
    const int shuffled = build.channelShuffle("shuffle", "shuffle", 2);
    const int left = build.slice("left", "shuffle", 0, 8);
    build.setCurrent(shuffled);
    build.slice("right", "shuffle", 8, 8);
    const int right = build.conv("branch", "shuffle", 8, 3, 1, 1, "relu");
    build.concat("join", "shuffle", {left, right});
    build.pool("average", LayerKind::AvgPool, 3, 2, 1);
    build.conv("dilated", "conv", 24, 3, 1, 1, "sigmoid", true, false, 2, 2);
    build.globalAveragePool("gap");
    build.dropout("dropout", 0.2);
    build.squeezeExcite("se_head", "conv", 6, "sigmoid");
    build.linear("hidden", "linear", 32, true, "relu");
    build.linear("classifier", "linear", 10);
    return architecture;
}

struct Process {
    int exitCode = -1;
    QString out, err;
};

Process run(const QString& program, const QStringList& arguments, const QString& folder = {}, const QString& graphOptimization = "all") {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("NODE_PATH", kNodeModules);
    environment.insert("ORT_GRAPH_OPTIMIZATION", graphOptimization);
    process.setProcessEnvironment(environment);
    if (!folder.isEmpty()) process.setWorkingDirectory(folder);
    process.start(program, arguments);
    if (!process.waitForFinished(240000)) return {-1, {}, "timed out: " + program};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

void writeFloats(const QString& file, const std::vector<float>& values) {
    std::ofstream stream(file.toStdString(), std::ios::binary);
    stream.write(reinterpret_cast<const char*>(values.data()), static_cast<std::streamsize>(values.size() * sizeof(float)));
}

std::vector<float> readFloats(const QString& file) {
    const std::string bytes = readFile(file.toStdString());
    std::vector<float> values(bytes.size() / sizeof(float));
    std::memcpy(values.data(), bytes.data(), values.size() * sizeof(float));
    return values;
}

// The ONNX checker's verdict and the model's summary (tests/export/check_onnx.py).
Json checkedOnnx(const QString& file) {
    const Process checked = run("/usr/bin/python3", {QString(kTools) + "/check_onnx.py", file});
    if (checked.exitCode != 0) qWarning("%s", qPrintable(checked.err));
    return checked.exitCode == 0 ? Json::parse(checked.out.toStdString()) : Json();
}

// Logits from ONNX Runtime for the batch (tests/export/ort_run.js). `graphOptimization`
// "disabled" runs the graph's own semantics; the default "all" lets ONNX Runtime fuse QDQ
// into its integer kernels.
std::vector<float> onnxRuntimeOutputs(const QString& model, const PixelBatch& batch, const QString& folder, const QString& graphOptimization = "all") {
    const QString input = folder + "/input.bin", output = folder + "/output.bin";
    writeFloats(input, batch.values);
    QStringList arguments{QString(kTools) + "/ort_run.js", model, input};
    for (std::int64_t dim : batch.shape) arguments << QString::number(dim);
    arguments << output;
    const Process ran = run("node", arguments, {}, graphOptimization);
    if (ran.exitCode != 0) {
        qWarning("onnxruntime-node: %s", qPrintable(ran.err));
        return {};
    }
    return readFloats(output);
}

double agreement(const std::vector<float>& a, const std::vector<float>& b, std::size_t classes) {
    const auto left = topClasses(a, classes), right = topClasses(b, classes);
    if (left.size() != right.size() || left.empty()) return 0;
    std::size_t same = 0;
    for (std::size_t index = 0; index < left.size(); ++index) same += left[index] == right[index];
    return double(same) / double(left.size());
}

double maxAbsDifference(const std::vector<float>& a, const std::vector<float>& b) {
    if (a.size() != b.size() || a.empty()) return INFINITY;
    double worst = 0;
    for (std::size_t index = 0; index < a.size(); ++index) worst = std::max(worst, std::abs(double(a[index]) - double(b[index])));
    return worst;
}


} // namespace

class TestExport : public QObject {
    Q_OBJECT

    QTemporaryDir folder_;
    Splits splits_;
    std::unique_ptr<Network> trained_;
    ModelInfo info_;
    PixelBatch batch_;

    QString path(const QString& name) const { return folder_.filePath(name); }

    // An independent copy of the trained network (through the archive, as users get one).
    ImportedModel copyOfTrained() {
        const QString file = path("trained.pt");
        if (!QFileInfo::exists(file)) writeTorchArchive(*trained_, info_, file.toStdString());
        return importModel(file.toStdString());
    }

private slots:
    void initTestCase() {
        QVERIFY(folder_.isValid());
        const auto [trainSet, testSet] = loadIdxFolder("/usr/share/datasets/fashion-mnist");
        splits_ = makeSplits(trainSet, testSet, 0.05, 0.2, 0); // 11,400 training images
        trained_ = std::make_unique<Network>(everyLayerKind(), 1);
        TrainingOptions options;
        options.epochs = 2;
        options.learningRate = 0.02;
        options.threads = 2;
        options.progressEvery = 0;
        train(*trained_, splits_, options);
        const double accuracy = evaluate(*trained_, splits_.test, splits_).top1;
        QVERIFY2(accuracy > 60, qPrintable(QString::number(accuracy)));
        info_.name = "every-layer-kind";
        info_.genotype = "every-layer-kind";
        info_.normalisation = normalisationOf(splits_);
        info_.accuracy = {{"test_top1", accuracy}};
        batch_ = pixelBatch(splits_.test, 1000);
        QVERIFY(QFileInfo::exists(QString(kNodeModules) + "/onnxruntime-node/package.json"));
    }

    // The float model passes the checker, names its nodes after the layers, and ONNX
    // Runtime's logits match LibTorch's within 1e-4 on real test images.
    void floatOnnxMatchesLibTorch() {
        const QString file = path("float.onnx");
        const OnnxSummary summary = writeOnnx(*trained_, info_, file.toStdString());
        QVERIFY(summary.bytes > 0);
        const Json checked = checkedOnnx(file);
        QVERIFY(checked.is_object());
        QVERIFY(checked["opset"].get<int>() >= 13);
        QCOMPARE(checked["inputs"][0][0].get<std::string>(), std::string("batch"));
        std::set<std::string> names;
        for (const Json& node : checked["nodes"]) names.insert(node["name"].get<std::string>());
        for (const Layer& layer : trained_->architecture().layers)
            if (layer.kind != LayerKind::Dropout) QVERIFY2(names.count(layer.name), layer.name.c_str());
        for (const Json& node : checked["nodes"]) QVERIFY(node["op"] != "BatchNormalization"); // folded
        const std::vector<float> expected = networkOutputs(*trained_, batch_, info_.normalisation);
        const std::vector<float> actual = onnxRuntimeOutputs(file, batch_, folder_.path());
        const double difference = maxAbsDifference(expected, actual);
        qInfo("float ONNX: largest logit difference from LibTorch %.3g over 1000 images", difference);
        QVERIFY2(difference <= 1e-4, qPrintable(QString::number(difference)));
    }

    // int8 QDQ: int8 weight initializers behind DequantizeLinear, QuantizeLinear pairs on the
    // inputs, and ONNX Runtime's predictions agree with EdgeSmith's fake-quantized network on
    // ≥ 99 % of 1,000 test images — at W8/A8 and at W4/A6 (grids narrower than the type).
    void int8OnnxAgreesWithFakeQuantizedNetwork() {
        for (const auto& [weightBits, activationBits] : {std::pair{8, 8}, std::pair{4, 6}}) {
            ImportedModel model = copyOfTrained();
            QVERIFY(!isQuantized(model.network));
            QVERIFY_THROWS_EXCEPTION(Error, writeOnnx(model.network, model.info, path("refused.onnx").toStdString(), {true}));
            QVERIFY(!QFileInfo::exists(path("refused.onnx")));
            quantizePostTraining(model.network, splits_.train, splits_, QuantizationPolicy::uniform(model.network.architecture(), weightBits, activationBits));
            QVERIFY(isQuantized(model.network));
            const QString file = path(QString("w%1a%2.onnx").arg(weightBits).arg(activationBits));
            const OnnxSummary summary = writeOnnx(model.network, model.info, file.toStdString(), {true});
            QCOMPARE(summary.quantizedLayers, std::int64_t(8)); // 6 convolutions + 2 linear layers
            QCOMPARE(summary.quantizedInputs, std::int64_t(8));
            const Json checked = checkedOnnx(file);
            QVERIFY(checked.is_object());
            int quantize = 0, clips = 0;
            for (const Json& node : checked["nodes"]) {
                quantize += node["op"] == "QuantizeLinear";
                clips += node["name"].get<std::string>().find("/input_clip") != std::string::npos;
            }
            QCOMPARE(quantize, 8);
            QCOMPARE(clips, activationBits < 8 ? 8 : 0);
            QCOMPARE(checked["initializers"]["stem/weight_quantized"].get<std::string>(), std::string("INT8"));
            const std::vector<float> expected = networkOutputs(model.network, batch_, model.info.normalisation);
            // The file's own semantics are EdgeSmith's fake quantization.
            const double exact = agreement(expected, onnxRuntimeOutputs(file, batch_, folder_.path(), "disabled"), 10);
            QVERIFY2(exact >= 0.99, qPrintable(QString("W%1/A%2 without graph optimizations: %3").arg(weightBits).arg(activationBits).arg(exact)));
            // With ONNX Runtime's integer kernels. On CPUs without VNNI its u8 × s8 products
            // add up in saturating 16-bit sums, which full 8-bit weight grids can overflow
            // (docs/export.md); narrower grids cannot.
            const double fused = agreement(expected, onnxRuntimeOutputs(file, batch_, folder_.path()), 10);
            qInfo("W%d/A%d: ONNX Runtime predicts like EdgeSmith on %.2f %% of 1000 images (%.2f %% without graph optimizations)", weightBits,
                  activationBits, 100 * fused, 100 * exact);
            QVERIFY2(fused >= (weightBits < 8 ? 0.99 : 0.9), qPrintable(QString("W%1/A%2: %3").arg(weightBits).arg(activationBits).arg(fused)));
        }
    }

    // Exported then re-imported archives give identical outputs, float and quantized, and
    // keep what the export said about the model.
    void torchArchiveRoundTripsExactly() {
        ImportedModel model = copyOfTrained();
        QCOMPARE(networkOutputs(model.network, batch_, model.info.normalisation), networkOutputs(*trained_, batch_, info_.normalisation));
        quantizePostTraining(model.network, splits_.train, splits_, QuantizationPolicy::uniform(model.network.architecture(), 6, 8));
        const auto files = writeTorchArchive(model.network, model.info, path("quantized.json").toStdString());
        QCOMPARE(files.size(), std::size_t(2));
        QVERIFY(QFileInfo::exists(path("quantized.pt")));
        ImportedModel again = importModel(path("quantized.json").toStdString());
        QVERIFY(isQuantized(again.network));
        QCOMPARE(networkOutputs(again.network, batch_, again.info.normalisation), networkOutputs(model.network, batch_, model.info.normalisation));
        QCOMPARE(again.info.genotype, info_.genotype);
        QCOMPARE(again.info.normalisation.mean, info_.normalisation.mean);
        const Json document = Json::parse(readFile(path("quantized.json").toStdString()));
        QCOMPARE(document["metrics"]["storage_bytes"].get<std::int64_t>(),
                 computeMetrics(again.network.architecture(), QuantizationPolicy::uniform(again.network.architecture(), 6, 8).bitwidths()).storageBytes);
        QCOMPARE(document["layer_table"][0]["weight_bits"].get<int>(), 6);
    }

    // Bad model files are refused with the file and the field named, and nothing is built.
    void badModelFilesNameTheField() {
        writeTorchArchive(*trained_, info_, path("good.pt").toStdString());
        Json document = Json::parse(readFile(path("good.json").toStdString()));
        const auto refused = [&](Json changed, const std::string& field) {
            writeFileAtomically(path("bad.json").toStdString(), changed.dump());
            QFile::remove(path("bad.pt"));
            QFile::copy(path("good.pt"), path("bad.pt"));
            try {
                importModel(path("bad.json").toStdString());
            } catch (const Error& error) {
                QCOMPARE(QString::fromStdString(error.file()), path("bad.json"));
                QVERIFY2(error.path().find(field) == 0, (error.path() + " vs " + field).c_str());
                return;
            }
            QFAIL(("accepted a model with a bad " + field).c_str());
        };
        Json wrong = document;
        wrong["format"] = "something-else";
        refused(wrong, "format");
        wrong = document;
        wrong["architecture"]["layers"][3]["kind"] = "teleport";
        refused(wrong, "layers[3].kind");
        wrong = document;
        wrong["architecture"]["layers"][2]["inputs"] = {5};
        refused(wrong, "layers[2].inputs");
        wrong = document;
        wrong["input"]["deviation"] = {0.0};
        refused(wrong, "input.deviation");
        wrong = document;
        wrong["input"]["mean"] = {0.1, 0.2, 0.3};
        refused(wrong, "input.mean");
        wrong = document;
        wrong["architecture"]["layers"][0]["bias"] = 1;
        refused(wrong, "layers[0].bias");
        wrong = document;
        wrong["architecture"]["layers"][1]["name"] = "stem"; // twice
        refused(wrong, "layers[1].name");
        std::size_t residual = 0;
        while (document["architecture"]["layers"][residual]["kind"] != "add") ++residual;
        wrong = document;
        wrong["architecture"]["layers"][residual]["inputs"] = {static_cast<int>(residual) - 1};
        refused(wrong, "layers[" + std::to_string(residual) + "].inputs");
        // Another architecture's weights: the layer shapes disagree.
        wrong = document;
        wrong["architecture"]["layers"][0]["output"] = {12, 28, 28};
        wrong["architecture"]["layers"][1]["input"] = {12, 28, 28};
        wrong["architecture"]["layers"][1]["output"] = {12, 14, 14};
        wrong["architecture"]["layers"][2]["input"] = {12, 14, 14};
        writeFileAtomically(path("bad.json").toStdString(), wrong.dump());
        QVERIFY_THROWS_EXCEPTION(Error, importModel(path("bad.json").toStdString()));
    }

    // The C arrays compile, hold every weight once, and a program built from them alone
    // reproduces the first convolution's and the depthwise convolution's outputs (input grid,
    // int8 weights, folded batch norm, activation) and the classifier's.
    void cArraysReproduceLayerOutputs() {
        ImportedModel model = copyOfTrained();
        quantizePostTraining(model.network, splits_.train, splits_, QuantizationPolicy::uniform(model.network.architecture(), 8, 8));
        QVERIFY(QDir().mkpath(path("c")));
        const CArraysSummary summary = writeCArrays(model.network, model.info, path("c/model.c").toStdString());
        QVERIFY(!summary.requantized);
        QCOMPARE(summary.prefix, std::string("model"));
        std::int64_t weights = 0;
        for (const Layer& layer : model.network.architecture().layers)
            if (layer.kind == LayerKind::Conv || layer.kind == LayerKind::Linear) weights += layer.weightCount;
        QCOMPARE(summary.weightBytes, weights);
        QVERIFY(summary.flashBytes > summary.weightBytes);
        const Process compiled = run("cc", {"-std=c99", "-Wall", "-Werror", "-O1", "-I.", "-o", "layer", QString(kTools) + "/layer_program.c", "model.c", "-lm"}, path("c"));
        QVERIFY2(compiled.exitCode == 0, qPrintable(compiled.err));
        const Process counted = run(path("c/layer"), {});
        QCOMPARE(counted.exitCode, 0);
        QCOMPARE(Json::parse(counted.out.toStdString())["weights"].get<std::int64_t>(), weights);

        PixelBatch one = pixelBatch(splits_.test, 1);
        const auto& layers = model.network.architecture().layers;
        for (const std::string name : {"stem", "depthwise", "classifier"}) {
            std::size_t index = 0;
            while (layers[index].name != name) ++index;
            const int producer = layers[index].inputs.front();
            const std::vector<float> input = producer < 0 ? one.values : layerOutput(model.network, std::size_t(producer), one, model.info.normalisation);
            writeFloats(path("c/in.bin"), input);
            const Process computed = run(path("c/layer"), {QString::number(index), "in.bin", "out.bin"}, path("c"));
            QVERIFY2(computed.exitCode == 0, qPrintable(computed.err));
            const std::vector<float> expected = layerOutput(model.network, index, one, model.info.normalisation);
            const std::vector<float> actual = readFloats(path("c/out.bin"));
            QCOMPARE(actual.size(), expected.size());
            double scale = 1e-6;
            for (float value : expected) scale = std::max(scale, double(std::abs(value)));
            const double difference = maxAbsDifference(expected, actual);
            QVERIFY2(difference <= 1e-4 * scale, qPrintable(QString::fromStdString(name) + ": " + QString::number(difference / scale)));
        }
    }

    // Writing is atomic: an export into a folder that cannot exist fails with the file
    // named, and a two-file export whose second file fails leaves neither.
    void writesAreAtomic() {
        QFile blocker(path("not-a-folder"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const std::string unreachable = path("not-a-folder/model.onnx").toStdString();
        try {
            writeOnnx(*trained_, info_, unreachable);
            QFAIL("wrote below a file");
        } catch (const IoError& error) {
            QCOMPARE(error.file(), unreachable);
        }
        QDir().mkpath(path("pair"));
        QVERIFY_THROWS_EXCEPTION(IoError, writeFilesAtomically({{path("pair/first.h").toStdString(), "first"}, {path("pair/missing/second.c").toStdString(), "second"}}));
        QCOMPARE(QDir(path("pair")).entryList(QDir::Files | QDir::Hidden).size(), 0);
    }

    // The architecture document reads back to the same layers.
    void architectureJsonRoundTrips() {
        const Architecture original = everyLayerKind();
        const Architecture parsed = architectureFromJson(Json::parse(architectureJson(original)), "a.json");
        QCOMPARE(parsed.layers.size(), original.layers.size());
        QVERIFY(parsed.input == original.input);
        for (std::size_t index = 0; index < original.layers.size(); ++index) {
            const Layer &a = original.layers[index], &b = parsed.layers[index];
            QCOMPARE(b.name, a.name);
            QVERIFY(b.kind == a.kind);
            QVERIFY(b.input == a.input && b.output == a.output);
            QCOMPARE(std::vector<int>(b.inputs.begin(), b.inputs.end()), std::vector<int>(a.inputs.begin(), a.inputs.end()));
            QCOMPARE(b.activation, a.activation);
            QCOMPARE(b.op, a.op);
            QCOMPARE(b.macs, a.macs);
            QCOMPARE(b.weightCount, a.weightCount);
        }
        QCOMPARE(computeMetrics(parsed).storageBytes, computeMetrics(original).storageBytes);
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "test_export.moc"
