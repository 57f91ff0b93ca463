// The talk's primes in Python on the page: Pyodide (CPython 3.14 for wasm) in isolated Web Workers, one interpreter
// each, fed through the same process pool and CONCLAB_RESULT as the C++. Loaded only when Python is picked: the
// page's first visit fetches not one of its bytes. Threads are refused beside the field; a failed download is a
// message, with nothing left running.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as h from './helpers.mjs';

const env = h.useIsolatedServerAndBrowser();

// Exact trial division on BigInt: some numbers here are past 2**53.
function leastPrimeFactor(n) {
  if (n === 1n) return 1n;
  for (const p of [2n, 3n]) if (n % p === 0n) return p;
  for (let i = 5n; i * i <= n; i += 6n) {
    if (n % i === 0n) return i;
    if (n % (i + 2n) === 0n) return i + 2n;
  }
  return n;
}

// Small on purpose: booting two interpreters is most of the run.
const numbers = ['1', '2', '9', '91', '7919', '1000003', '1000036000099', '999999999989', '18446744073709551615',
  '18446744073709551614'];
const pyodideRequest = (url) => /\/pyodide\/|pyodide-worker\.mjs|\/python\//.test(new URL(url).pathname);

async function openRecording(query) {
  const requests = [];
  const opened = await h.openPage(env.browser.context, env.server.url + query, {
    beforeGoto: (page) => {
      page.on('request', (r) => requests.push(r.url()));
      // Module workers' requests reach page.on('request') in Chromium only through the worker: record those too.
      page.on('worker', (w) => requests.push(w.url()));
    },
  });
  return { ...opened, requests };
}

test('page-ready without runtime= fetches no Pyodide byte', { timeout: 120000 }, async () => {
  const { page, requests, errors } = await openRecording('?demo=primes');
  const state = await h.waitForApp(page);
  await h.waitForIdle(page);
  assert.ok(requests.length > 3, `the page's own requests were recorded (${requests.length})`);
  assert.deepEqual(requests.filter(pyodideRequest), [], 'nothing of Pyodide or python/ before the user picks Python');
  assert.equal(state.primes.runtime, 'cpp');
  assert.equal(state.primes.pyodide_loading, undefined);
  assert.deepEqual(errors, []);
  await page.close();
});

