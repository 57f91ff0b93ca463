// Export trace on the page: after a primes run, a click on the button beside the timeline downloads a Chrome JSON
// trace (through the platform seam's download) that the validator accepts, with a slice per check on each worker's
// track adding up to that worker's busy time.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import * as h from './helpers.mjs';
import { checkTrace } from './trace_check.mjs';

const env = h.useIsolatedServerAndBrowser();

test('the trace validator refuses a trace whose slices overlap on one track', () => {
  const doc = {
    displayTimeUnit: 'ms', otherData: { clock: 'wall' },
    traceEvents: [{ ph: 'M', name: 'process_name', pid: 1, tid: 0, args: { name: 'run' } },
      { ph: 'M', name: 'thread_name', pid: 1, tid: 1, args: { name: 'thread 1' } },
      { ph: 'X', name: 'a', cat: 'task', pid: 1, tid: 1, ts: 0, dur: 10 },
      { ph: 'X', name: 'b', cat: 'task', pid: 1, tid: 1, ts: 5, dur: 10 }],
  };
  assert.match(checkTrace(doc).problems.join('\n'), /overlaps/);
  doc.traceEvents[3].ts = 10;
  assert.deepEqual(checkTrace(doc).problems, []);
});

test('primes: Export trace downloads a valid trace of the run', { timeout: 180000 }, async () => {
  const query = '?demo=primes&executor=threads&workers=2&sample=' + encodeURIComponent('2**40') + '&autorun=1';
  const { page, messages, errors } = await h.openPage(env.browser.context, env.server.url + query);
  await h.waitForApp(page);
  const result = await h.waitForResult(page, messages, 120000);
  assert.equal(result.finished, true);
  // The button is drawn in the frame after the run ended; its place comes from the state.
  await page.waitForFunction(() => (window.conclab.state().primes.trace_export?.button?.w ?? 0) > 0, null, { timeout: 20000, polling: 100 });
  const button = (await page.evaluate(() => window.conclab.state())).primes.trace_export.button;
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 20000 }),
    page.mouse.click(button.x + button.w / 2, button.y + button.h / 2),
  ]);
  assert.match(download.suggestedFilename(), /^trace-primes-\d{8}-\d{6}\.json$/);
  const doc = JSON.parse(readFileSync(await download.path(), 'utf8'));
  const check = checkTrace(doc);
  assert.deepEqual(check.problems, []);
  assert.equal(doc.otherData.demo, 'primes');
  assert.equal(doc.otherData.machine.build, 'web');
  assert.equal(doc.otherData.options.executor, 'threads');
  // A slice per check; each worker's slices add up to the busy time the result gives it (within 1%).
  const busy = new Map();
  for (const r of result.results) busy.set(r.worker, (busy.get(r.worker) ?? 0) + r.busy_s);
  const traced = new Map();
  let checks = 0;
  for (const [key, list] of check.slices) {
    for (const s of list.filter((x) => x.cat === 'task')) {
      checks += 1;
      const worker = check.tracks.get(key);
      traced.set(worker, (traced.get(worker) ?? 0) + s.dur / 1e6);
    }
  }
  assert.equal(checks, result.results.length);
  for (const [worker, seconds] of busy) {
    assert.ok(Math.abs((traced.get(worker) ?? 0) - seconds) <= seconds * 0.01 + 1e-8, `${worker}: traced ${traced.get(worker)} s, busy ${seconds} s`);
  }
  const state = (await page.evaluate(() => window.conclab.state())).primes.trace_export;
  assert.match(state.saved, /saved by the browser/);
  assert.deepEqual(errors, []);
  await page.close();
});
