// README's picture of the page's Python beside the C++: Pyodide processes ×2 on make_sample(2**SAMPLE), then the same
// sample on the C++ (the Runtime combo clicked, the run started as a student's Run would), both rows in the history.
// Usage: node bench/pyodide_screenshot.mjs [OUT.png] [SAMPLE]   (default build/screenshots/primes-pyodide-web-en.png, 2**44)
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import * as h from '../tests/helpers.mjs';

const [out = path.join(h.screenshotDir, 'primes-pyodide-web-en.png'), sample = '2**44'] = process.argv.slice(2);
h.requireSite();
const server = await h.startIsolatedServer();
const browser = await h.launchBrowser();
try {
  const query = `?demo=primes&runtime=python&executor=processes&workers=2&sample=${encodeURIComponent(sample)}&autorun=1`;
  const { page, messages } = await h.openPage(browser.context, server.url + query);
  await h.waitForApp(page);
  await h.waitForResult(page, messages, 600000);
  // The runtime's combo, then its first choice (C++), drawn just below it.
  const combo = (await page.evaluate(() => window.conclab.state())).primes.runtime_choice;
  await page.mouse.click(combo.x + combo.w / 2, combo.y + combo.h / 2);
  await page.waitForTimeout(300);
  await page.mouse.click(combo.x + combo.w / 2, combo.y + combo.h * 1.5 + 4);
  await page.waitForFunction(() => window.conclab.state().primes.runtime === 'cpp', null, { timeout: 10000 });
  await page.evaluate(() => window.conclab.autorun());
  await page.waitForFunction(() => window.conclab.state().primes.history === 2 && !window.conclab.state().primes.running,
    null, { timeout: 600000, polling: 200 });
  await h.waitForIdle(page);
  mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.log(out);
} finally {
  await browser.close();
  await server.close();
}
