// The wikipics demo in the browser, with the page and `conclab serve --mirror` on one origin: a thread-pool
// run against a faulty mirror (errors and truncated bodies) autoruns from the query string and logs
// CONCLAB_RESULT with the CLI's JSON — every image accounted for, failures with their reasons, totals that
// add up — while the panel shows thumbnails and says that live Commons is unreachable (no internet here); the
// event loop (async) runs on the page too.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import * as h from './helpers.mjs';

const env = {};

// Chromium reports each failed request on the console (the injected 500/418s, cut bodies, unreachable Commons):
// those are the demo's subject; anything else is a real error.
const unexpected = (errors) => errors.filter((e) => !/net::ERR_|status of (404|418|429|500) /.test(e));
before(async () => {
  h.requireSite();
  [env.server, env.pinned] = await Promise.all([
    h.startIsolatedServer({ serveArgs: ['--mirror', '--seed', '7', '--error-rate', '0.25', '--truncate-rate', '0.25'] }),
    h.startIsolatedServer({ serveArgs: ['--mirror', '--seed', '7', '--pin-faults'] }),
  ]);
  env.browser = await h.launchBrowser();
});
after(async () => {
  await env.browser?.close();
  await env.server?.close();
  await env.pinned?.close();
});

// Every fault kind pinned to known images (`--pin-faults`): sequential and threads each report each pinned image
// with its own kind, and each good image with the bytes the mirror serves. (The event loop: wikipics_async.test.mjs.)
// Mirror seed 7 and sampling seed 5 give a sample of 30 with every kind in it (as the native CLI test checks).
for (const executor of ['sequential', 'threads']) {
  test(`${executor}: each pinned fault is reported per image as its own kind`, { timeout: 150000 }, async () => {
    const pins = await h.pinnedFaults(env.pinned.url);
    const api = `${env.pinned.url}w/api.php`;
    const { page, messages, errors } = await h.openPage(env.browser.context, `${env.pinned.url}?demo=wikipics` +
      `&net=instant&server=${encodeURIComponent(api)}&executor=${executor}&workers=8&count=30&size=40000&seed=5&timeout=3&autorun=1`);
    await h.waitForApp(page);
    const result = await h.waitForResult(page, messages, 120000);
    assert.equal(result.executor, executor);
    assert.equal(result.cancelled, false);
    assert.equal(result.images.length, 30);
    await h.checkPinnedFaults(result, pins, { timeoutMs: 3000 });
    assert.deepEqual(unexpected(errors), []);
    await page.close();
  });
}

test('threads against a faulty same-origin mirror: per-image errors with reasons, right totals, thumbnails',
  { timeout: 120000 }, async () => {
    const api = `${env.server.url}w/api.php`;
    const query = `?demo=wikipics&net=instant&server=${encodeURIComponent(api)}&count=8&size=150000&executor=threads&workers=4` +
      '&timeout=15&autorun=1';
    const { page, messages, errors } = await h.openPage(env.browser.context, env.server.url + query);
    await h.waitForApp(page);
    const result = await h.waitForResult(page, messages, 90000);
    assert.equal(result.demo, 'wikipics');
    assert.equal(result.executor, 'threads');
    assert.equal(result.workers, 4);
    assert.equal(result.server, api);
    assert.equal(result.cancelled, false);
    assert.equal(result.sample_error, undefined);
    assert.equal(result.images.length, 8, 'every image has a result');
    const failed = result.images.filter((i) => i.error !== null);
    const good = result.images.filter((i) => i.error === null);
    assert.ok(failed.length > 0, 'the mirror injected faults');
    assert.ok(good.length > 0, 'some images arrived');
    for (const image of result.images) {
      assert.match(image.worker, /^thread [1-4]$/);
      assert.ok(image.url.startsWith(`${env.server.url}images/`), image.url);
    }
    for (const image of failed) {
      assert.ok(['http_status', 'network'].includes(image.error), `${image.url}: ${image.error}`);
      assert.equal(typeof image.detail, 'string');
      assert.ok(image.detail.length > 0);
      if (image.error === 'http_status') assert.ok([500, 418].includes(image.status), `status ${image.status}`);
      else assert.equal(image.status, 0, 'a cut body gives status 0 in a browser');
    }
    assert.ok(failed.some((i) => i.error === 'network'), 'a truncated body is a network error in a browser');
    for (const image of good) {
      assert.equal(image.status, 200);
      assert.equal(image.bytes, await h.catalogBytes(image.url), `${image.url}: the size the mirror's catalog lists`);
      assert.ok(image.decode_s >= 0);
    }
    assert.equal(result.total_bytes, good.reduce((sum, i) => sum + i.bytes, 0));
    assert.equal(result.cpu.kind, 'unavailable', 'a browser measures no CPU time');
    assert.ok(result.startup_s >= 0 && result.startup_s < 60, `start-up ${result.startup_s} s, apart from wall_s`);

    // The panel: a thumbnail per good image, the mirror found, live Commons reported unreachable.
    await page.waitForFunction((n) => {
      const s = window.conclab.state().wikipics;
      return s.thumbnails === n && s.live !== 'checking';
    }, good.length, { timeout: 30000, polling: 250 });
    const state = (await page.evaluate(() => window.conclab.state())).wikipics;
    assert.equal(state.running, false);
    assert.equal(state.tiles, 8);
    assert.equal(state.mirror, 'yes');
    assert.equal(state.mirror_url, api);
    assert.equal(state.live, 'no', 'this machine has no internet');
    assert.ok(state.live_detail.length > 0);
    assert.equal(state.history, 1);
    mkdirSync(h.screenshotDir, { recursive: true });
    await page.locator('#canvas').screenshot({ path: path.join(h.screenshotDir, 'wikipics-web-en.png') });
    assert.deepEqual(unexpected(errors), []);
    await page.close();
  });

