// The primes demo autoruns from the query string and logs CONCLAB_RESULT with the CLI's JSON: 21 checks
// of make_sample(2**44), each with the right least prime factor, on threads and on isolated workers.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import * as h from './helpers.mjs';

const env = h.useIsolatedServerAndBrowser();

// The CLI's own answer for the same sample, when the native build is there.
function cliNumbers(sample) {
  if (!existsSync(h.conclabExe)) return null;
  const doc = JSON.parse(execFileSync(h.conclabExe, ['primes', '--sample', sample, '--executor', 'sequential', '--json']));
  return doc.results.map((r) => r.n).sort();
}

// start: 'load' (?autorun=1) or 'hook' (window.conclab.autorun() once the page is up, as make bench does).
async function runPrimes(executor, workerPattern, workers = 2, start = 'load', sample = '2**44') {
  const query = `?demo=primes&executor=${executor}&workers=${workers}&sample=${encodeURIComponent(sample)}` +
    (start === 'load' ? '&autorun=1' : '');
  const { page, messages, errors } = await h.openPage(env.browser.context, env.server.url + query);
  await h.waitForApp(page);
  const framesBefore = (await page.evaluate(() => window.conclab.frames())).count;
  if (start === 'hook') await page.evaluate(() => window.conclab.autorun());
  const result = await h.waitForResult(page, messages, 120000);
  result.framesDuringRun = (await page.evaluate(() => window.conclab.frames())).count - framesBefore;
  assert.equal(result.demo, 'primes');
  assert.equal(result.executor, executor);
  assert.equal(result.workers, workers);
  assert.equal(result.sample, sample);
  assert.equal(result.finished, true);
  assert.equal(result.cancelled, false);
  assert.equal(result.checks, 21);
  assert.equal(result.results.length, 21);
  for (const r of result.results) {
    assert.equal(typeof r.n, 'string', '64-bit integers are JSON strings');
    assert.equal(r.error, undefined, `${r.n}: ${r.error}`);
    const n = Number(r.n);
    assert.ok(Number.isSafeInteger(n));
    assert.equal(r.lpf, String(h.leastPrimeFactor(n)), `lpf(${r.n})`);
    assert.equal(r.prime, r.lpf === r.n, `prime(${r.n})`);
    assert.match(r.worker, workerPattern);
  }
  const expected = cliNumbers(sample);
  if (expected) assert.deepEqual(result.results.map((r) => r.n).sort(), expected, 'the same sample as the CLI');
  assert.equal(result.cpu.kind, 'worker busy time', 'no OS CPU times in a browser');
  const firstStart = Math.min(...result.results.map((r) => r.started_s));
  assert.ok(result.startup_s >= firstStart - 1e-9, `start-up ${result.startup_s} lasts until the first check starts (${firstStart})`);
  // window.conclab.state() still answers after the run.
  const state = await page.evaluate(() => window.conclab.state());
  assert.equal(state.demo, 'primes');
  assert.equal(typeof state.renderer.name, 'string');
  assert.equal(typeof state.renderer.software, 'boolean');
  result.renderer = state.renderer;
  assert.deepEqual(errors, []);
  await page.close();
  return result;
}

test('primes on threads (pthreads in Web Workers)', { timeout: 180000 }, async () => {
  const result = await runPrimes('threads', /^thread [12]$/);
  console.log(`threads: wall ${result.wall_s.toFixed(3)} s`);
});

test('primes on processes (isolated Web Workers, each its own wasm module)', { timeout: 180000 }, async () => {
  const result = await runPrimes('processes', /^worker [12]$/);
  for (const r of result.results) assert.ok(r.worker_startup_s > 0, `worker start-up on ${r.n}: ${r.worker_startup_s}`);
  // Which worker takes which task depends on when each is ready: only their number is fixed.
  assert.ok(new Set(result.results.map((r) => r.worker)).size <= 2);
  console.log(`processes: wall ${result.wall_s.toFixed(3)} s`);
});

