// make bench, web part: what an idle page costs. Opens the page, lets it settle, then counts the frames it draws
// over SECONDS and the CPU seconds all of this browser's processes use meanwhile (Linux /proc; the browser's
// own processes are those started with its --user-data-dir). Usage: node bench/idle.mjs [SECONDS] [QUERY]
import { readdirSync, readFileSync } from 'node:fs';
import * as h from '../tests/helpers.mjs';

const ticksPerSecond = 100;   // USER_HZ on Linux
function browserCpuSeconds(userDataDir) {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes(`--user-data-dir=${userDataDir}`)) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);   // utime + stime
    } catch { /* the process ended */ }
  }
  return ticks / ticksPerSecond;
}

const seconds = Number(process.argv[2] || 10);
const query = process.argv[3] || '?demo=primes';
h.requireSite();
const server = await h.startIsolatedServer();
const browser = await h.launchBrowser();
try {
  const { page } = await h.openPage(browser.context, server.url + query);
  await h.waitForApp(page);
  await page.waitForTimeout(3000);
  const cpuBefore = browserCpuSeconds(browser.userDataDir);
  const m = await h.measureFrames(page, seconds);
  const cpu = browserCpuSeconds(browser.userDataDir) - cpuBefore;
  console.log(JSON.stringify({ query, seconds, frames: m.frames, fps: m.fps, browser_cpu_s: +cpu.toFixed(2),
    share_of_a_core: +(cpu / seconds).toFixed(3) }));
} finally {
  await browser.close();
  await server.close();
}
