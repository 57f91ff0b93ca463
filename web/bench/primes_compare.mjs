// make bench, web part of Compare all: opens the primes panel at its defaults (Compare all, make_sample(2**55),
// 3 runs of each executor), lets the page settle for 2 s (wasm compiled and tiered up) and starts it with
// window.conclab.autorun(), as a student who clicks the button; prints the CONCLAB_RESULT JSON on one line.
// Usage: node bench/primes_compare.mjs [EXTRA_QUERY]   e.g. '&repeats=5'
import * as h from '../tests/helpers.mjs';

const extra = process.argv[2] ?? '';
h.requireSite();
const server = await h.startIsolatedServer();
const browser = await h.launchBrowser();
try {
  const { page, messages } = await h.openPage(browser.context, `${server.url}?demo=primes${extra}`);
  await h.waitForApp(page);
  await page.waitForTimeout(2000);
  await page.evaluate(() => window.conclab.autorun());
  const result = await h.waitForResult(page, messages, 900000);
  console.log(JSON.stringify(result));
  await page.close();
} finally {
  await browser.close();
  await server.close();
}
