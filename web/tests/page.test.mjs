// The page served with COOP/COEP (`conclab serve`): it loads, is cross-origin isolated, answers
// window.conclab.state(), draws something on the canvas and logs no errors.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { chromium } from 'playwright-core';
import * as h from './helpers.mjs';

const env = h.useIsolatedServerAndBrowser();

test('the page loads, is cross-origin isolated and reports its state', { timeout: 90000 }, async () => {
  const { page, errors } = await h.openPage(env.browser.context, env.server.url);
  const state = await h.waitForApp(page);
  assert.equal(await page.evaluate(() => window.crossOriginIsolated), true, `served by ${env.server.kind}`);
  assert.equal(typeof state, 'object', 'state() returns a parsed JSON object');
  assert.equal(state.isolated, true);
  assert.ok(Number.isInteger(state.cpus) && state.cpus >= 1, `cpus: ${state.cpus}`);
  assert.equal(state.build.kind, 'web');
  assert.match(state.build.compiler, /^emscripten \d+\.\d+\.\d+ \(clang /);
  assert.equal(typeof state.fps, 'number');
  // The panels' demo ids, in menu order (the screenshot tour's list): the one open among them, each with its state.
  assert.ok(Array.isArray(state.demos) && state.demos.includes(state.demo), `demos: ${JSON.stringify(state.demos)}`);
  for (const id of state.demos) assert.equal(typeof state[id], 'object', `state().${id}`);
  // The loading screen is gone once the app said it is ready.
  assert.equal(await page.locator('#overlay').isHidden(), true);
  assert.ok((await page.evaluate(() => window.conclab.frames())).count >= 2, 'frames were drawn');
  assert.equal(state.draw_mode, 'on_demand');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the canvas is drawn (not blank) and screenshots are saved', { timeout: 90000 }, async () => {
  mkdirSync(h.screenshotDir, { recursive: true });
  for (const [name, query] of [['system', '?demo=system'], ['primes-pt', '?demo=primes&lang=pt']]) {
    const { page, errors } = await h.openPage(env.browser.context, env.server.url + query);
    await h.waitForApp(page);
    await h.waitForIdle(page);
    const png = await page.locator('#canvas').screenshot({ path: path.join(h.screenshotDir, `${name}.png`) });
    const colours = await h.colourVariety(page, png);
    assert.ok(colours >= 20, `${name}: only ${colours} distinct colours on the canvas`);
    assert.deepEqual(errors, [], name);
    await page.close();
  }
});

test('bad launch options are shown, not a crash', { timeout: 180000 }, async () => {
  const cases = [
    ['?demo=primes&executor=fibers', /fibers.*sequential\|threads\|processes\|gil/],
    ['?demo=primes&workers=abc', /workers 'abc' is not a whole number/],
    ['?demo=primes&workers=0', /--workers 0 is out of range: use 1 to 64/],
    ['?demo=primes&sample=2**99', /2\*\*99.*fluent/],
    ['?demo=primes&numbers=7,12x', /12x/],
    ['?demo=nope', /unknown demo 'nope'/],
    ['?lang=xx', /unknown lang 'xx': use en\|pt/],
    ['?demo=system&spin=65', /--spin 65 is out of range: use 0 to 64/],
    ['?demo=primes&workers=65', /--workers 65 is out of range: use 1 to 64/],
    ['?demo=primes&workers=010', /--workers '010' is not a whole number/],
    ['?fps=fast', /unknown fps 'fast': use auto\|max/],
    ['?wrokers=2', /unknown option 'wrokers'/],
  ];
  for (const [query, pattern] of cases) {
    const { page, errors } = await h.openPage(env.browser.context, env.server.url + query);
    const state = await h.waitForApp(page);
    assert.match(String(state.error), pattern, `${query}: ${JSON.stringify(state.error)}`);
    assert.deepEqual(errors.filter((e) => !e.startsWith('error:')), [], query);
    await page.close();
  }
});

test('the canvas follows the window size (device pixels)', { timeout: 90000 }, async () => {
  const { page, errors } = await h.openPage(env.browser.context, env.server.url);
  await h.waitForApp(page);
  const size = () => page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { width: c.width, height: c.height, expected: [Math.round(innerWidth * devicePixelRatio), Math.round(innerHeight * devicePixelRatio)] };
  });
  let s = await size();
  assert.deepEqual([s.width, s.height], s.expected);
  await page.setViewportSize({ width: 900, height: 640 });
  await page.waitForFunction(() => document.getElementById('canvas').width === Math.round(900 * devicePixelRatio), null, { timeout: 10000 });
  s = await size();
  assert.deepEqual([s.width, s.height], s.expected);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an idle page stops drawing and wakes on input', { timeout: 90000 }, async () => {
  const { page, errors } = await h.openPage(env.browser.context, env.server.url + '?demo=primes');
  await h.waitForApp(page);
  const idle = await h.waitForIdle(page);
  const state = await page.evaluate(() => window.conclab.state());
  assert.equal(state.draw_mode, 'on_demand');
  assert.equal(state.redraw, 'idle');
  // Idle: not one frame over the next second.
  const before = (await page.evaluate(() => window.conclab.frames())).count;
  await page.waitForTimeout(1000);
  assert.equal((await page.evaluate(() => window.conclab.frames())).count, before, 'an idle page draws nothing');
  // Input wakes it: a mouse move over the canvas is answered with frames.
  await page.mouse.move(300, 200);
  await page.mouse.move(320, 210);
  await page.waitForFunction((n) => window.conclab.frames().count > n, before, { timeout: 10000 });
  console.log(`idle after ${idle.waitedMs} ms; woke on input`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('fps=max draws every frame, as before', { timeout: 90000 }, async () => {
  const { page, errors } = await h.openPage(env.browser.context, env.server.url + '?demo=primes&fps=max');
  await h.waitForApp(page);
  assert.equal((await page.evaluate(() => window.conclab.state())).draw_mode, 'always');
  // An idle page draws nothing on demand (waitForIdle relies on it); with fps=max it keeps drawing: counted, not timed.
  const before = (await page.evaluate(() => window.conclab.frames())).count;
  await page.waitForFunction((n) => window.conclab.frames().count >= n + 3, before, { timeout: 30000, polling: 100 })
    .catch(() => assert.fail('fps=max: no 3 frames drawn within 30 s on an unchanging page'));
  assert.deepEqual(errors, []);
  await page.close();
});

// Phones and tablets: below 720 CSS px the sidebar becomes a top bar and the primes table keeps number,
// ✓/✗ and lpf; on a device pixel ratio of 2 the drawing buffer has twice the CSS pixels (sharp text).
// A browser context of its own per device (viewport, pixel ratio, touch), as a phone would open the page.
test('a phone gets the narrow layout at device pixel ratio 2; a tablet keeps the sidebar', { timeout: 120000 }, async () => {
  mkdirSync(h.screenshotDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: h.chromiumPath, headless: true, args: h.chromiumArgs });
  try {
    for (const [name, width, height, layout] of [['phone', 412, 915, 'narrow'], ['tablet', 768, 1024, 'wide']]) {
      const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
      const { page, messages, errors } = await h.openPage(context, env.server.url + '?demo=primes&lang=pt&sample=2**44&autorun=1');
      await h.waitForApp(page);
      await h.waitForResult(page, messages);
      await h.waitForIdle(page);
      const state = await page.evaluate(() => window.conclab.state());
      assert.equal(state.layout, layout, `${name}: ${width}x${height}`);
      assert.ok(state.overflow_px < 1, `${name}: the primes panel runs ${state.overflow_px} px past its edge`);
      const canvas = await page.evaluate(() => {
        const c = document.getElementById('canvas');
        return { buffer: c.width, css: c.clientWidth };
      });
      assert.equal(canvas.css, width, `${name}: the canvas fills the width`);
      assert.ok(Math.abs(canvas.buffer - 2 * canvas.css) <= 2, `${name}: drawing buffer ${canvas.buffer} px for ${canvas.css} CSS px`);
      const png = await page.screenshot({ path: path.join(h.screenshotDir, `primes-${name}-pt.png`) });
      assert.ok(await h.colourVariety(page, png) >= 20, `${name}: the canvas is drawn`);
      if (name === 'phone') {
        // Touch drags a slider: a finger moved sideways along the workers slider takes it to the top.
        const slider = state.primes.workers_slider;
        const sideways = await context.newCDPSession(page);
        const at = (type, x) => sideways.send('Input.dispatchTouchEvent', { type, touchPoints: x === undefined ? [] : [{ x, y: slider.y + slider.h / 2 }] });
        await at('touchStart', slider.x + 8);
        for (let x = slider.x + 18; x <= slider.x + slider.w + 20; x += 20) {
          await at('touchMove', x);
          await page.waitForTimeout(20);
        }
        await at('touchEnd');
        await page.waitForFunction(() => window.conclab.state().primes.workers === 64, null, { timeout: 5000, polling: 100 })
          .catch(async () => assert.fail(`workers ${(await page.evaluate(() => window.conclab.state())).primes.workers} after a drag to the slider's end`));
        // Touch, on the lab panel (taller than a phone): a tap on EN in the top bar switches the language; a finger
        // dragged up scrolls the panel (Dear ImGui scrolls only with a wheel or its scrollbar: src/ui/touch_scroll.cpp).
        const lab = await h.openPage(context, env.server.url + '?demo=lab&lang=pt');
        await h.waitForApp(lab.page);
        await lab.page.touchscreen.tap(width - 60, 17);
        await lab.page.waitForFunction(() => window.conclab.state().language === 'en', null, { timeout: 5000, polling: 100 });
        const before = (await lab.page.evaluate(() => window.conclab.state())).panel_scroll;
        assert.equal(before.y, 0);
        assert.ok(before.max_y > 250, `the lab panel is taller than the phone by ${before.max_y} px`);
        const cdp = await context.newCDPSession(lab.page);
        const finger = (type, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: y === undefined ? [] : [{ x: 200, y }] });
        await finger('touchStart', 420);
        for (let y = 410; y >= 220; y -= 10) {
          await finger('touchMove', y);
          await lab.page.waitForTimeout(20);
        }
        await finger('touchEnd');
        const scroll = async () => (await lab.page.evaluate(() => window.conclab.state())).panel_scroll.y;
        await lab.page.waitForFunction(() => window.conclab.state().panel_scroll.y > 150, null, { timeout: 5000, polling: 100 })
          .catch(async () => assert.fail(`a finger dragged up 200 px scrolled the panel by ${await scroll()} px`));
        assert.ok(await scroll() <= 210, `scrolled ${await scroll()} px for a 200 px drag`);
        assert.equal((await lab.page.evaluate(() => window.conclab.state())).lab.running, false, 'the drag started nothing');
        assert.deepEqual(lab.errors, []);
        await lab.page.close();
      }
      assert.deepEqual(errors, [], name);
      await context.close();
    }
  } finally {
    await browser.close();
  }
});

