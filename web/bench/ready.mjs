// make bench, page-ready part: how long a first visit takes until the first frame is drawn and
// window.conclab.state() answers (performance.now() at the app's ready signal, navigation start = 0),
// through `conclab serve` (what `make run` uses) and through a plain static server with the same headers.
// Each visit uses a new browser profile (nothing cached). Prints one JSON line per server.
// Usage: node bench/ready.mjs REPEAT
import * as h from '../tests/helpers.mjs';

const repeat = Number(process.argv[2] || 5);
h.requireSite();
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
for (const start of [h.startIsolatedServer, () => h.startNodeServer({ isolation: true })]) {
  const server = await start();
  const readyMs = [];
  const phases = [];   // ms since navigation start at each performance mark the page sets (shell.html)
  try {
    for (let i = 0; i < repeat; ++i) {
      const browser = await h.launchBrowser();
      try {
        const { page } = await h.openPage(browser.context, server.url + '?demo=system');
        await h.waitForApp(page);
        readyMs.push(Math.round(await page.evaluate(() => window.conclab.readyMs)));
        phases.push(await page.evaluate(() => Object.fromEntries(['conclab-wasm-fetched', 'conclab-wasm-compiled',
          'conclab-main', 'conclab-gl', 'conclab-loop', 'conclab-first-frame', 'conclab-ready'].map((n) => [n.replace('conclab-', ''), Math.round(performance.getEntriesByName(n)[0]?.startTime ?? -1)]))));
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
  }
  const phaseMedians = Object.fromEntries(Object.keys(phases[0] ?? {}).map((k) => [k, median(phases.map((p) => p[k]))]));
  console.log(JSON.stringify({ server: server.kind, ready_ms: readyMs, median_ms: median(readyMs), phase_medians_ms: phaseMedians }));
}