// What the host serves until the page is ready and idle: the same files and bytes with runtime=python in the link as
// without it (Pyodide waits for a run), and none of Pyodide's 13 MB.
test('page-ready serves the same bytes with runtime=python as without it, none of them Pyodide\'s', { timeout: 120000 },
  async () => {
    const server = await h.startNodeServer({ isolation: true });
    try {
      const seen = {};
      for (const query of ['?demo=primes', '?demo=primes&runtime=python&executor=processes&workers=2']) {
        server.served.length = 0;
        const { page, errors } = await h.openPage(env.browser.context, server.url + query);
        await h.waitForApp(page);
        await h.waitForIdle(page);
        seen[query] = server.served.splice(0).filter((s) => !s.path.endsWith('coi-serviceworker.min.js'));
        assert.deepEqual(errors, []);
        await page.close();
      }
      const [plain, python] = Object.values(seen);
      // Each file once: the browser asks for its icon again when it likes.
      const paths = (list) => [...new Set(list.map((s) => s.path))].sort();
      const bytes = (list) => [...new Map(list.map((s) => [s.path, s.bytes])).values()].reduce((sum, b) => sum + b, 0);
      assert.ok(paths(plain).includes('/index.wasm'), paths(plain).join(' '));
      assert.deepEqual(paths(python), paths(plain), 'the same files');
      assert.equal(bytes(python), bytes(plain), 'the same bytes');
      assert.deepEqual(plain.filter((s) => /\/pyodide\/|pyodide-worker|\/python\//.test(s.path)), []);
      console.log(`page-ready: ${paths(plain).length} files, ${bytes(plain)} bytes with or without runtime=python`);
    } finally {
      await server.close();
    }
  });

test('runtime=python, processes ×2: every lpf right, two interpreters, boot apart from the checks',
  { timeout: 240000 }, async () => {
    const query = `?demo=primes&runtime=python&executor=processes&workers=2&numbers=${numbers.join('+')}&autorun=1`;
    const { page, requests, messages, errors } = await openRecording(query);
    await h.waitForApp(page);
    const result = await h.waitForResult(page, messages, 200000);
    assert.equal(result.executor, 'processes');
    assert.equal(result.workers, 2);
    assert.equal(result.finished, true);
    assert.equal(result.cancelled, false);
    assert.equal(result.results.length, numbers.length);
    for (const r of result.results) {
      assert.equal(r.error, undefined, `${r.n}: ${r.error}`);
      assert.equal(r.lpf, String(leastPrimeFactor(BigInt(r.n))), `lpf(${r.n})`);
      assert.match(r.worker, /^Pyodide worker [12]$/);
      assert.ok(r.worker_startup_s > 0, 'each check names its worker\'s boot time');
    }
    assert.deepEqual([...new Set(result.results.map((r) => r.worker))].sort(), ['Pyodide worker 1', 'Pyodide worker 2']);
    assert.equal(result.runtime.name, 'Pyodide');
    assert.match(result.runtime.version, /^\d+\.\d+\.\d+/);
    assert.match(result.runtime.python, /^3\.14\./);
    assert.equal(result.runtime.threads, false);
    // The checks start only once both interpreters have booted: the start-up covers every boot.
    const boots = Math.max(...result.results.map((r) => r.worker_startup_s));
    assert.ok(result.startup_s >= boots, `start-up ${result.startup_s} s covers the slowest boot (${boots} s)`);
    assert.ok(requests.some((u) => u.endsWith('/python/primes.py')), 'the talk\'s python/primes.py was fetched');
    // pyodide.asm.wasm is downloaded once by the page (compiled once, the module posted to both workers).
    assert.equal(requests.filter((u) => u.endsWith('/pyodide.asm.wasm')).length, 1, requests.filter(pyodideRequest).join('\n'));
    const state = await page.evaluate(() => window.conclab.state());
    assert.equal(state.primes.runtime, 'python');
    assert.equal(state.primes.pyodide_loading.phase, 'done');
    assert.match(state.link, /runtime=python/, 'the link reopens Python');
    assert.deepEqual(errors, []);
    await page.close();
  });

test('runtime=python with threads is refused beside the executor, and nothing is downloaded', { timeout: 120000 }, async () => {
  const { page, requests } = await openRecording('?demo=primes&runtime=python&executor=threads&numbers=7&autorun=1');
  await h.waitForApp(page);
  await h.waitForIdle(page);
  const state = await page.evaluate(() => window.conclab.state());
  assert.match(state.primes.errors.executor, /Pyodide has no threads/);
  assert.equal(state.primes.run, undefined, 'no run started');
  assert.deepEqual(requests.filter(pyodideRequest), []);
  await page.close();
});

test('a failed download is a message on every check, and no worker is left running', { timeout: 120000 }, async () => {
  const server = await h.startNodeServer({ isolation: true, hide: ['pyodide.asm.wasm'] });
  try {
    const page = await env.browser.context.newPage();
    const messages = [];
    page.on('console', (m) => messages.push({ type: m.type(), text: m.text() }));
    await page.goto(server.url + '?demo=primes&runtime=python&executor=processes&workers=2&numbers=7+9&autorun=1');
    await h.waitForApp(page);
    const result = await h.waitForResult(page, messages, 60000);
    assert.equal(result.results.length, 2);
    for (const r of result.results) assert.match(r.error, /Pyodide could not start .*pyodide\.asm\.wasm: HTTP 404/);
    assert.equal(await page.evaluate(() => Module.conclabProcessWorkers.live.size), 0, 'every worker terminated');
    const state = await page.evaluate(() => window.conclab.state());
    assert.match(state.primes.runtime_failure, /Pyodide could not start/, 'said beside the runtime choice');
    await page.close();
  } finally {
    await server.close();
  }
});

test('a download that breaks off is a message beside the runtime choice, nothing left running', { timeout: 120000 },
  async () => {
    const server = await h.startNodeServer({ isolation: true, cut: { 'pyodide.asm.wasm': 1 << 20 } });
    try {
      const { page, messages } = await h.openPage(env.browser.context,
        server.url + '?demo=primes&runtime=python&executor=processes&workers=2&numbers=7+9&autorun=1');
      await h.waitForApp(page);
      const result = await h.waitForResult(page, messages, 60000);
      assert.equal(result.results.length, 2);
      for (const r of result.results) assert.match(r.error, /Pyodide could not start .*pyodide\.asm\.wasm: the download broke off/);
      assert.equal(await page.evaluate(() => Module.conclabProcessWorkers.live.size), 0, 'every worker terminated');
      const state = (await page.evaluate(() => window.conclab.state())).primes;
      assert.match(state.runtime_failure, /the download broke off after \d+ of \d+ bytes/, 'said beside the runtime choice');
      assert.equal(state.running, false);
      await page.close();
    } finally {
      await server.close();
    }
  });

// Out of memory as the browser says it: V8's own error when it cannot reserve a new instance's wasm memory (a phone, a
// 32-bit browser, many tabs). It cannot be made to happen for real on demand — Pyodide boots inside its initial memory
// and lpf allocates nothing — so each worker's WebAssembly.instantiate throws it; the host holds pyodide.asm.wasm back
// until both workers are patched, so no boot can start before.
test('a worker that runs out of memory while booting is a message, nothing left running', { timeout: 120000 }, async () => {
  let release;
  const patched = new Promise((resolve) => { release = resolve; });
  const server = await h.startNodeServer({ isolation: true, gate: (name) => (name === 'pyodide.asm.wasm' ? patched : undefined) });
  try {
    const workers = [];
    const { page, messages } = await h.openPage(env.browser.context,
      server.url + '?demo=primes&runtime=python&executor=processes&workers=2&numbers=7+9&autorun=1', {
        beforeGoto: (p) => p.on('worker', (w) => {
          if (!w.url().endsWith('pyodide-worker.mjs')) return;
          workers.push(w.evaluate(() => {
            WebAssembly.instantiate = async () => {
              throw new RangeError('WebAssembly.instantiate(): Out of memory: Cannot allocate Wasm memory for new instance');
            };
          }));
          if (workers.length === 2) Promise.all(workers).then(release);
        }),
      });
    await h.waitForApp(page);
    const result = await h.waitForResult(page, messages, 60000);
    assert.equal(result.results.length, 2);
    for (const r of result.results) assert.match(r.error, /Pyodide could not start .*Out of memory/);
    assert.equal(await page.evaluate(() => Module.conclabProcessWorkers.live.size), 0, 'every worker terminated');
    const state = (await page.evaluate(() => window.conclab.state())).primes;
    assert.match(state.runtime_failure, /Out of memory/, 'said beside the runtime choice');
    assert.equal(state.running, false);
    await page.close();
  } finally {
    release();
    await server.close();
  }
});

test('Cancel mid-boot: the run ends cancelled, every worker terminated', { timeout: 120000 }, async () => {
  const { page, messages } = await openRecording('?demo=primes&runtime=python&executor=processes&workers=2&numbers=7+9&autorun=1');
  await h.waitForApp(page);
  // Pyodide's download has begun and no check has started: the interpreters are still on their way.
  await page.waitForFunction(() => {
    const s = window.conclab.state().primes;
    return s.running && s.pyodide_loading && s.run.results.length === 0;
  }, null, { timeout: 60000, polling: 50 });
  const button = (await page.evaluate(() => window.conclab.state())).primes.run_button;
  await page.mouse.click(button.x + button.w / 2, button.y + button.h / 2);
  const result = await h.waitForResult(page, messages, 60000);
  assert.equal(result.cancelled, true);
  for (const r of result.results) assert.equal(r.status, 'cancelled', `${r.n}: ${r.status} ${r.error ?? ''}`);
  assert.equal(await page.evaluate(() => Module.conclabProcessWorkers.live.size), 0, 'every worker terminated');
  const state = (await page.evaluate(() => window.conclab.state())).primes;
  assert.equal(state.running, false);
  assert.equal(state.runtime_failure, undefined, 'a cancel is no failure');
  await page.close();
});
