// The web process pool (src/platform/web/process_pool_web.cpp) driven through its test hooks:
// isolated Web Workers with their own wasm memory, cancel_all terminating running workers, a crash
// failing only its task, shutdown that never blocks the browser's main thread.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import * as h from './helpers.mjs';

let server, browser, page, errors;
before(async () => {
  h.requireSite();
  server = await h.startIsolatedServer();
  browser = await h.launchBrowser();
  ({ page, errors } = await h.openPage(browser.context, server.url + '?demo=system'));
  await h.waitForApp(page);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const pool = {
  create: (n) => page.evaluate((n) => Module.ccall('conclab_test_pool_create', 'number', ['number'], [n]), n),
  submit: (fn, arg) => page.evaluate(([f, a]) => Module.ccall('conclab_test_pool_submit', 'number', ['string', 'string'], [f, a]), [fn, arg]),
  // Any bytes, NUL included: the argument travels as a JSON string through ccall.
  submitBytes: (fn, arg) => page.evaluate(([f, a]) => Module.ccall('conclab_test_pool_submit_json', 'number', ['string', 'string'], [f, a]), [fn, JSON.stringify(arg)]),
  cancelAll: () => page.evaluate(() => Module.ccall('conclab_test_pool_cancel_all', null, [], [])),
  shutdown: (cancel) => page.evaluate((c) => Module.ccall('conclab_test_pool_shutdown', null, ['number'], [c ? 1 : 0]), cancel),
  destroy: () => page.evaluate(() => Module.ccall('conclab_test_pool_destroy', null, [], [])),
  status: (i) => page.evaluate((i) => JSON.parse(Module.ccall('conclab_test_pool_status', 'string', ['number'], [i])), i),
};

async function waitFor(i, statuses, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await pool.status(i);
    if (statuses.includes(s.status)) return s;
    if (Date.now() > deadline) throw new Error(`task ${i} is ${JSON.stringify(s)}, not ${statuses}`);
    await page.waitForTimeout(50);
  }
}

test('the worker module has memory of its own; the page shares its memory between threads', () => {
  const memoryOf = (file) => {
    const module = new WebAssembly.Module(readFileSync(path.join(h.webDir, file)));
    return {
      imported: WebAssembly.Module.imports(module).some((i) => i.kind === 'memory'),
      exported: WebAssembly.Module.exports(module).some((e) => e.kind === 'memory'),
    };
  };
  assert.deepEqual(memoryOf('process-worker-module.wasm'), { imported: false, exported: true });
  assert.equal(memoryOf('index.wasm').imported, true, 'pthreads import one shared memory');
});

test('tasks run on isolated workers named "worker N"', { timeout: 60000 }, async () => {
  assert.equal(await pool.create(2), 1);
  const lpf = await pool.submit('primes.lpf', '2199030965533');
  const echo = await pool.submit('test.echo', 'olá');
  const fail = await pool.submit('test.fail', 'boom');
  const unknown = await pool.submit('no.such', '1');
  const done = await waitFor(lpf, ['finished']);
  assert.deepEqual({ status: done.status, value: done.value }, { status: 'finished', value: '1482907' });
  assert.ok(done.worker_startup_s > 0, `the record carries its worker's start-up: ${done.worker_startup_s}`);
  assert.equal((await waitFor(echo, ['finished'])).value, 'olá');
  assert.equal((await waitFor(fail, ['failed'])).error, 'boom');
  assert.match((await waitFor(unknown, ['failed'])).error, /unknown task function 'no.such'/);
  const workers = new Set();
  for (const i of [lpf, echo, fail, unknown]) workers.add((await pool.status(i)).worker);
  for (const w of workers) assert.match(w, /^worker [12]$/);
  await pool.destroy();
});

test('arguments and values keep their NUL bytes; records carry the worker start-up', { timeout: 60000 }, async () => {
  assert.equal(await pool.create(1), 1);
  const echo = await pool.submitBytes('test.echo', 'a\0b\0');
  const s = await waitFor(echo, ['finished']);
  assert.equal(s.value, 'a\0b\0');
  assert.ok(s.worker_startup_s > 0, JSON.stringify(s));
  await pool.destroy();
});

test('cancel_all cancels pending tasks and terminates running ones; the pool goes on', { timeout: 60000 }, async () => {
  assert.equal(await pool.create(2), 1);
  const running = [await pool.submit('test.sleep_ms', '60000'), await pool.submit('test.sleep_ms', '60000')];
  const pending = await pool.submit('test.sleep_ms', '60000');
  for (const i of running) await waitFor(i, ['running']);
  const started = Date.now();
  await pool.cancelAll();
  for (const i of running) assert.equal((await waitFor(i, ['failed'])).error, 'cancelled while running');
  assert.equal((await waitFor(pending, ['cancelled'])).status, 'cancelled');
  const after = await pool.submit('test.echo', 'still here');
  const s = await waitFor(after, ['finished']);
  assert.equal(s.value, 'still here');
  assert.match(s.worker, /^worker [12]$/);
  assert.ok(Date.now() - started < 15000, 'cancelling did not wait for the 60 s tasks');
  await pool.destroy();
});

test('a crashed worker fails its own task only and is replaced', { timeout: 60000 }, async () => {
  assert.equal(await pool.create(1), 1);
  const crash = await pool.submit('worker.crash', '');
  const next = await pool.submit('primes.lpf', '4398063288167');
  assert.match((await waitFor(crash, ['failed'])).error, /^worker 1 crashed: .*asked to crash/);
  const s = await waitFor(next, ['finished']);
  assert.equal(s.value, '2097143');
  assert.equal(s.worker, 'worker 1');
  await pool.destroy();
});

test('shutdown returns at once on the main thread and ends the workers', { timeout: 60000 }, async () => {
  assert.equal(await pool.create(2), 1);
  const long = await pool.submit('test.sleep_ms', '60000');
  await waitFor(long, ['running']);
  const t0 = Date.now();
  await pool.shutdown(true);
  assert.ok(Date.now() - t0 < 2000, 'shutdown(wait=true) did not block the page');
  assert.equal((await waitFor(long, ['failed'])).error, 'cancelled while running');
  assert.equal(await pool.submit('test.echo', 'late'), -1, 'submit after shutdown is refused');
  // The page still answers: input wakes the next frame (an idle page draws nothing on demand, so waiting for
  // frames alone passed or failed by chance).
  const before = (await page.evaluate(() => window.conclab.frames())).count;
  await page.mouse.move(200, 200);
  await page.mouse.move(240, 220);
  await page.waitForFunction((b) => window.conclab.frames().count > b, before, { timeout: 5000, polling: 50 });
  await pool.destroy();
  assert.deepEqual(errors, []);
});
