// Times the models of this EdgeSmith device kit with ONNX Runtime for Node.js
// (npm install onnxruntime-node) and writes results.csv, like run_onnxruntime.py:
//   node run_onnxruntime.js [--threads 1] [--warmup 10] [--runs 60] [--rounds 3]
//        [--stability 0.05] [--layers] [--device TEXT] [--out FILE]
// Warm-up, fixed threads, rounds of many runs, the median with p10 / p90; a model whose
// round medians disagree by more than --stability is marked unstable, and the first model
// is timed again at the end to catch a device that changed speed while measuring.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const ort = require('onnxruntime-node');

function options() {
    const settings = { threads: 1, warmup: 10, runs: 60, rounds: 3, stability: 0.05, layers: false,
                       device: `${os.hostname()} ${os.arch()} ${os.cpus()[0] ? os.cpus()[0].model : ''}`.trim(),
                       out: path.join(__dirname, 'results.csv') };
    const argv = process.argv.slice(2);
    for (let index = 0; index < argv.length; ++index) {
        const name = argv[index].replace(/^--/, '');
        if (name === 'layers') settings.layers = true;
        else if (name in settings) settings[name] = typeof settings[name] === 'number' ? Number(argv[++index]) : argv[++index];
        else throw new Error(`unknown option ${argv[index]}`);
    }
    return settings;
}

async function timeModel(file, shape, settings) {
    const session = await ort.InferenceSession.create(file, { executionProviders: ['cpu'], intraOpNumThreads: settings.threads,
                                                              interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all' });
    const values = new Float32Array(shape.reduce((a, b) => a * b, 1)).map(() => Math.random());
    const feeds = { [session.inputNames[0]]: new ort.Tensor('float32', values, shape) };
    for (let index = 0; index < settings.warmup; ++index) await session.run(feeds);
    const times = [], medians = [];
    const perRound = Math.max(1, Math.floor(settings.runs / settings.rounds));
    const median = (list) => {
        const sorted = [...list].sort((a, b) => a - b), middle = (sorted.length - 1) / 2;
        return (sorted[Math.floor(middle)] + sorted[Math.ceil(middle)]) / 2; // as Python's statistics.median
    };
    for (let round = 0; round < settings.rounds; ++round) {
        const chunk = [];
        for (let index = 0; index < perRound; ++index) {
            const start = process.hrtime.bigint();
            await session.run(feeds);
            chunk.push(Number(process.hrtime.bigint() - start) / 1e6);
        }
        medians.push(median(chunk));
        times.push(...chunk);
    }
    times.sort((a, b) => a - b);
    const at = (share) => times[Math.min(times.length - 1, Math.round(share * (times.length - 1)))];
    const spread = (Math.max(...medians) - Math.min(...medians)) / Math.max(1e-9, median(medians));
    await session.release(); // a kit has hundreds of models: a phone's memory would fill up
    return { median: median(times), p10: at(0.1), p90: at(0.9), runs: times.length, spread };
}

async function main() {
    const settings = options();
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, 'manifest.json'), 'utf8'));
    const device = `${settings.device} | onnxruntime-node ${require('onnxruntime-node/package.json').version} | ${settings.threads} thread(s)`;
    const jobs = manifest.models.map((entry) => ['model', entry.genotype, entry]);
    if (settings.layers) jobs.push(...(manifest.layers || []).map((entry) => ['layer', entry.configuration, entry]));
    const rows = [];
    let unstable = 0;
    for (const [index, [kind, key, entry]] of jobs.entries()) {
        const timing = await timeModel(path.join(__dirname, entry.file), entry.input, settings);
        const stable = timing.spread <= settings.stability;
        unstable += stable ? 0 : 1;
        rows.push([kind, key, timing.median.toFixed(5), timing.p10.toFixed(5), timing.p90.toFixed(5), timing.runs, settings.threads, device, stable ? 'yes' : 'no']);
        console.log(`[${index + 1}/${jobs.length}] ${kind} ${key}: ${timing.median.toFixed(3)} ms${stable ? '' : '  UNSTABLE'}`);
    }
    const again = (await timeModel(path.join(__dirname, jobs[0][2].file), jobs[0][2].input, settings)).median;
    const drift = Math.abs(again - Number(rows[0][2])) / Math.max(1e-9, Number(rows[0][2]));
    if (drift > settings.stability) {
        console.error(`warning: the first model now takes ${again.toFixed(3)} ms against ${rows[0][2]} ms at the start: the device changed speed while measuring`);
        for (const row of rows) row[8] = 'no';
    }
    const quote = (value) => (/[",\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));
    const lines = ['kind,genotype,median_ms,p10_ms,p90_ms,runs,threads,device,stable', ...rows.map((row) => row.map(quote).join(','))];
    fs.writeFileSync(settings.out, lines.join('\n') + '\n');
    console.log(`wrote ${settings.out}: ${rows.length} rows, ${unstable} unstable`);
}

main().catch((error) => {
    console.error(String(error && error.stack ? error.stack : error));
    process.exit(1);
});
