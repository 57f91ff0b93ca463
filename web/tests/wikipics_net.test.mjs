// The I/O lesson at the page's defaults: `?demo=wikipics&autorun=1` with no server= against `conclab serve --mirror`
// waits for the page to find its mirror, runs there with the talk's network profile, and the mirror's own log shows
// the browser's downloads overlapping (Chromium's 6 connections per host at most). What was used and what overlapped
// are checked, never how fast.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as h from './helpers.mjs';

const env = {};
const unexpected = (errors) => errors.filter((e) => !/net::ERR_/.test(e));   // unreachable Commons is the subject

before(async () => {
  h.requireSite();
  env.server = await h.startIsolatedServer({ serveArgs: ['--mirror'] });
  env.browser = await h.launchBrowser();
});
after(async () => {
  await env.browser?.close();
  await env.server?.close();
});

// The most intervals [started_s, ended_s) open at one time.
function mostAtOnce(records) {
  const edges = records.flatMap((r) => [[r.started_s, 1], [r.ended_s, -1]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let most = 0;
  for (const [, step] of edges) most = Math.max(most, open += step);
  return most;
}

test('autorun with no server= waits for the mirror and runs the talk profile, requests overlapping',
  { timeout: 180000 }, async () => {
    const { page, messages, errors } = await h.openPage(env.browser.context, `${env.server.url}?demo=wikipics&autorun=1`);
    await h.waitForApp(page);
    const result = await h.waitForResult(page, messages, 150000);
    const api = `${env.server.url}w/api.php`;
    assert.equal(result.demo, 'wikipics');
    assert.equal(result.server, api, 'the page\'s own mirror, not live Commons');
    assert.equal(result.net, 'talk');
    assert.equal(result.executor, 'threads');
    assert.equal(result.count, 12);
    assert.equal(result.images.length, 12);
    for (const image of result.images) assert.equal(image.error, null, JSON.stringify(image));

    const log = await (await fetch(`${env.server.url}mirror-log`)).json();
    const names = new Set(result.images.map((i) => decodeURIComponent(i.url.slice(i.url.lastIndexOf('/') + 1))));
    const downloads = log.requests.filter((r) => r.kind === 'image' && names.has(r.name));
    assert.equal(downloads.length, 12, 'each image asked for once');
    for (const r of downloads) {
      assert.equal(r.net, 'talk');
      assert.ok(r.delay_s >= 0.2 && r.delay_s <= 1.0, `talk latency ${r.delay_s}`);
      assert.equal(r.bandwidth, 2000000);
      assert.notEqual(r.ended_s, null);
    }
    assert.ok(log.requests.filter((r) => r.kind === 'api').every((r) => r.net === 'talk' || r.net === ''),
      'the API requests carry the profile (the probe asks without)');
    const together = mostAtOnce(downloads);
    assert.ok(together >= Math.min(6, result.count), `${together} downloads in flight at once by the mirror's log`);

    const state = (await page.evaluate(() => window.conclab.state())).wikipics;
    assert.equal(state.net, 'talk');
    assert.equal(state.mirror, 'yes');
    assert.equal(state.server_source, 'page mirror');
    assert.equal(state.autorun_pending, false);
    assert.equal(state.net_greyed, false);
    assert.equal(state.live_note.warning, false, 'Commons unreachable is a note, not a warning, beside the mirror');
    assert.deepEqual(unexpected(errors), []);
    await page.close();
  });

// The event loop's requests are asynchronous fetches: Chromium holds them to 6 connections per host, the rest wait
// in its queue — the page's fetch layer reads that queue from Resource Timing ("queued_s", drawn dark in the lanes).
// A browser of its own: the threads' synchronous requests (which may pass the limit) leave up to 12 keep-alive
// connections open, and Chromium reuses idle connections past the limit.
test('the event loop on the page: six on the wire at once, the queue known per request', { timeout: 180000 }, async () => {
  const browser = await h.launchBrowser();
  after(() => browser.close());
  const { page, messages, errors } = await h.openPage(browser.context,
    `${env.server.url}?demo=wikipics&executor=async&autorun=1`);
  await h.waitForApp(page);
  const result = await h.waitForResult(page, messages, 150000);
  assert.equal(result.server, `${env.server.url}w/api.php`);
  assert.equal(result.net, 'talk');
  assert.equal(result.executor, 'async');
  assert.equal(result.workers, 12, 'twelve requests in flight allowed: the browser is the limit');
  for (const image of result.images) {
    assert.equal(image.error, null, JSON.stringify(image));
    assert.equal(typeof image.queued_s, 'number', `the fetch layer tells the queue: ${JSON.stringify(image)}`);
  }
  const log = await (await fetch(`${env.server.url}mirror-log`)).json();
  const names = new Set(result.images.map((i) => decodeURIComponent(i.url.slice(i.url.lastIndexOf('/') + 1))));
  const downloads = log.requests.filter((r) => r.kind === 'image' && names.has(r.name) && r.started_s >= 0);
  const recent = downloads.slice(-12);   // this run's (the first test asked for the same images)
  assert.equal(mostAtOnce(recent), 6, 'Chromium keeps 6 HTTP/1.1 connections per host: two waves');
  await page.waitForFunction(() => window.conclab.state().wikipics.thumbnails === 12, null, { timeout: 30000, polling: 250 });
  await page.locator('#canvas').screenshot({ path: `${h.screenshotDir}/wikipics-async-talk-en.png` });
  assert.deepEqual(unexpected(errors), []);
  await page.close();
});

// Live Commons chosen: the network profiles are greyed out (they are the mirror's), and Commons unreachable is a
// warning — in Portuguese on a Portuguese page, its reason too.
test('live Commons chosen on a PT page: no profile, the unreachable warning in Portuguese', { timeout: 60000 }, async () => {
  const { page } = await h.openPage(env.browser.context, `${env.server.url}?demo=wikipics&lang=pt&server=live`);
  await h.waitForApp(page);
  await page.waitForFunction(() => window.conclab.state().wikipics.live_note, null, { timeout: 30000, polling: 250 });
  const state = (await page.evaluate(() => window.conclab.state())).wikipics;
  assert.equal(state.server, 'live');
  assert.equal(state.net_greyed, true);
  assert.equal(state.live_note.warning, true);
  assert.match(state.live_note.text, /^O Wikimedia Commons \(ao vivo\) não está acessível daqui: (rede|tempo esgotado|erro HTTP)/);
  await page.close();
});
