// Times an ONNX model in ONNX Runtime (npm onnxruntime-node) at batch 1 on one thread:
//   node ort_bench.js MODEL.onnx C H W WARMUP RUNS
// prints one JSON line: median, p10 and p90 in milliseconds.
'use strict';
const ort = require('onnxruntime-node');

async function main() {
    const [model, c, h, w, warmup, runs] = process.argv.slice(2);
    const dims = [1, Number(c), Number(h), Number(w)];
    const session = await ort.InferenceSession.create(model, { executionProviders: ['cpu'], intraOpNumThreads: 1, interOpNumThreads: 1 });
    const values = new Float32Array(dims.reduce((a, b) => a * b, 1)).map(() => Math.random());
    const feeds = { [session.inputNames[0]]: new ort.Tensor('float32', values, dims) };
    for (let index = 0; index < Number(warmup); ++index) await session.run(feeds);
    const times = [];
    for (let index = 0; index < Number(runs); ++index) {
        const start = process.hrtime.bigint();
        await session.run(feeds);
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    times.sort((a, b) => a - b);
    const at = (share) => times[Math.min(times.length - 1, Math.floor(share * times.length))];
    console.log(JSON.stringify({ median_ms: at(0.5), p10_ms: at(0.1), p90_ms: at(0.9), runs: times.length }));
}

main().catch((error) => {
    console.error(String(error && error.stack ? error.stack : error));
    process.exit(1);
});
