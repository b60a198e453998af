// Runs an ONNX model with ONNX Runtime (npm onnxruntime-node) on a batch of float32 inputs:
//   node ort_run.js MODEL.onnx INPUT.bin N C H W OUTPUT.bin
// INPUT.bin holds N×C×H×W little-endian float32 values; OUTPUT.bin gets the first output's
// values, and stdout one JSON line with its dims and the providers used.
'use strict';
const fs = require('fs');
const ort = require('onnxruntime-node');

async function main() {
    const [model, input, n, c, h, w, output] = process.argv.slice(2);
    const dims = [n, c, h, w].map(Number);
    const bytes = fs.readFileSync(input);
    const values = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    if (values.length !== dims.reduce((a, b) => a * b, 1)) throw new Error(`${input}: ${values.length} values for dims ${dims}`);
    // ORT_GRAPH_OPTIMIZATION: disabled | basic | extended | all (ONNX Runtime's default).
    const graphOptimizationLevel = process.env.ORT_GRAPH_OPTIMIZATION || 'all';
    const session = await ort.InferenceSession.create(model, { executionProviders: ['cpu'], intraOpNumThreads: 1, graphOptimizationLevel });
    const feeds = { [session.inputNames[0]]: new ort.Tensor('float32', values, dims) };
    const results = await session.run(feeds);
    const result = results[session.outputNames[0]];
    fs.writeFileSync(output, Buffer.from(result.data.buffer, result.data.byteOffset, result.data.byteLength));
    console.log(JSON.stringify({ dims: result.dims, input: session.inputNames[0], output: session.outputNames[0] }));
}

main().catch((error) => {
    console.error(String(error && error.stack ? error.stack : error));
    process.exit(1);
});
