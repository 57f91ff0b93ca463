// make screenshots: the page as students see it, at the sizes issue 10 names (desktop 1280x800 and 1024x700,
// tablet 768x1024 and phone 412x915 at device pixel ratio 2 with touch), in English and Portuguese, each demo
// after a short run. PNGs go to build/screenshots/tour/<demo>-<size>-<lang>.png; look at them.
// Usage: node bench/screenshots.mjs [DEMO ...]   (default: every demo the page has a panel for)
// SCREENSHOT_PAGES=N also writes <demo>-<size>-<lang>-2.png … -N.png, the panel scrolled down (mouse wheel) by
// most of a screen each time: what lies below the fold on a phone or a tablet.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import * as h from '../tests/helpers.mjs';

const sizes = [
  { name: '1280x800', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  { name: '1024x700', viewport: { width: 1024, height: 700 }, deviceScaleFactor: 1 },
  { name: 'tablet-768x1024', viewport: { width: 768, height: 1024 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  { name: 'phone-412x915', viewport: { width: 412, height: 915 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
];
// What each demo shows after: a finished run where a run is quick, else the panel as it opens (bench/tour-demos.json;
// tests/cli/demo_agreement_cli_test.cpp checks that it names exactly the app's panels).
const settings = JSON.parse(readFileSync(new URL('./tour-demos.json', import.meta.url), 'utf8'));
const queryOf = (demo, url) => settings[demo].query.replace('{mirror-api}', encodeURIComponent(url + 'w/api.php'));

h.requireSite();
const outDir = path.join(h.screenshotDir, 'tour');
mkdirSync(outDir, { recursive: true });
const server = await h.startIsolatedServer({ serveArgs: ['--mirror'] });
const browser = await chromium.launch({ executablePath: h.chromiumPath, headless: true, args: h.chromiumArgs });
let failures = 0;
try {
  // The tour's list is the app's: the page's panels (state().demos), never a list of its own that could miss one.
  const appDemos = await (async () => {
    const { page } = await h.openPage(browser, server.url);
    await h.waitForApp(page);
    const demos = (await page.evaluate(() => window.conclab.state())).demos;
    await page.close();
    if (!Array.isArray(demos) || !demos.length) throw new Error('the page did not list its demos (window.conclab.state().demos)');
    return demos;
  })();
  const missing = appDemos.filter((demo) => !settings[demo]);
  if (missing.length) throw new Error(`no tour settings for the app's demo(s) ${missing.join(', ')}: add them to bench/tour-demos.json`);
  const chosen = process.argv.slice(2).length ? process.argv.slice(2) : appDemos;
  for (const demo of chosen) {
    if (!appDemos.includes(demo)) throw new Error(`unknown demo '${demo}': use ${appDemos.join(', ')}`);
    for (const size of sizes) {
      const { name, ...options } = size;
      const context = await browser.newContext(options);
      for (const lang of ['en', 'pt']) {
        const file = path.join(outDir, `${demo}-${name}-${lang}.png`);
        const { page, messages, errors } = await h.openPage(context, `${server.url}?demo=${demo}&lang=${lang}&${queryOf(demo, server.url)}`);
        try {
          await h.waitForApp(page);
          if (settings[demo].result) await h.waitForResult(page, messages);
          await h.waitForIdle(page);
          await page.screenshot({ path: file });
          const pages = Number(process.env.SCREENSHOT_PAGES || 1);
          for (let n = 2; n <= pages; ++n) {
            await page.mouse.move(options.viewport.width - 15, options.viewport.height / 2);   // on the panel's scrollbar, not a child's
            for (let turn = 0; turn < 12; ++turn) {   // ImGui scrolls a few lines per wheel event, whatever its delta
              await page.mouse.wheel(0, 120);
              await page.waitForTimeout(60);
            }
            await h.waitForIdle(page);
            await page.screenshot({ path: file.replace(/\.png$/, `-${n}.png`) });
          }
          const state = await page.evaluate(() => window.conclab.state());
          const clipped = state.overflow_px >= 1 ? `  CLIPPED: content runs ${state.overflow_px.toFixed(0)} px past the panel's edge` : '';
          console.log(`${path.relative(h.repoRoot, file)}  layout=${state.layout}${clipped}${errors.length ? `  errors: ${errors.join(' | ')}` : ''}`);
          if (errors.length || clipped) ++failures;
        } catch (error) {
          ++failures;
          console.log(`${path.relative(h.repoRoot, file)}  FAILED: ${error.message.split('\n')[0]}`);
        }
        await page.close();
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
process.exit(failures ? 1 : 0);
