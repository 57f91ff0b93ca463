// The README's pictures (issues 18 and 20), into docs/screenshots/: each demo at its defaults after one run (the page's
// own mirror for wikipics, as `make run` serves it), the desktop (1280×800) and a phone (412×915) side by side in one
// PNG; presentation mode at 1920×1080; the welcome page on a phone in PT. Optimised with pngquant (Debian). Look at them.
// Usage: cd web && CONCLAB_WEB_DIR=../build/web node bench/readme_screenshots.mjs [DEMO ...]
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import * as h from '../tests/helpers.mjs';

// At the defaults, with a run where the demo has one: what a student sees after pressing Space once.
const demos = {
  system: '', primes: 'autorun=1', exhibition: 'autorun=1', spinner: 'autorun=1', wikipics: 'autorun=1', lab: 'quick=1&autorun=1',
};
const outDir = path.join(h.repoRoot, 'docs/screenshots');
const work = path.join(os.tmpdir(), `conclab-readme-${process.pid}`);
mkdirSync(outDir, { recursive: true });
mkdirSync(work, { recursive: true });

h.requireSite();
const server = await h.startIsolatedServer({ serveArgs: ['--mirror'] });
const browser = await chromium.launch({ executablePath: h.chromiumPath, headless: true, args: h.chromiumArgs });

async function shot(query, viewport, file, { result = query.includes('autorun') } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const { page, messages, errors } = await h.openPage(context, server.url + (query ? `?${query}` : ''));
  try {
    await h.waitForApp(page);
    if (result) await h.waitForResult(page, messages, 600000);
    await h.waitForIdle(page, 60000);
    await page.mouse.move(viewport.width - 2, viewport.height - 2);   // no tooltip over the picture
    await h.waitForIdle(page, 60000);
    await page.screenshot({ path: file });
    if (errors.length) console.warn(`${query}: ${errors.join('; ')}`);
  } finally {
    await context.close();
  }
}

const optimise = (file) => execFileSync('pngquant', ['--force', '--skip-if-larger', '--quality=70-95', '--output', file, file]);
try {
  const chosen = process.argv.slice(2).length ? process.argv.slice(2) : [...Object.keys(demos), 'present', 'welcome'];
  for (const name of chosen) {
    if (name === 'present') {
      // The exhibition: simulated time, so the picture does not depend on the machine's load (primes' bars did).
      await shot('demo=exhibition&present=1&speed=max&autorun=1', { width: 1920, height: 1080 }, path.join(outDir, 'present-exhibition-1920x1080-en.png'));
      optimise(path.join(outDir, 'present-exhibition-1920x1080-en.png'));
    } else if (name === 'welcome') {
      await shot('lang=pt', { width: 412, height: 915 }, path.join(outDir, 'welcome-phone-412x915-pt.png'), { result: false });
      optimise(path.join(outDir, 'welcome-phone-412x915-pt.png'));
    } else {
      const query = [`demo=${name}`, demos[name]].filter(Boolean).join('&');
      const desktop = path.join(work, `${name}-desktop.png`), phone = path.join(work, `${name}-phone.png`);
      await shot(query, { width: 1280, height: 800 }, desktop);
      await shot(query, { width: 412, height: 915 }, phone);
      // Side by side, tops aligned, on the page's background.
      execFileSync('convert', ['-background', '#0f0f10', desktop, '(', phone, '-gravity', 'west', '-splice', '16x0', ')',
        '-gravity', 'north', '+append', path.join(outDir, `${name}-defaults-en.png`)]);
      optimise(path.join(outDir, `${name}-defaults-en.png`));
    }
    console.log(`${name}: done`);
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(work, { recursive: true, force: true });
}
