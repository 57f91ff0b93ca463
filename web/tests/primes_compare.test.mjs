// Compare all, the primes panel's default view: the four executors on one sample, `repeats` runs each, ending in
// CONCLAB_RESULT with every run (each the single run's JSON) and a summary; the timeline zooms onto the GIL's
// hand-offs with the wheel. Counts and shapes only: no speed is asserted. Screenshots at 1280x800 and 412x915.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { chromium } from 'playwright-core';
import * as h from './helpers.mjs';

const env = h.useIsolatedServerAndBrowser();
const executors = ['sequential', 'gil', 'processes', 'threads'];

function checkCompare(result, { repeats, workers, sample, checks }) {
  assert.equal(result.demo, 'primes');
  assert.equal(result.mode, 'compare');
  assert.equal(result.finished, true);
  assert.equal(result.cancelled, false);
  assert.equal(result.error, undefined, result.error);
  assert.equal(result.repeats, repeats);
  assert.equal(result.workers, workers);
  if (sample) assert.equal(result.sample, sample);
  assert.deepEqual(result.executors, executors);
  assert.equal(result.runs.length, executors.length * repeats, 'four executors × repeats');
  for (const kind of executors) {
    const runs = result.runs.filter((r) => r.executor === kind);
    assert.deepEqual(runs.map((r) => r.repeat).sort((a, b) => a - b), Array.from({ length: repeats }, (_, i) => i + 1), kind);
    for (const run of runs) {
      assert.equal(run.demo, 'primes');
      assert.equal(run.workers, kind === 'sequential' ? 1 : workers, `${kind} workers`);
      assert.equal(run.finished, true);
      assert.equal(run.results.length, checks ?? run.checks);
      for (const r of run.results) {
        assert.equal(r.error, undefined, `${kind}: ${r.n}: ${r.error}`);
        if (Number.isSafeInteger(Number(r.n))) assert.equal(r.lpf, String(h.leastPrimeFactor(Number(r.n))), `lpf(${r.n})`);
      }
      if (kind === 'processes') for (const r of run.results) assert.match(r.worker, /^worker \d+$/, 'isolated Web Workers');
      if (kind === 'gil' || kind === 'threads') for (const r of run.results) assert.match(r.worker, /^thread \d+$/);
    }
  }
  assert.deepEqual(result.summary.map((s) => s.executor), executors);
  for (const s of result.summary) {
    assert.equal(s.runs, repeats);
    assert.ok(s.min_s <= s.median_s && s.median_s <= s.max_s, `${s.executor}: min ≤ median ≤ max`);
    assert.equal(typeof s.speedup, 'number');
  }
}

