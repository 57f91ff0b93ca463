// One Python "process" of the page: a module Web Worker with its own Pyodide interpreter (CPython for wasm) running
// the talk's lpf from python/primes.py. It speaks process-worker.js's protocol (process_pool_web.cpp), plus a boot step:
//   in:  {boot: {module}}   the page's compiled pyodide.asm.wasm (a WebAssembly.Module), compiled once for all workers
//   out: {ready: true, runtime: {name, version, python}, boot_ms, memory_bytes}  or  {failed: message}
//   in:  {id, function, argument}  out: {id, ok, output, busy_ms}   (function "primes.lpf", decimal text both ways)
// Pyodide has no classic-worker build (its loader refuses importScripts), hence a module worker.
import { loadPyodide } from './pyodide/pyodide.mjs';

let lpf = null;
const early = [];
const text = new TextDecoder();
const bytes = new TextEncoder();

// loadPyodide takes no compiled module (314.0.8: its instantiateWasm fetches pyodide.asm.wasm itself), so the
// worker answers that fetch with nothing and instantiates the posted module instead: 9.6 MB compiled once per page.
function useCompiled(module) {
    const realFetch = self.fetch.bind(self);
    self.fetch = (url, ...rest) => String(url).endsWith('pyodide.asm.wasm')
        ? Promise.resolve(new Response(new Uint8Array(0), { headers: { 'Content-Type': 'application/wasm' } }))
        : realFetch(url, ...rest);
    const instantiate = WebAssembly.instantiate.bind(WebAssembly);
    // Pyodide's loader only logs a failed instantiation (V8's "Out of memory: Cannot allocate Wasm memory") and never
    // settles: the failure is reported here, or the run would wait for this worker forever.
    const reported = (promise) => promise.catch((error) => {
        postMessage({ failed: String(error && error.message || error) });
        throw error;
    });
    WebAssembly.instantiateStreaming = async (_response, imports) => ({ module, instance: await reported(instantiate(module, imports)) });
    WebAssembly.instantiate = async (source, imports) => source instanceof WebAssembly.Module
        ? reported(instantiate(source, imports))
        : { module, instance: await reported(instantiate(module, imports)) };
}

async function boot({ module }) {
    const started = performance.now();
    try {
        if (module) useCompiled(module);
        const py = await loadPyodide({ indexURL: new URL('pyodide/', self.location.href).href });
        const source = await fetch(new URL('python/primes.py', self.location.href));
        if (!source.ok) throw new Error('python/primes.py: HTTP ' + source.status);
        py.FS.writeFile('/home/pyodide/primes.py', await source.text());
        // Decimal text in and out: numbers up to 2**64-1 are past a JS number's 2**53.
        lpf = py.runPython('import sys\nsys.path.insert(0, "/home/pyodide")\nfrom primes import lpf\nlambda s: str(lpf(int(s)))');
        const python = py.runPython('import sys; sys.version.split()[0]');
        postMessage({ ready: true, runtime: { name: 'Pyodide', version: py.version, python },
                      boot_ms: performance.now() - started, memory_bytes: py._module.HEAPU8.byteLength });
        for (const task of early.splice(0)) handle(task);
    } catch (error) {
        postMessage({ failed: String(error && error.message || error) });
    }
}

function handle({ id, function: name, argument }) {
    const start = performance.now();
    let ok = true;
    let output;
    try {
        if (text.decode(name) !== 'primes.lpf') throw new Error('a Pyodide worker runs only primes.lpf, not ' + text.decode(name));
        output = lpf(text.decode(argument));
    } catch (error) {
        ok = false;
        output = String(error && error.message || error);
    }
    const out = bytes.encode(output);
    postMessage({ id, ok, output: out, busy_ms: performance.now() - start }, [out.buffer]);
}

onmessage = (event) => {
    const d = event.data;
    if (d.boot) boot(d.boot);
    else if (lpf) handle(d);
    else early.push(d);
};