test('a page says it cannot know the physical cores; a PT link and a slider\'s Ctrl+click field take a decimal comma', { timeout: 90000 }, async () => {
  // Issue 19 §3: physical cores against logical CPUs — a browser reports logical CPUs only, and the page says so.
  const { page, errors } = await h.openPage(env.browser.context, env.server.url + '?demo=system&lang=pt');
  const state = await h.waitForApp(page);
  assert.equal(state.system.physical_cores, null);
  assert.equal(state.system.logical_cpus, state.cpus);
  assert.match(state.system.physical_cores_shown, /^desconhecido para uma página web/);
  assert.match(state.system.talk_counts_shown, /"307 processos rodando no Ubuntu Linux 22\.04"/);
  await page.close();
  // Issue 19 §4: "0,5" in a PT field (or link) is 0.5, the same number "0.5" is.
  for (const seconds of ['0,5', '0.5']) {
    const opened = await h.openPage(env.browser.context, env.server.url + `?demo=spinner&lang=pt&seconds=${seconds}`);
    const s = await h.waitForApp(opened.page);
    assert.equal(s.spinner.seconds, 0.5, seconds);
    for (const errs of [s.errors, s.spinner.errors]) assert.ok(!errs || Object.keys(errs).length === 0, `${seconds}: ${JSON.stringify(errs)}`);
    assert.deepEqual(opened.errors, [], seconds);
    await opened.page.close();
  }
  // ... and so does a slider's Ctrl+click field, which starts from the value as the page writes it (ImGui 1.86's own
  // started empty and let no comma in: "0,5" typed gave 5).
  const typed = await h.openPage(env.browser.context, env.server.url + '?demo=spinner&lang=pt');
  const field = (await h.waitForApp(typed.page)).spinner.seconds_field;
  const at = [field.x + 20, field.y + field.h / 2];
  await typed.page.mouse.move(...at);
  await typed.page.keyboard.down('Control');
  await typed.page.mouse.click(...at);
  await typed.page.keyboard.up('Control');
  await typed.page.keyboard.type('0,5', { delay: 50 });
  await typed.page.keyboard.press('Enter');
  await typed.page.waitForFunction(() => window.conclab.state().spinner.seconds === 0.5, null, { timeout: 10000, polling: 100 })
    .catch(async () => assert.fail(`seconds ${(await typed.page.evaluate(() => window.conclab.state())).spinner.seconds} after typing 0,5`));
  assert.deepEqual(typed.errors, []);
  await typed.page.close();
  assert.deepEqual(errors, []);
});
