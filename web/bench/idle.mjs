// make bench, web part: what an idle page costs. Opens the page, lets it settle, then counts the frames it draws
// over SECONDS (the CPU the browser's processes use meanwhile is measured from outside, by bench/run).
// Usage: node bench/idle.mjs [SECONDS] [QUERY]
import * as h from '../tests/helpers.mjs';

const seconds = Number(process.argv[2] || 10);
const query = process.argv[3] || '?demo=primes';
h.requireSite();
const server = await h.startIsolatedServer();
const browser = await h.launchBrowser();
try {
  const { page } = await h.openPage(browser.context, server.url + query);
  await h.waitForApp(page);
  await page.waitForTimeout(3000);
  console.log(`IDLE_START ${Date.now()}`);
  const m = await h.measureFrames(page, seconds);
  console.log(`IDLE_END ${Date.now()}`);
  console.log(JSON.stringify({ query, seconds, frames: m.frames, fps: m.fps }));
} finally {
  await browser.close();
  await server.close();
}
