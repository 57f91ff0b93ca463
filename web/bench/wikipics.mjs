// make bench, web part of wikipics: the page and `conclab serve --mirror` on one origin, the mirror playing the network
// profile WIKIPICS_NET (default talk) per request, or throttled by its own --bandwidth BANDWIDTH (0: none); runs the
// wikipics autorun per executor REPEAT times and prints each CONCLAB_RESULT JSON on its own line, tagged with the
// executor. Usage: node bench/wikipics.mjs COUNT SIZE BANDWIDTH SEED REPEAT EXECUTOR...
import * as h from '../tests/helpers.mjs';

const [count, size, bandwidth, seed, repeat, ...executors] = process.argv.slice(2);
h.requireSite();
const net = process.env.WIKIPICS_NET || 'talk';
const throttle = Number(bandwidth) > 0 ? ['--bandwidth', bandwidth] : [];
const server = await h.startIsolatedServer({ serveArgs: ['--mirror', '--seed', '1', ...throttle] });
// A browser of its own per run: the threads' synchronous requests may pass Chromium's 6 connections per host, and an
// event loop run after them in the same browser would reuse those keep-alive connections (no second wave).
try {
  const api = `${server.url}w/api.php`;
  for (const executor of executors) {
    for (let i = 0; i < Number(repeat); ++i) {
      const browser = await h.launchBrowser();
      try {
        const query = `?demo=wikipics&server=${encodeURIComponent(api)}&count=${count}&size=${size}&seed=${seed}` +
          `&executor=${executor}&workers=${count}&max-req=${count}&net=${net}&timeout=120&autorun=1`;
        const { page, messages } = await h.openPage(browser.context, server.url + query);
        await h.waitForApp(page);
        const result = await h.waitForResult(page, messages, 600000);
        console.log(JSON.stringify(result));
      } finally {
        await browser.close();
      }
    }
  }
} finally {
  await server.close();
}
