// The shipped page — build/web from `make web`, without the process pool's test hooks, as GitHub Pages publishes
// it — smoke-tested in the browser: it loads cross-origin isolated (from `conclab serve`, and from a plain static
// host through its coi-serviceworker), every demo's panel draws, and one autorun per demo that has one logs
// CONCLAB_RESULT. The rest of the suite runs against build/web-test; this file needs CONCLAB_SHIPPED_WEB_DIR
// (e.g. $(CURDIR)/build/web) and is skipped, saying why, without it.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import * as h from './helpers.mjs';

const shippedDir = process.env.CONCLAB_SHIPPED_WEB_DIR ? path.resolve(process.env.CONCLAB_SHIPPED_WEB_DIR) : null;
const missing = shippedDir
  ? [...h.siteFiles, 'coi-serviceworker.min.js'].filter((f) => !existsSync(path.join(shippedDir, f)))
  : [];
const skipReason = !shippedDir
  ? 'CONCLAB_SHIPPED_WEB_DIR is not set: build the shipped page (make web) and point it at build/web'
  : missing.length ? `${shippedDir} lacks ${missing.join(', ')}: build the shipped page first (make web)` : null;
if (skipReason) console.log(`# shipped page: SKIPPED — ${skipReason}`);

const env = {};
// Chromium logs each request the mirror answers with an error; none are asked for here, but keep the filter
// the wikipics tests use so that a stray one names itself.
const unexpected = (errors) => errors.filter((e) => !/net::ERR_|status of (404|418|429|500) /.test(e));

before(async () => {
  if (skipReason) return;
  env.server = await h.startIsolatedServer({ dir: shippedDir, serveArgs: ['--mirror', '--seed', '3'] });
  env.browser = await h.launchBrowser();
});
after(async () => {
  await env.browser?.close();
  await env.server?.close();
});

// Each demo with its autorun (a short one, query from the server's URL) and what its CONCLAB_RESULT must say; the
// System demo has no run.
const demos = [
  ['system', () => '', null],
  ['primes', () => '&executor=threads&workers=2&sample=2**44&autorun=1', (r) => {
    assert.equal(r.demo, 'primes');
    assert.equal(r.finished, true);
    assert.equal(r.results.length, r.checks);
  }],
  ['exhibition', () => '&boards=2&moves=4&speed=max&autorun=1', (r) => {
    assert.equal(r.demo, 'exhibition');
    assert.equal(r.finished, true);
    assert.equal(r.boards_result.length, 2);
  }],
  ['wikipics', (url) => `&net=instant&server=${encodeURIComponent(`${url}w/api.php`)}&executor=threads&workers=2&count=3` +
    '&size=40000&timeout=20&autorun=1', (r) => {
    assert.equal(r.demo, 'wikipics');
    assert.equal(r.sample_error, undefined);
    assert.equal(r.images.length, 3);
    for (const image of r.images) assert.equal(image.error, null, JSON.stringify(image));
  }],
  ['lab', () => '&suite=latency&quick=1&autorun=1', (r) => {
    assert.deepEqual(Object.keys(r), ['latency']);
    assert.ok(r.latency.measures.length > 0);
  }],
];

for (const [demo, query, check] of demos) {
  test(`shipped page: ${demo} loads isolated, its panel draws${check ? ', its autorun logs CONCLAB_RESULT' : ''}`,
    { timeout: 180000 }, async (t) => {
      if (skipReason) return t.skip(skipReason);
      const { page, messages, errors } = await h.openPage(env.browser.context, `${env.server.url}?demo=${demo}${query(env.server.url)}`);
      const state = await h.waitForApp(page).catch(async (e) => assert.fail(`${demo}: the shipped page never became ready ` +
        `(page says: ${await page.textContent('#title').catch(() => '?')}): ${e.message}`));
      assert.equal(state.demo, demo);
      assert.equal(state.isolated, true);
      assert.equal(await page.evaluate(() => window.crossOriginIsolated), true, 'cross-origin isolated');
      assert.ok((await page.evaluate(() => window.conclab.frames())).count > 0, 'the panel was drawn');
      const png = await page.locator('#canvas').screenshot();
      assert.ok(await h.colourVariety(page, png) > 8, `${demo}: the canvas shows a drawn panel, not a blank fill`);
      if (check) check(await h.waitForResult(page, messages, 150000));
      assert.deepEqual(unexpected(errors), []);
      await page.close();
    });
}

test('shipped page on a static host without headers: the service worker makes it isolated', { timeout: 120000 }, async (t) => {
  if (skipReason) return t.skip(skipReason);
  const plain = await h.startNodeServer({ isolation: false, dir: shippedDir });
  try {
    const { page, messages, errors } = await h.openPage(env.browser.context,
      `${plain.url}?demo=primes&executor=threads&workers=2&sample=2**44&autorun=1`);
    const state = await h.waitForApp(page, 90000).catch(async (e) => assert.fail('the shipped page never became ready on ' +
      `a static host (page says: ${await page.textContent('#title').catch(() => '?')}): ${e.message}`));
    assert.equal(state.isolated, true);
    assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'coi-serviceworker controls the page');
    const result = await h.waitForResult(page, messages, 120000);
    assert.equal(result.finished, true);
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    await plain.close();
  }
});
