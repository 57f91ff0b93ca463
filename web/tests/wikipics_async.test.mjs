// The wikipics demo's event loop (executor=async) in the browser: core's coroutine loop on the run's coordinator
// pthread, each request an asynchronous emscripten_fetch on the page's main thread. Against `conclab serve
// --mirror` on the page's origin: a faulty, delayed mirror (every image accounted for, reasons, totals, requests
// really in flight together), and Cancel clicked mid-run on a throttled mirror for the event loop (the requests
// in flight are aborted) and for threads (a synchronous request in flight cannot be: the rest never start,
// and the panel says so). After each Cancel the page still answers. And a fetch past its timeout is "timeout".
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import * as h from './helpers.mjs';

const env = {};
// Chromium logs each failed request (the injected 500/418s, resets, cut bodies, aborted ones): the subject here.
const unexpected = (errors) => errors.filter((e) => !/net::ERR_|status of (404|418|429|500) /.test(e));

before(async () => {
  h.requireSite();
  [env.faulty, env.slow, env.pinned] = await Promise.all([
    h.startIsolatedServer({
      serveArgs: ['--mirror', '--seed', '11', '--error-rate', '0.15', '--truncate-rate', '0.15', '--reset-rate', '0.15',
        '--rate-limit-rate', '0.15', '--delay', '0.3..0.6'],
    }),
    h.startIsolatedServer({ serveArgs: ['--mirror', '--seed', '3', '--bandwidth', '60000'] }),
    h.startIsolatedServer({ serveArgs: ['--mirror', '--seed', '7', '--pin-faults'] }),
  ]);
  env.browser = await h.launchBrowser();
});
after(async () => {
  await env.browser?.close();
  await env.faulty?.close();
  await env.slow?.close();
  await env.pinned?.close();
});

// Every fault kind pinned to known images (`--pin-faults`, the same sample as wikipics.test.mjs's sequential and
// threads runs): the event loop reports each pinned image with its own kind — the timeout through Fetch.js's
// ontimeout, not as "network" — and each good image with the bytes the mirror serves.
test('the event loop: each pinned fault is reported per image as its own kind', { timeout: 150000 }, async () => {
  const pins = await h.pinnedFaults(env.pinned.url);
  const api = `${env.pinned.url}w/api.php`;
  const { page, messages, errors } = await h.openPage(env.browser.context, `${env.pinned.url}?demo=wikipics` +
    `&net=instant&server=${encodeURIComponent(api)}&executor=async&max-req=8&count=30&size=40000&seed=5&timeout=3&autorun=1`);
  await h.waitForApp(page);
  const result = await h.waitForResult(page, messages, 120000);
  assert.equal(result.executor, 'async');
  assert.equal(result.cancelled, false);
  assert.equal(result.images.length, 30);
  await h.checkPinnedFaults(result, pins, { timeoutMs: 3000 });
  await page.waitForFunction(() => Module.conclabAsyncFetches.open === 0, null, { timeout: 10000, polling: 50 });
  assert.deepEqual(unexpected(errors), []);
  await page.close();
});

// The most requests in flight at one moment, from each image's [started_s, started_s + elapsed_s].
function maxInFlight(images) {
  const edges = images.flatMap((i) => [[i.started_s, 1], [i.started_s + i.elapsed_s, -1]]);
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let most = 0;
  for (const [, step] of edges) most = Math.max(most, (now += step));
  return most;
}

