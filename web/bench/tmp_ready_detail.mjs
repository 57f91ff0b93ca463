import * as h from '../tests/helpers.mjs';
const server = await h.startIsolatedServer();
for (let i = 0; i < +(process.env.N||2); ++i) {
const browser = await h.launchBrowser();
try {
  const { page, messages } = await h.openPage(browser.context, server.url + '?demo=system');
  await h.waitForApp(page);
  const r = await page.evaluate(() => ({
    ready: window.conclab.readyMs,
    nav: performance.getEntriesByType('navigation').map(e => ({ name: e.name.slice(-30), dcl: Math.round(e.domContentLoadedEventEnd), load: Math.round(e.loadEventEnd), resp: Math.round(e.responseEnd) })),
    res: performance.getEntriesByType('resource').map(e => `${e.name.split('/').pop().slice(0, 30)} ${Math.round(e.startTime)}-${Math.round(e.responseEnd)} ${e.transferSize}`),
    marks: performance.getEntriesByType('mark').map(e => `${e.name} ${Math.round(e.startTime)}`),
    tmain: 0,
  }));
  console.log(JSON.stringify(r, null, 1));
  console.log(messages.filter(m => /conclab|ready|load/i.test(m.text)).map(m => m.text).join('\n').slice(0, 500));
} finally { await browser.close(); }
}
await server.close();