test('?demo=primes&compare=1&autorun=1 with a small sample: four executors × repeats in CONCLAB_RESULT', { timeout: 240000 }, async () => {
  const { page, messages, errors } = await h.openPage(env.browser.context,
    `${env.server.url}?demo=primes&compare=1&sample=${encodeURIComponent('2**44')}&repeats=2&workers=2&autorun=1`);
  await h.waitForApp(page);
  const result = await h.waitForResult(page, messages, 200000);
  checkCompare(result, { repeats: 2, workers: 2, sample: '2**44', checks: 21 });
  const state = (await page.evaluate(() => window.conclab.state())).primes;
  assert.equal(state.mode, 'compare');
  assert.equal(state.running, false);
  assert.deepEqual(state.compare_progress, { done: 8, total: 8 });
  assert.equal(state.compare.runs.length, 8);
  console.log(`compare 2**44 x2: ${result.summary.map((s) => `${s.executor} x${s.speedup.toFixed(2)}`).join(', ')}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('?demo=primes&autorun=1, nothing else: Compare all at its defaults (2**55, 3 runs of each executor)', { timeout: 600000 }, async () => {
  const { page, messages, errors } = await h.openPage(env.browser.context, `${env.server.url}?demo=primes&autorun=1`);
  const state = (await h.waitForApp(page)).primes;
  assert.equal(state.mode, 'compare');
  const result = await h.waitForResult(page, messages, 560000);
  checkCompare(result, { repeats: 3, workers: state.workers, sample: '2**55', checks: 21 });
  console.log(`defaults (${result.sample}, ${result.workers} workers, ${result.wall_s.toFixed(1)} s in all): ` +
    result.summary.map((s) => `${s.executor} ${s.median_s.toFixed(2)} s x${s.speedup.toFixed(2)}`).join(', '));
  assert.deepEqual(errors, []);
  await page.close();
});

test('Cancel stops Compare all: the run in progress ends cancelled and no other starts', { timeout: 240000 }, async () => {
  const { page, messages, errors } = await h.openPage(env.browser.context, `${env.server.url}?demo=primes&autorun=1`);
  await h.waitForApp(page);
  // One run has ended (the bars have something) and the next is under way.
  await page.waitForFunction(() => (window.conclab.state().primes.compare_progress?.done ?? 0) >= 1, null, { timeout: 200000, polling: 100 });
  const button = (await page.evaluate(() => window.conclab.state())).primes.run_button;
  await page.mouse.click(button.x + button.w / 2, button.y + button.h / 2);
  const result = await h.waitForResult(page, messages, 120000);
  assert.equal(result.mode, 'compare');
  assert.equal(result.cancelled, true);
  assert.ok(result.runs.length >= 2 && result.runs.length < 12, `${result.runs.length} runs of 12`);
  assert.equal(result.runs.at(-1).cancelled, true, 'the run in progress was cancelled');
  assert.ok(result.runs.slice(0, -1).every((r) => !r.cancelled), 'the runs before it had ended');
  const state = (await page.evaluate(() => window.conclab.state())).primes;
  assert.equal(state.running, false);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Compare all is the default view; a link naming an executor opens that executor alone', { timeout: 90000 }, async () => {
  for (const [query, mode] of [['', 'compare'], ['&executor=gil', 'single'], ['&executor=gil&compare=1', 'compare'], ['&compare=0', 'single']]) {
    const { page, errors } = await h.openPage(env.browser.context, `${env.server.url}?demo=primes${query}`);
    const state = (await h.waitForApp(page)).primes;
    assert.equal(state.mode, mode, `?demo=primes${query}`);
    assert.equal(state.repeats, 3);
    assert.deepEqual(errors, []);
    await page.close();
  }
  const { page } = await h.openPage(env.browser.context, `${env.server.url}?demo=primes&compare=1&repeats=0`);
  const state = await h.waitForApp(page);
  assert.match(state.error ?? '', /--repeats 0 is out of range: use 1 to 20/);
  await page.close();
});

test('the GIL timeline zooms onto the hand-offs with the wheel', { timeout: 240000 }, async () => {
  const { page, messages, errors } = await h.openPage(env.browser.context,
    `${env.server.url}?demo=primes&compare=1&sample=${encodeURIComponent('2**50')}&repeats=1&workers=2&autorun=1`);
  await page.setViewportSize({ width: 1280, height: 1400 });   // the whole panel, the timeline included, on screen
  await h.waitForApp(page);
  await h.waitForResult(page, messages, 200000);
  await h.waitForIdle(page);
  const before = (await page.evaluate(() => window.conclab.state())).primes.timeline;
  assert.equal(before.zoom, 1);
  const plot = before.plot;
  assert.ok(plot.w > 100 && plot.y + plot.h < 1400, `the timeline's plot is on screen: ${JSON.stringify(plot)}`);
  await page.mouse.move(plot.x + plot.w / 2, plot.y + plot.h / 2);
  for (let i = 0; i < 10; ++i) {
    await page.mouse.wheel(0, -120);   // up: zoom in around the pointer
    await page.waitForTimeout(50);
  }
  await page.waitForFunction(() => window.conclab.state().primes.timeline.zoom > 4, null, { timeout: 10000, polling: 100 })
    .catch(async () => assert.fail(`zoom ${(await page.evaluate(() => window.conclab.state())).primes.timeline.zoom} after ten wheel turns`));
  const after = (await page.evaluate(() => window.conclab.state())).primes.timeline;
  const span = (t) => t.to_s - t.from_s;
  assert.ok(span(after) < span(before) / 4, `the window shrank: ${span(before)} → ${span(after)} s`);
  assert.ok(after.from_s > before.from_s && after.to_s < before.to_s, 'zoomed around the middle, not an end');
  await h.waitForIdle(page);
  mkdirSync(h.screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(h.screenshotDir, 'primes-compare-gil-zoomed.png'),
    clip: { x: 0, y: Math.max(0, plot.y - 200), width: 1280, height: Math.min(600, 1400 - Math.max(0, plot.y - 200)) } });
  assert.deepEqual(errors, []);
  await page.close();
});

test('screenshots after a compare: 1280x800 and a 412x915 phone', { timeout: 300000 }, async () => {
  mkdirSync(h.screenshotDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: h.chromiumPath, headless: true, args: h.chromiumArgs });
  try {
    for (const [name, viewport, extra] of [['1280x800', { width: 1280, height: 800 }, {}],
      ['phone-412x915', { width: 412, height: 915 }, { deviceScaleFactor: 2, isMobile: true, hasTouch: true }]]) {
      for (const lang of ['en', 'pt']) {
        const context = await browser.newContext({ viewport, ...extra });
        const { page, messages, errors } = await h.openPage(context,
          `${env.server.url}?demo=primes&lang=${lang}&sample=${encodeURIComponent('2**50')}&workers=2&autorun=1`);
        await h.waitForApp(page);
        const result = await h.waitForResult(page, messages, 200000);
        checkCompare(result, { repeats: 3, workers: 2, sample: '2**50', checks: 21 });
        await h.waitForIdle(page);
        const png = await page.screenshot({ path: path.join(h.screenshotDir, `primes-compare-${name}-${lang}.png`) });
        const state = await page.evaluate(() => window.conclab.state());
        assert.ok(state.overflow_px < 1, `${name} ${lang}: the primes panel runs ${state.overflow_px} px past its edge`);
        assert.ok(await h.colourVariety(page, png) >= 20, `${name}: the canvas is drawn`);
        assert.deepEqual(errors, []);
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
});
