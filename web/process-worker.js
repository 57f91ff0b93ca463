// One isolated Web Worker of the web process pool (src/platform/web/process_pool_web.cpp): it loads
// its own copy of process-worker-module.wasm (no pthreads, no shared memory) and talks only by messages:
//   in:  {id, function, argument}
//   out: {ready: true, startup_ms} once, then {id, ok: true, value, busy_ms} | {id, ok: false, error, busy_ms}
// A crash (a trap in the module, a failed load) surfaces as the Worker's error event in the page.
'use strict';

const startedAt = performance.now();
importScripts('process-worker-module.js');

let run = null;
const early = [];   // tasks that arrived before the module was ready (the pool waits, but be safe)

function handle({ id, function: name, argument }) {
    const start = performance.now();
    if (name === 'worker.crash') throw new Error('worker.crash: this worker was asked to crash');   // for tests
    const ok = run.call(name, String(argument));
    const busy_ms = performance.now() - start;
    postMessage(ok ? { id, ok: true, value: run.output(), busy_ms } : { id, ok: false, error: run.output(), busy_ms });
}

onmessage = (event) => {
    if (run) handle(event.data);
    else early.push(event.data);
};

createConclabWorkerModule().then((module) => {
    const call = module.cwrap('conclab_worker_run', 'number', ['string', 'string']);
    run = {
        call: (name, argument) => call(name, argument) !== 0,
        output: module.cwrap('conclab_worker_output', 'string', []),
    };
    postMessage({ ready: true, startup_ms: performance.now() - startedAt });
    for (const task of early.splice(0)) handle(task);
}, (error) => {
    setTimeout(() => { throw new Error('process worker module failed to load: ' + error); });
});
