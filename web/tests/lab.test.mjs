// The lab in the browser: `?demo=lab&quick=1&autorun=1` runs every suite on the lab's own thread while the
// page keeps drawing, and logs CONCLAB_RESULT with the CLI's --json shape. The figures must be sane and
// consistent with each other (no absolute timings): an isolated Worker starts slower than a pthread, RAM is
// slower than L1, and every cell the browser can't measure says why. Then the export (a real download) and
// a saved result loaded through the browser's file picker beside the current one.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import * as h from './helpers.mjs';

const env = h.useIsolatedServerAndBrowser();
mkdirSync(h.screenshotDir, { recursive: true });
const suites = ['startup', 'memory', 'ipc', 'switch', 'scaling', 'system', 'latency'];

const measure = (doc, suite, name) => {
  const m = doc[suite].measures.find((x) => x.name === name);
  assert.ok(m, `${suite}: no measure "${name}" among ${doc[suite].measures.map((x) => x.name).join(' | ')}`);
  return m;
};
const value = (doc, suite, name, column) => {
  const cell = measure(doc, suite, name).cells[column];
  assert.ok(cell && typeof cell.value === 'number', `${suite} / ${name} / ${column}: ${JSON.stringify(cell)}`);
  return cell.value;
};
const missing = (doc, suite, name, column) => {
  const cell = measure(doc, suite, name).cells[column];
  assert.ok(cell && typeof cell.missing === 'string' && cell.missing.length > 10, `${suite} / ${name} / ${column} says why: ${JSON.stringify(cell)}`);
  return cell.missing;
};

let result = null;
let page = null;

