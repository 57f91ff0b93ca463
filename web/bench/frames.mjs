// make bench, web part: the frame rate of the page while N threads spin (every core, then one core
// left free for the UI). Prints one JSON line per case. Usage: node bench/frames.mjs [SECONDS]
import * as h from '../tests/helpers.mjs';

const seconds = Number(process.argv[2] || 10);
h.requireSite();
const server = await h.startIsolatedServer();
const browser = await h.launchBrowser();
try {
  const probe = await h.openPage(browser.context, server.url + '?demo=system');
  const cpus = (await h.waitForApp(probe.page)).cpus;
  await probe.page.close();
  for (const spin of [0, Math.max(1, cpus - 1), cpus]) {
    const { page } = await h.openPage(browser.context, server.url + `?demo=system&spin=${spin}`);
    await h.waitForApp(page);
    await page.waitForTimeout(2000);
    const m = await h.measureFrames(page, seconds);
    console.log(JSON.stringify({ spin, cpus, fps: m.fps, max_gap_ms: m.maxGapMs, frames: m.frames }));
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