test('the event loop against a faulty, delayed mirror: every image, reasons, totals, requests overlapped',
  { timeout: 90000 }, async () => {
    const api = `${env.faulty.url}w/api.php`;
    const { page, messages, errors } = await h.openPage(env.browser.context, `${env.faulty.url}?demo=wikipics` +
      `&net=instant&server=${encodeURIComponent(api)}&executor=async&max-req=6&count=12&size=100000&timeout=15&autorun=1`);
    await h.waitForApp(page);
    const result = await h.waitForResult(page, messages, 60000);
    assert.equal(result.executor, 'async');
    assert.equal(result.workers, 6, 'max-req');
    assert.equal(result.cancelled, false);
    assert.equal(result.images.length, 12, 'every image has a result');
    assert.equal(new Set(result.images.map((i) => i.url)).size, 12);
    const failed = result.images.filter((i) => i.error !== null);
    const good = result.images.filter((i) => i.error === null);
    assert.ok(failed.length > 0 && good.length > 0, `${failed.length} failed, ${good.length} good`);
    for (const image of result.images) assert.equal(image.worker, 'event loop');
    for (const image of failed) {
      assert.ok(['http_status', 'rate_limited', 'network'].includes(image.error), `${image.url}: ${image.error} ${image.detail}`);
      assert.ok(image.detail.length > 0);
      if (image.error === 'http_status') assert.ok([500, 418].includes(image.status), `status ${image.status}`);
      else if (image.error === 'rate_limited') assert.deepEqual([image.status, image.retry_after_s], [429, 1], image.url);
      else assert.match(image.detail, /status 0.*a browser does not say which/);
    }
    for (const image of good) {
      assert.equal(image.status, 200);
      assert.equal(image.bytes, await h.catalogBytes(image.url), `${image.url}: the size the mirror's catalog lists`);
    }
    assert.equal(result.total_bytes, good.reduce((sum, i) => sum + i.bytes, 0));
    const most = maxInFlight(result.images);
    assert.ok(most > 1, `at most ${most} request(s) in flight at once: the loop did not overlap them`);
    assert.ok(most <= 6, `${most} in flight with max-req 6`);
    const state = (await page.evaluate(() => window.conclab.state())).wikipics;
    assert.equal(state.running, false);
    assert.equal(state.tiles, 12);
    assert.equal(state.web_cancel_note, false);
    // Every asynchronous fetch was closed (after its own completion): none left open, none aborted.
    const fetches = await page.evaluate(() => Module.conclabAsyncFetches);
    assert.deepEqual(fetches, { open: 0, aborted: 0 });
    await h.waitForIdle(page);
    mkdirSync(h.screenshotDir, { recursive: true });
    await page.locator('#canvas').screenshot({ path: path.join(h.screenshotDir, 'wikipics-web-async-en.png') });
    assert.deepEqual(unexpected(errors), []);
    await page.close();
  });

// Starts a slow run, clicks Cancel as soon as a request is in flight, and returns the CONCLAB_RESULT.
async function cancelMidRun(executor, extra) {
  const api = `${env.slow.url}w/api.php`;
  const opened = await h.openPage(env.browser.context, `${env.slow.url}?demo=wikipics&net=instant&server=${encodeURIComponent(api)}` +
    `&executor=${executor}&count=8&size=200000&timeout=60${extra}&autorun=1`);
  const { page, messages } = opened;
  await h.waitForApp(page);
  const running = await page.waitForFunction(() => {
    const s = window.conclab.state().wikipics;
    return s.running && s.in_flight > 0 && s.cancel_button ? s : null;
  }, null, { timeout: 30000, polling: 100 });
  const state = await running.jsonValue();
  const canvas = await page.locator('#canvas').boundingBox();
  // Click where the last frame drew Cancel. The panel can move it between reading and clicking (the live Commons
  // probe's answer adds lines above it): then click again where it is now, as a student would.
  for (let attempt = 1; ; ++attempt) {
    const b = (await page.evaluate(() => window.conclab.state().wikipics.cancel_button));
    if (!b) break;   // no Cancel drawn: the run has ended (the result says how)
    await page.mouse.click(canvas.x + b.x + b.w / 2, canvas.y + b.y + b.h / 2);
    const asked = await page.waitForFunction(() => {
      const w = window.conclab.state().wikipics;
      return w.cancel_asked === true || !w.running;   // the event loop's run ends at once: no longer "asked"
    }, null, { timeout: 2000, polling: 50 }).then(() => true, () => false);
    if (asked || attempt === 3) break;
  }
  const result = await h.waitForResult(page, messages, 60000);
  // The page still answers: state() and a frame after input.
  const after = (await page.evaluate(() => window.conclab.state())).wikipics;
  assert.equal(after.running, false);
  const before = (await page.evaluate(() => window.conclab.frames())).count;
  await page.mouse.move(200, 200);
  await page.mouse.move(240, 220);
  await page.waitForFunction((n) => window.conclab.frames().count > n, before, { timeout: 5000, polling: 50 });
  return { ...opened, state, result, after };
}

