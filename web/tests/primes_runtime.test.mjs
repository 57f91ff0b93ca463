// The primes panel's runtime choice on the page (issue 21): the machine's CPython is native only, so the page shows
// the choice disabled with the reason beside it (EN and PT), and a link asking for it says so beside the field
// instead of running anything.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as h from './helpers.mjs';

const env = h.useIsolatedServerAndBrowser();

for (const [lang, reason] of [['en', /^native only — the page's Python runtime is Pyodide$/], ['pt', /^só no app nativo — .*Pyodide$/]]) {
  test(`the CPython runtime is visibly native only on the page (${lang})`, { timeout: 120000 }, async () => {
    const url = `${env.server.url}?demo=primes&lang=${lang}&executor=threads&workers=2&runtime=python&numbers=15%2049`;
    const { page, errors } = await h.openPage(env.browser.context, url);
    const before = await h.waitForApp(page);
    const panel = before.primes;
    assert.equal(panel.runtime, 'python', 'the link chose it');
    assert.equal(panel.runtime_available, false);
    assert.match(panel.runtime_note, reason);
    await page.evaluate(() => window.conclab.autorun());
    await page.waitForFunction(() => { const s = window.conclab.state(); return s.primes.errors?.runtime; }, null,
      { timeout: 30000, polling: 200 });
    const after = await page.evaluate(() => window.conclab.state());
    const p = after.primes;
    assert.match(p.errors.runtime, /native only: the page's Python runtime is Pyodide/);
    assert.equal(p.run, undefined, 'nothing ran');
    assert.deepEqual(errors, []);
    await page.close();
  });
}