test('primes sequentially: one worker, in order; started by window.conclab.autorun(), drawn at the ticking rate', { timeout: 180000 }, async () => {
  const result = await runPrimes('sequential', /^main$/, 1, 'hook', '2**52');   // ~0.5 s: 21 results over many ticks
  const starts = result.results.map((r) => r.started_s);
  assert.deepEqual(starts, [...starts].sort((a, b) => a - b), 'one check after another, in completion order');
  // While a run ticks, results wait for the next tick: at most ticking_fps frames a second, plus the few that
  // settle the UI when the run starts and ends (never one frame per result).
  const tickingFps = result.renderer.ticking_fps;
  const bound = Math.ceil(result.wall_s * tickingFps) + 8;
  assert.ok(result.framesDuringRun <= bound, `${result.framesDuringRun} frames in a ${result.wall_s.toFixed(3)} s run (bound ${bound})`);
  console.log(`sequential: wall ${result.wall_s.toFixed(3)} s, ${result.framesDuringRun} frames (renderer ticks at ${tickingFps} fps)`);
});

// The busy time of a run's checks against the span in which they computed: one thread at a time means Σbusy ≤ span.
// The span from the checks' own times (first start to last end) is read across the workers' clocks, which agree
// only up to the delay of the message that started each Worker (DEVELOPING.md); the main thread's wall time minus
// start-up spans them on one clock, but late by up to a frame. The longer of the two is the span here (lenient for
// the GIL), plus a tolerance small beside the ~0.6 s of busy time that sample 2**52 gives each run in wasm (its
// numbers stay below 2**53, which the JS check of each lpf needs).
function busyAndSpan(result) {
  const busy = result.results.reduce((sum, r) => sum + r.busy_s, 0);
  const checks = Math.max(...result.results.map((r) => r.started_s + r.elapsed_s)) - Math.min(...result.results.map((r) => r.started_s));
  return { busy, checks, span: Math.max(checks, result.wall_s - result.startup_s) };
}
const overlapTolerance = (span) => span * 0.1 + 0.05;

test('primes under the GIL model: one thread computes at a time (and threads, the control, do not)', { timeout: 240000 }, async () => {
  const gil = await runPrimes('gil', /^thread [12]$/, 2, 'load', '2**52');
  // Busy time excludes the time spent waiting for the lock: if the lock let only one thread compute at any moment,
  // the busy times add up to no more than the span in which they ran.
  const g = busyAndSpan(gil);
  console.log(`gil: busy ${g.busy.toFixed(3)} s, span ${g.span.toFixed(3)} s (checks ${g.checks.toFixed(3)} s, wall ${gil.wall_s.toFixed(3)} s)`);
  assert.ok(g.busy >= 0.3, `only ${g.busy.toFixed(3)} s of busy time: too little work for the check to mean anything`);
  assert.ok(g.busy <= g.span + overlapTolerance(g.span),
    `busy ${g.busy.toFixed(3)} s exceeds the span ${g.span.toFixed(3)} s: two threads computed at once under the GIL`);
  assert.equal(new Set(gil.results.map((r) => r.worker)).size, 2, 'both threads took checks (or the check is vacuous)');

  // The same check on real threads must fail: two threads compute side by side, so their busy times add up to about
  // twice the span (even on one core the OS interleaves them: busy time is wall time per check in a browser).
  const threads = await runPrimes('threads', /^thread [12]$/, 2, 'load', '2**52');
  const t = busyAndSpan(threads);
  console.log(`threads: busy ${t.busy.toFixed(3)} s, span ${t.span.toFixed(3)} s (checks ${t.checks.toFixed(3)} s, wall ${threads.wall_s.toFixed(3)} s)`);
  assert.ok(t.busy > t.span + overlapTolerance(t.span),
    `threads: busy ${t.busy.toFixed(3)} s within the span ${t.span.toFixed(3)} s — the GIL check above could not tell them apart`);
});

test('more threads than the page pre-starts: the run still ends (no join before they start)', { timeout: 300000 }, async () => {
  // 2*cpus+4 Web Workers are pre-started for pthreads; the rest start only when the main thread
  // yields to the browser. Joining one of those from the main thread too early would hang the page.
  const result = await runPrimes('threads', /^thread \d+$/, 24);
  console.log(`threads x24: wall ${result.wall_s.toFixed(3)} s`);
});
