// One isolated Web Worker of the web process pool (src/platform/web/process_pool_web.cpp): it loads
// its own copy of process-worker-module.wasm (no pthreads, no shared memory) and talks only by messages:
//   in:  {id, function, argument}          both Uint8Array (bytes, NULs included)
//   out: {ready: true} once, then {id, ok, output, busy_ms}   output: the value or the error, Uint8Array
// A crash (a trap in the module, a failed load) surfaces as the Worker's error event in the page.
'use strict';

importScripts('process-worker-module.js');

let run = null;
const early = [];   // tasks that arrived before the module was ready (the pool waits, but be safe)

function handle({ id, function: name, argument }) {
    const start = performance.now();
    const ok = run(name, argument);   // throws for 'worker.crash' (tests)
    const output = run.output();
    postMessage({ id, ok, output, busy_ms: performance.now() - start }, [output.buffer]);
}

onmessage = (event) => {
    if (run) handle(event.data);
    else early.push(event.data);
};

createConclabWorkerModule().then((module) => {
    const text = new TextDecoder();
    // Copies bytes into the module's heap for one call, as (pointer, length).
    const withBytes = (bytes, call) => {
        const ptr = module._malloc(Math.max(1, bytes.length));
        module.HEAPU8.set(bytes, ptr);
        try {
            return call(ptr, bytes.length);
        } finally {
            module._free(ptr);
        }
    };
    run = (name, argument) => {
        if (text.decode(name) === 'worker.crash') throw new Error('worker.crash: this worker was asked to crash');
        return withBytes(name, (fp, fn) => withBytes(argument, (ap, an) => module._conclab_worker_run(fp, fn, ap, an) !== 0));
    };
    run.output = () => {
        const ptr = module._conclab_worker_output_data();
        return module.HEAPU8.slice(ptr, ptr + module._conclab_worker_output_size());
    };
    postMessage({ ready: true });
    for (const task of early.splice(0)) handle(task);
}, (error) => {
    setTimeout(() => { throw new Error('process worker module failed to load: ' + error); });
});
