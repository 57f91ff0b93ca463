// The primes panel's runtime choice on the page (issues 21, 23): the page's Python is Pyodide, offered with its note
// (EN and PT); a link asking it for threads is refused beside the executor, with the reason, and nothing runs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as h from './helpers.mjs';

const env = h.useIsolatedServerAndBrowser();

for (const [lang, note, refusal] of [['en', /Pyodide, CPython 3\.14 for wasm/, /^Pyodide has no threads/],
  ['pt', /Pyodide, o CPython 3\.14 para wasm/, /^O Pyodide não tem threads/]]) {
  test(`the page's Python is Pyodide, and it has no threads (${lang})`, { timeout: 120000 }, async () => {
    const url = `${env.server.url}?demo=primes&lang=${lang}&executor=threads&workers=2&runtime=python&numbers=15%2049`;
    const { page, errors } = await h.openPage(env.browser.context, url);
    const before = await h.waitForApp(page);
    const panel = before.primes;
    assert.equal(panel.runtime, 'python', 'the link chose it');
    assert.equal(panel.runtime_available, true);
    assert.match(panel.runtime_note, note);
    await page.evaluate(() => window.conclab.autorun());
    await page.waitForFunction(() => { const s = window.conclab.state(); return s.primes.errors?.executor; }, null,
      { timeout: 30000, polling: 200 });
    const p = (await page.evaluate(() => window.conclab.state())).primes;
    assert.match(p.errors.executor, refusal);
    assert.equal(p.run, undefined, 'nothing ran');
    assert.deepEqual(errors, []);
    await page.close();
  });
}
