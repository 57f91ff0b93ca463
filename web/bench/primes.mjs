// make bench, web part: runs the primes demo in headless Chromium REPEAT times and prints each
// CONCLAB_RESULT JSON on its own line. START=settled (default) opens the page, lets it settle for 2 s (wasm
// compiled and tiered up, first frames drawn) and then starts the run with window.conclab.autorun(), as a
// student who clicks Run; START=load runs it as the page loads (?autorun=1), paying for the page's start-up.
// Usage: node bench/primes.mjs EXECUTOR WORKERS SAMPLE REPEAT [START]
import * as h from '../tests/helpers.mjs';

const [executor = 'threads', workers = '2', sample = '2**57', repeat = '3', start = 'settled'] = process.argv.slice(2);
if (!['settled', 'load'].includes(start)) throw new Error(`START is settled or load, not ${start}`);
h.requireSite();
const server = await h.startIsolatedServer();
const browser = await h.launchBrowser();
try {
  for (let i = 0; i < Number(repeat); ++i) {
    const query = `?demo=primes&executor=${executor}&workers=${workers}&sample=${encodeURIComponent(sample)}` +
      (start === 'load' ? '&autorun=1' : '');
    const { page, messages } = await h.openPage(browser.context, server.url + query);
    await h.waitForApp(page);
    if (start === 'settled') {
      await page.waitForTimeout(2000);
      await page.evaluate(() => window.conclab.autorun());
    }
    const result = await h.waitForResult(page, messages, 600000);
    // The page's own counters over its life (load + run): frames drawn, main-thread ms spent on them, renderer.
    const frames = await page.evaluate(() => window.conclab.frames());
    const renderer = (await page.evaluate(() => window.conclab.state())).renderer;
    result.page = { frames: frames.count, frame_busy_ms: Math.round(frames.busy_ms ?? 0), renderer };
    console.log(JSON.stringify(result));
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