test('the quick lab runs every suite in the browser while the page keeps drawing', { timeout: 240000 }, async () => {
  const opened = await h.openPage(env.browser.context, env.server.url + '?demo=lab&quick=1&autorun=1');
  page = opened.page;
  await h.waitForApp(page);
  const started = Date.now();
  let sawProgress = false;
  // Frames counted while the lab measures (from one look at a running lab to the next), never timed: the lab runs
  // on its own thread, so the page draws while a step is in flight; a blocked UI thread would draw none.
  let framesWhileRunning = 0;
  let last = null;   // { frames, running } at the previous look
  let runningLooks = 0;
  const steps = new Set();
  while (!opened.messages.some((m) => m.text.startsWith('CONCLAB_RESULT '))) {
    assert.ok(Date.now() - started < 200000, 'the quick lab finishes within 200 s');
    await page.waitForTimeout(1000);
    const look = await page.evaluate(() => ({ state: window.conclab.state(), frames: window.conclab.frames().count }));
    const running = look.state.lab.running;
    if (running) {
      ++runningLooks;
      steps.add(look.state.lab.step);
      sawProgress ||= look.state.lab.steps_done > 0 && look.state.lab.steps_done < look.state.lab.steps_total;
      if (last?.running) framesWhileRunning += look.frames - last.frames;
    }
    last = { frames: look.frames, running };
  }
  result = await h.waitForResult(page, opened.messages, 1000);
  console.log(`quick lab in the browser: ${((Date.now() - started) / 1000).toFixed(1)} s; ${framesWhileRunning} frames ` +
    `drawn while it measured (${runningLooks} looks, steps seen: ${[...steps].join(', ')})`);
  assert.ok(sawProgress && runningLooks >= 3, 'progress was seen while the lab ran');
  assert.ok(framesWhileRunning >= 1, 'the page drew while the lab measured');
  assert.deepEqual(opened.errors, []);

  assert.deepEqual(Object.keys(result).sort(), [...suites].sort(), 'one key per suite, as the CLI');
  for (const suite of suites) {
    for (const m of result[suite].measures) {
      assert.ok(Object.keys(m.cells).length > 0, `${suite} / ${m.name} has cells`);
      for (const [column, cell] of Object.entries(m.cells)) {
        if (cell.missing !== undefined) continue;
        const where = `${suite} / ${m.name} / ${column}`;
        assert.ok(Number.isFinite(cell.value) && cell.unit && cell.method && cell.samples >= 1, where);
        assert.ok(cell.spread.low <= cell.value + 1e-9 && cell.value <= cell.spread.high + 1e-9, `${where}: spread holds the median`);
      }
    }
  }

  // Start-up: an isolated Worker (its own wasm module) costs more than a pthread from the pool; so does a
  // pthread beyond the pool (a new Worker). Fork does not exist here, and says so.
  const thread = value(result, 'startup', 'start + finish one', 'threads');
  const worker = value(result, 'startup', 'start + finish one', 'processes');
  const beyond = value(result, 'startup', 'start + finish one, beyond the pre-started pool', 'threads');
  value(result, 'startup', 'start + finish one', 'coroutines');
  assert.ok(worker > thread, `isolated Worker ${worker} µs > pthread ${thread} µs`);
  assert.ok(beyond > thread, `new Worker for a pthread ${beyond} µs > pooled pthread ${thread} µs`);
  assert.match(missing(result, 'startup', 'fork + wait (unsafe in a threaded program)', 'processes'), /fork/);

  // Memory: wasm memory is known, resident memory is not (and says why).
  assert.ok(value(result, 'memory', 'wasm memory each', 'processes') > 0);
  assert.ok(value(result, 'memory', 'wasm memory each', 'threads') > 0);
  assert.ok(value(result, 'memory', 'resident memory each', 'coroutines') > 0);
  missing(result, 'memory', 'resident memory each', 'processes');

  // Communication and switches: shared memory between threads and postMessage between Workers.
  assert.ok(value(result, 'ipc', '64 B round trip (atomics / pipe)', 'processes') > 0);
  assert.ok(value(result, 'ipc', '64 B round trip (atomics / pipe)', 'threads') > 0);
  missing(result, 'ipc', '64 B round trip (lock + queue / socketpair)', 'processes');
  for (const column of ['threads', 'processes', 'coroutines']) assert.ok(value(result, 'switch', 'switches per second', column) > 0);

  // Scaling: the workload ran on every executor (the fastest of a few tries each in quick mode: on a busy machine
  // the speedups themselves are still noise, so only their presence and the 1-worker baseline are checked).
  for (const model of ['speedup, 2 workers', 'speedup, 2 workers, GIL model']) assert.ok(value(result, 'scaling', model, 'threads') > 0);
  assert.ok(value(result, 'scaling', 'speedup, 2 workers', 'processes') > 0);
  assert.equal(value(result, 'scaling', 'speedup, 1 worker', 'threads'), 1);

  // System: what the browser says, and a sentence for what it can't.
  const cpus = await page.evaluate(() => navigator.hardwareConcurrency);
  assert.equal(value(result, 'system', 'logical CPUs', 'machine'), cpus);
  missing(result, 'system', 'processes (ps ax | wc -l)', 'machine');

  // Latency: the chase curve climbs from L1 to RAM; no disk, no TCP, a same-origin fetch instead.
  const chase = result.latency.measures.filter((m) => m.curve === 'pointer chase').sort((a, b) => a.x - b.x);
  assert.ok(chase.length >= 5);
  const l1 = chase[0].cells.machine.value;
  const ram = chase[chase.length - 1].cells.machine.value;
  assert.ok(ram > l1, `RAM ${ram} ns > L1 ${l1} ns`);
  assert.match(missing(result, 'latency', 'disk: 4 KiB write + fsync', 'machine'), /disk/);
  missing(result, 'latency', 'network: loopback TCP round trip', 'machine');
  assert.ok(value(result, 'latency', 'network: same-origin fetch round trip', 'machine') > 0);
  const ladder = result.latency.tables.find((t) => t.header[0] === 'rung');
  assert.ok(ladder.rows.find((r) => r[0] === 'network')[6].includes('fetch'));
  // Typed as the CLI's: every measure has an id (its parameters beside it), the ladder is data too.
  for (const suite of suites)
    for (const m of result[suite].measures) assert.ok(m.id && m.id !== 'unknown', `${suite} / ${m.name} has an id`);
  assert.equal(result.latency.tables.find((t) => t.id === 'ladder'), ladder);
  assert.ok(result.latency.ladder.ghz > 0 && result.latency.ladder.rungs.find((r) => r.rung === 'network').measured_as.includes('fetch'));
  const twoWorkers = result.scaling.measures.find((m) => m.name === 'speedup, 2 workers, GIL model');
  assert.deepEqual([twoWorkers.id, twoWorkers.workers, twoWorkers.gil], ['speedup', 2, true]);

  writeFileSync(path.join(h.screenshotDir, 'lab-web-top.png'), await page.screenshot());
  await page.mouse.move(700, 500);
  for (let i = 0; i < 12; ++i) {   // ImGui scrolls the panel a few lines a notch: down to the charts and the ladder
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(800);
  writeFileSync(path.join(h.screenshotDir, 'lab-web-charts.png'), await page.screenshot());

  // The panel's own state holds the same figures.
  const state = await page.evaluate(() => window.conclab.state());
  assert.equal(state.demo, 'lab');
  assert.equal(state.lab.running, false);
  assert.deepEqual(Object.keys(state.lab.result).sort(), [...suites].sort());
});

test('export downloads a file; a saved result loads through the file picker beside the current one', { timeout: 60000 }, async () => {
  assert.ok(page && result, 'the lab ran');
  const text = JSON.stringify(result);
  const [download, said] = await Promise.all([
    page.waitForEvent('download', { timeout: 10000 }),
    page.evaluate((t) => Module.ccall('conclab_test_export_file', 'string', ['string', 'string'], ['lab-result.json', t]), text),
  ]);
  assert.match(said, /^lab-result\.json \(saved by the browser/);
  assert.equal(download.suggestedFilename(), 'lab-result.json');
  const saved = await download.path();
  assert.deepEqual(JSON.parse(readFileSync(saved, 'utf8')), result, 'the download holds the JSON as given');

  // Another machine's result: the same shape with other numbers.
  const other = JSON.parse(text);
  for (const m of other.startup.measures) for (const cell of Object.values(m.cells)) if (cell.value !== undefined) cell.value *= 2;
  const dir = mkdtempSync(path.join(tmpdir(), 'conclab-lab-'));
  const file = path.join(dir, 'other-machine.json');
  writeFileSync(file, JSON.stringify(other));
  try {
    await page.mouse.click(120, 20);   // a user gesture: browsers open a file picker only in answer to one
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser', { timeout: 10000 }),
      page.evaluate(() => Module.ccall('conclab_test_open_file_picker', null, [], [])),
    ]);
    await chooser.setFiles(file);
    await page.waitForFunction(() => window.conclab.state().lab.compare !== undefined, null, { timeout: 10000, polling: 200 });
    const state = await page.evaluate(() => window.conclab.state());
    assert.equal(state.lab.compare.name, 'other-machine.json');
    assert.equal(state.lab.compare.suites, suites.length);
    assert.equal(state.lab.errors, undefined);
    const shot = await page.screenshot();
    writeFileSync(path.join(h.screenshotDir, 'lab-web-compare.png'), shot);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await page.close();
  }
});

