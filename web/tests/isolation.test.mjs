// A static host without COOP/COEP headers: coi-serviceworker reloads the page once and it runs
// cross-origin isolated (Pyodide's workers too); without the service worker the page explains what is missing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import * as h from './helpers.mjs';

let plain, browser;
before(async () => {
  h.requireSite();
  plain = await h.startNodeServer({ isolation: false });
  browser = await h.launchBrowser();
});
after(async () => {
  await browser?.close();
  await plain?.close();
});

test('without headers the service worker makes the page isolated', { timeout: 120000 }, async () => {
  const headers = (await fetch(plain.url)).headers;
  assert.equal(headers.get('cross-origin-embedder-policy'), null, 'the plain server sends no COEP');
  const { page, errors } = await h.openPage(browser.context, plain.url + '?demo=system');
  const state = await h.waitForApp(page, 90000);
  assert.equal(state.isolated, true);
  assert.equal(await page.evaluate(() => window.crossOriginIsolated), true);
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'a service worker controls the page');
  assert.deepEqual(errors, []);
  await page.close();
});

// Python on a static host: the page, its Pyodide workers and their downloads all pass through coi-serviceworker,
// which gives each answer the headers the host does not send; the interpreters boot and check the talk's lpf.
test('without headers Pyodide boots under the service worker and finds every lpf', { timeout: 240000 }, async () => {
  const numbers = ['7', '91', '1000003', '999999999989', '1000036000099'];
  const { page, messages, errors } = await h.openPage(browser.context, plain.url +
    `?demo=primes&runtime=python&executor=processes&workers=2&numbers=${numbers.join('+')}&autorun=1`);
  await h.waitForApp(page, 90000);
  assert.equal(await page.evaluate(() => window.crossOriginIsolated), true);
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'the service worker gave the headers');
  const result = await h.waitForResult(page, messages, 200000);
  assert.equal(result.finished, true);
  assert.equal(result.runtime.name, 'Pyodide');
  assert.equal(result.results.length, numbers.length);
  for (const r of result.results) {
    assert.equal(r.error, undefined, `${r.n}: ${r.error}`);
    assert.equal(r.lpf, String(h.leastPrimeFactor(Number(r.n))), `lpf(${r.n})`);
  }
  assert.deepEqual([...new Set(result.results.map((r) => r.worker))].sort(), ['Pyodide worker 1', 'Pyodide worker 2']);
  const pyodideFiles = plain.served.filter((s) => s.path.includes('/pyodide/'));
  assert.ok(pyodideFiles.some((s) => s.path.endsWith('/pyodide.asm.wasm') && s.status === 200), 'served by the plain host');
  assert.deepEqual(errors, []);
  await page.close();
});

test('without headers and without the service worker the page says why', { timeout: 60000 }, async () => {
  const bare = await h.startNodeServer({ isolation: false, hide: ['coi-serviceworker.min.js'] });
  try {
    const { page } = await h.openPage(browser.context, bare.url);
    await page.waitForSelector('#overlay.failed', { timeout: 30000 });
    const title = await page.textContent('#title');
    const detail = await page.textContent('#detail');
    assert.match(title, /not cross-origin isolated/);
    assert.match(detail, /SharedArrayBuffer/);
    assert.match(detail, /conclab serve/);
    await page.close();
  } finally {
    await bare.close();
  }
});

test('a wasm that cannot be downloaded is reported on the page', { timeout: 60000 }, async () => {
  const broken = await h.startNodeServer({ isolation: true, hide: ['index.wasm'] });
  try {
    const { page } = await h.openPage(browser.context, broken.url);
    await page.waitForSelector('#overlay.failed', { timeout: 30000 });
    assert.equal(await page.textContent('#title'), 'The app could not be loaded');
    assert.match(await page.textContent('#detail'), /index\.wasm: HTTP 404/);
    await page.close();
  } finally {
    await broken.close();
  }
});

// A browser with the WebGL2 API but no context to give (WebGL turned off, a blocklisted GPU): the app's own
// context creation fails and the page says so — there is no probe context of the page's own.
test('a browser that gives no WebGL2 context is told so on the page', { timeout: 60000 }, async () => {
  const isolatedServer = await h.startNodeServer({ isolation: true });
  const noGl = await chromium.launch({ executablePath: h.chromiumPath, headless: true, args: [...h.chromiumArgs, '--disable-webgl2'] });
  try {
    const page = await noGl.newPage();
    await page.goto(isolatedServer.url + '?demo=system');
    await page.waitForSelector('#overlay.failed', { timeout: 30000 });
    assert.equal(await page.textContent('#title'), 'This browser cannot draw the app (no WebGL2)');
    assert.match(await page.textContent('#detail'), /hardware acceleration/);
    assert.equal(await page.evaluate(() => window.conclab?.ready ?? false), false);
  } finally {
    await noGl.close();
    await isolatedServer.close();
  }
});
