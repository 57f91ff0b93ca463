// make bench, the page's Python: the primes sample run by Pyodide (CPython 3.14 for wasm) in headless Chromium,
// sequential (one interpreter) and processes ×2 (one interpreter per Web Worker), REPEAT times each, a fresh page
// (nothing compiled yet) each time. Prints one JSON line per run: wall, start-up, and each worker's boot and wasm memory
// (from the page's "worker booted in … ms, … MiB" lines).
// Usage: node bench/pyodide.mjs [SAMPLE] [REPEAT]   (default sample: the runtime's own, 2**48)
import * as h from '../tests/helpers.mjs';

const [sample = '', repeat = '1'] = process.argv.slice(2);
h.requireSite();
const server = await h.startIsolatedServer();
const browser = await h.launchBrowser();
try {
  for (const [executor, workers] of [['sequential', 1], ['processes', 2]]) {
    for (let i = 0; i < Number(repeat); ++i) {
      const query = `?demo=primes&runtime=python&executor=${executor}&workers=${workers}` +
        (sample ? `&sample=${encodeURIComponent(sample)}` : '') + '&autorun=1';
      const { page, messages } = await h.openPage(browser.context, server.url + query);
      await h.waitForApp(page);
      const result = await h.waitForResult(page, messages, 900000);
      const boots = messages.map((m) => /worker booted in (\d+) ms, ([\d.]+) MiB/.exec(m.text)).filter(Boolean);
      console.log(JSON.stringify({
        executor, workers, sample: result.sample, checks: result.checks, runtime: result.runtime,
        wall_s: result.wall_s, startup_s: result.startup_s, compute_s: result.wall_s - result.startup_s,
        boot_ms: boots.map((b) => Number(b[1])), memory_mib: boots.map((b) => Number(b[2])),
        errors: result.results.filter((r) => r.error).length,
      }));
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