// The system snapshot, live: while the lab is shown the page reads what it can (CPUs, its own Web Workers) every
// second and draws only when a figure changed (so an unchanged page stays idle); once another demo is shown it
// stops reading. Screenshots of the panel in EN and PT.
test('the system snapshot refreshes while the lab is shown and stops when it is not', { timeout: 90000 }, async () => {
  for (const lang of ['pt', 'en']) {
    const { page, errors } = await h.openPage(env.browser.context, env.server.url + `?demo=lab&lang=${lang}`);
    await h.waitForApp(page);
    await page.waitForFunction(() => (window.conclab.state().lab.live_system || {}).sequence >= 2, null, { timeout: 20000, polling: 200 });
    const first = (await page.evaluate(() => window.conclab.state())).lab.live_system;
    assert.ok(first.page_threads >= 1, `the page's threads: ${JSON.stringify(first)}`);
    await page.waitForFunction((n) => window.conclab.state().lab.live_system.sequence > n, first.sequence, { timeout: 20000, polling: 200 });
    const state = await page.evaluate(() => window.conclab.state());
    assert.ok(state.lab.live_system.taken_at_s > first.taken_at_s, 'a later snapshot');
    assert.equal(state.redraw, 'idle', 'a live snapshot is no animation');
    assert.match(state.lab.result.system.notes.join(' '), /Live: taken again every 1 s/);
    assert.ok(state.lab.result.system.measures.some((m) => m.name.startsWith("this page's threads")));
    writeFileSync(path.join(h.screenshotDir, `lab-web-live-${lang}.png`), await page.screenshot());
    if (lang === 'en') {
      // Nothing changes on this page: it goes idle although the snapshot is still taken every second.
      await h.waitForIdle(page);
      const seq = (await page.evaluate(() => window.conclab.state())).lab.live_system.sequence;
      await page.waitForFunction((n) => window.conclab.state().lab.live_system.sequence > n, seq, { timeout: 20000, polling: 200 });
      // Another demo (the sidebar's "System", below "Welcome"): the lab is no longer drawn, so it stops reading after a few seconds.
      await page.mouse.click(60, 147);
      await page.waitForFunction(() => window.conclab.state().demo === 'system', null, { timeout: 10000, polling: 200 });
      await page.waitForTimeout(4000);
      const stopped = (await page.evaluate(() => window.conclab.state())).lab.live_system.sequence;
      await page.waitForTimeout(2500);
      assert.equal((await page.evaluate(() => window.conclab.state())).lab.live_system.sequence, stopped, 'no snapshot once hidden');
    }
    assert.deepEqual(errors, []);
    await page.close();
  }
});

// The CPython columns are native only: a link asking for them keeps C++ on the page, and the panel says why.
test('the page keeps the lab on C++ and says the CPython columns are native only', { timeout: 60000 }, async () => {
  const { page: p, errors } = await h.openPage(env.browser.context, env.server.url + '?demo=lab&runtime=python');
  await h.waitForApp(p);
  const state = await p.evaluate(() => window.conclab.state());
  assert.equal(state.lab.runtime, 'cpp');
  assert.equal(state.lab.runtime_available, false);
  assert.equal(state.lab.errors, undefined);
  writeFileSync(path.join(h.screenshotDir, 'lab-web-runtime.png'), await p.screenshot());
  assert.deepEqual(errors, []);
  await p.close();
});