test('bad options show beside their fields, and the Portuguese panel draws', { timeout: 60000 }, async () => {
  const { page, errors } = await h.openPage(env.browser.context,
    `${env.server.url}?demo=wikipics&lang=pt&count=0&server=ftp://nope&executor=sequential`);
  await h.waitForApp(page);
  const state = await page.evaluate(() => window.conclab.state());
  assert.equal(state.demo, 'wikipics');
  assert.match(state.wikipics.errors.count, /count/);
  assert.match(state.wikipics.errors.server, /ftp:\/\/nope/);
  assert.equal(state.wikipics.executor, 'sequential');
  await page.waitForFunction(() => window.conclab.state().wikipics.mirror === 'yes', null, { timeout: 30000, polling: 250 });
  await h.waitForIdle(page);
  await page.locator('#canvas').screenshot({ path: path.join(h.screenshotDir, 'wikipics-web-pt.png') });
  assert.deepEqual(unexpected(errors), []);
  await page.close();

  // The event loop (async) is offered on the web too (it used to be refused beside the field): the same faulty
  // mirror, every image accounted for, on one loop. (wikipics_async.test.mjs checks overlap, resets and Cancel.)
  const asyncPage = await h.openPage(env.browser.context,
    `${env.server.url}?demo=wikipics&net=instant&server=${encodeURIComponent(`${env.server.url}w/api.php`)}&executor=async&max-req=4` +
    '&count=6&size=100000&timeout=15&autorun=1');
  await h.waitForApp(asyncPage.page);
  const result = await h.waitForResult(asyncPage.page, asyncPage.messages, 60000);
  assert.equal(result.executor, 'async');
  assert.equal(result.workers, 4, 'max-req');
  assert.equal(result.images.length, 6);
  for (const image of result.images) {
    assert.equal(image.worker, 'event loop');
    if (image.error !== null) assert.ok(['http_status', 'network'].includes(image.error), `${image.error}: ${image.detail}`);
  }
  const asyncState = (await asyncPage.page.evaluate(() => window.conclab.state())).wikipics;
  assert.equal(asyncState.errors, undefined, 'no refusal beside the executor field');
  assert.deepEqual(unexpected(asyncPage.errors), []);
  await asyncPage.page.close();
});

// A phone held upright (412x915 CSS px, device pixel ratio 2, touch) in Portuguese: after a run the panel puts
// each label above its field, the gallery above the lanes, and keeps executor, wall time and speedup in the runs
// table (MB/s and CPU do not fit whole there); a 1280x800 desktop keeps all of them side by side. The System
// panel's note on process counts is in Portuguese too.
test('a phone in PT: labels above fields, stacked parts, a folded runs table; a desktop keeps them all',
  { timeout: 120000 }, async () => {
    const api = `${env.server.url}w/api.php`;
    const query = `?demo=wikipics&lang=pt&net=instant&server=${encodeURIComponent(api)}&count=6&size=100000&executor=threads` +
      '&workers=3&timeout=15&autorun=1';
    const browser = await chromium.launch({ executablePath: h.chromiumPath, headless: true, args: h.chromiumArgs });
    try {
      for (const [name, options, expected] of [
        ['phone', { viewport: { width: 412, height: 915 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
          { layout: 'narrow', labels_above: true, stacked: true, folded: true }],
        ['desktop', { viewport: { width: 1280, height: 800 } },
          { layout: 'wide', labels_above: false, stacked: false, folded: false }],
      ]) {
        const context = await browser.newContext(options);
        const { page, messages, errors } = await h.openPage(context, env.server.url + query);
        await h.waitForApp(page);
        await h.waitForResult(page, messages, 90000);
        await h.waitForIdle(page);
        const state = await page.evaluate(() => window.conclab.state());
        assert.equal(state.layout, expected.layout, name);
        assert.ok(state.overflow_px < 1, `${name}: content runs ${state.overflow_px} px past the panel's edge`);
        assert.equal(state.wikipics.history, 1, name);
        const drawn = state.wikipics.layout;
        assert.equal(drawn.labels_above, expected.labels_above, name);
        assert.equal(drawn.stacked, expected.stacked, name);
        // Executor, wall time and speedup always, in the table's order; what is folded depends on the widths.
        const all = ['Executor', 'Relógio', 'MB/s', 'CPU', 'Aceleração'];
        assert.deepEqual(drawn.history_columns, all.filter((c) => drawn.history_columns.includes(c)), `${name}: order`);
        for (const kept of ['Executor', 'Relógio', 'Aceleração']) assert.ok(drawn.history_columns.includes(kept), `${name}: ${kept}`);
        assert.equal(drawn.history_columns.length < all.length, expected.folded, `${name}: ${drawn.history_columns}`);
        assert.deepEqual(unexpected(errors), [], name);
        if (name === 'phone') {
          const system = await h.openPage(context, `${env.server.url}?demo=system&lang=pt`);
          await h.waitForApp(system.page);
          const shown = (await system.page.evaluate(() => window.conclab.state())).system.counts_note_shown;
          assert.match(shown, /uma página web não enxerga/);
          assert.ok((await system.page.evaluate(() => window.conclab.state())).overflow_px < 1, 'system: nothing clipped');
          assert.deepEqual(system.errors, []);
        }
        await context.close();
      }
    } finally {
      await browser.close();
    }
  });