test('Cancel mid-run: the event loop aborts its requests in flight; threads let theirs end; the page answers',
  { timeout: 120000 }, async () => {
    // The event loop: 3 requests of ~3 s each in flight when Cancel is clicked; they end at once as cancelled.
    const loop = await cancelMidRun('async', '&max-req=3');
    assert.equal(loop.state.web_cancel_note, false, 'the event loop needs no caveat');
    assert.equal(loop.result.cancelled, true);
    assert.equal(loop.result.images.length, 8, 'every image accounted for');
    const aborted = loop.result.images.filter((i) => i.error === 'cancelled' && /aborted/.test(i.detail));
    const notStarted = loop.result.images.filter((i) => i.error === 'cancelled' && i.detail === 'not started');
    assert.ok(aborted.length > 0, 'a request in flight was aborted, not left to finish');
    assert.ok(notStarted.length > 0, 'the rest never started');
    for (const image of loop.result.images) assert.ok(image.error === null || image.error === 'cancelled', image.detail);
    for (const image of aborted) assert.ok(image.bytes < 200000 * 2, `${image.bytes} bytes had arrived`);
    // Their XHRs were really aborted (not left to finish into a closed fetch), then every fetch was closed.
    await loop.page.waitForFunction(() => Module.conclabAsyncFetches.open === 0, null, { timeout: 10000, polling: 50 });
    const fetches = await loop.page.evaluate(() => Module.conclabAsyncFetches);
    assert.ok(fetches.aborted >= 1 && fetches.aborted <= aborted.length, `${fetches.aborted} XHRs aborted`);
    assert.deepEqual(unexpected(loop.errors), []);
    await loop.page.close();

    // Threads: a synchronous XHR in flight cannot be aborted from another thread; it ends on its own (here it
    // completes: 200 KB at 60 KB/s, well within its 60 s timeout) and the images not started are cancelled.
    const threads = await cancelMidRun('threads', '&workers=2');
    assert.equal(threads.state.web_cancel_note, true, 'the panel says a request in flight cannot be aborted');
    assert.equal(threads.result.cancelled, true);
    assert.equal(threads.result.images.length, 8, 'every image accounted for');
    const started = threads.result.images.filter((i) => i.detail !== 'not started');
    const skipped = threads.result.images.filter((i) => i.error === 'cancelled' && i.detail === 'not started');
    assert.ok(skipped.length > 0, 'the images not started are cancelled');
    assert.ok(started.length >= 1 && started.length <= 8 - skipped.length);
    for (const image of started) {
      assert.ok(/^thread [12]$/.test(image.worker), image.worker);
      assert.ok(image.error === null || image.error === 'timeout', `${image.error}: ${image.detail} (ends on its own)`);
    }
    assert.deepEqual(unexpected(threads.errors), []);
    await threads.page.close();
  });

test('the event loop\'s timeout: an asynchronous fetch past its timeout is "timeout", not "network"', { timeout: 60000 },
  async () => {
    // 200 KB at 60 KB/s take ~3.3 s: with timeout=1 every download times out (xhr.timeout, reported by Fetch.js
    // through onerror with status 0 like a network failure; the wrapped ontimeout tells them apart).
    const api = `${env.slow.url}w/api.php`;
    const { page, messages, errors } = await h.openPage(env.browser.context, `${env.slow.url}?demo=wikipics` +
      `&net=instant&server=${encodeURIComponent(api)}&executor=async&max-req=3&count=3&size=200000&timeout=1&autorun=1`);
    await h.waitForApp(page);
    const result = await h.waitForResult(page, messages, 30000);
    assert.equal(result.images.length, 3);
    for (const image of result.images) {
      assert.equal(image.error, 'timeout', `${image.error}: ${image.detail}`);
      assert.match(image.detail, /no complete answer within 1000 ms/);
      assert.equal(image.status, 0);
      assert.ok(image.bytes < 200000, `${image.bytes} bytes had arrived`);
    }
    await page.waitForFunction(() => Module.conclabAsyncFetches.open === 0, null, { timeout: 10000, polling: 50 });
    assert.deepEqual(unexpected(errors), []);
    await page.close();
  });
