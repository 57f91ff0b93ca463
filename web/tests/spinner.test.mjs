// The spinner demo (issue 18 §3): the four forms side by side — a thread, a process (the call in an isolated Web
// Worker, the page's own loop spinning), a coroutine that awaits and one whose call blocks its loop. Counted, not
// timed: frames drawn while each slow call was in flight — none for the blocked coroutine, at least one for the
// others. The exhibition's old links (?spinner=…&block=1) open this demo with that one form.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import * as h from './helpers.mjs';

const env = h.useIsolatedServerAndBrowser();

function checkForm(form) {
  assert.equal(form.running, false, form.form);
  assert.equal(form.error, undefined, `${form.form}: ${form.error}`);
  assert.equal(form.answer, '1099511627689', 'lpf of a prime is itself');
  assert.equal(typeof form.longest_gap_s, 'number');
  if (form.form === 'blocked_coroutine') {
    assert.equal(form.frames_in_call, 0, 'the blocked loop never ran its spinner while the call was in flight');
    assert.equal(form.kind, 'coroutine');
    assert.equal(form.block, true);
  } else {
    assert.ok(form.frames_in_call >= 1, `${form.form}: the spinner turned while the call was in flight (${form.frames_in_call})`);
  }
}

test('?demo=spinner&autorun=1 (no other option) runs the four forms and ends in CONCLAB_RESULT {"demo":"spinner"}', { timeout: 90000 }, async () => {
  const { page, messages, errors } = await h.openPage(env.browser.context, env.server.url + '?demo=spinner&autorun=1');
  await h.waitForApp(page);
  const framesBefore = (await page.evaluate(() => window.conclab.frames())).count;
  const result = await h.waitForResult(page, messages, 60000);
  const framesAfter = (await page.evaluate(() => window.conclab.frames())).count;
  const state = await page.evaluate(() => window.conclab.state());
  assert.equal(state.demo, 'spinner');
  assert.ok(state.demos.includes('spinner'));
  assert.equal(result.demo, 'spinner');
  assert.deepEqual(result.forms.map((f) => f.form), ['thread', 'process', 'coroutine', 'blocked_coroutine']);
  for (const form of result.forms) {
    checkForm(form);
    console.log(`spinner ${form.form}: ${form.frames} frames, ${form.frames_in_call} while the call ran, ` +
      `longest gap ${form.longest_gap_s.toFixed(2)} s`);
  }
  assert.ok(framesAfter > framesBefore, 'the page drew while the calls ran');
  assert.equal(state.spinner.finished, true);
  assert.equal(state.spinner.asked, undefined, 'no kind= asked: the four, none marked');
  assert.equal(state.redraw, 'idle', 'nothing spins once the four are done');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the exhibition\'s old ?spinner=coroutine&block=1 opens the spinner demo with that form', { timeout: 60000 }, async () => {
  for (const [query, form] of [['spinner=coroutine&block=1&spinner-seconds=1', 'blocked_coroutine'],
    ['demo=exhibition&spinner=process&block=1&spinner-seconds=1&lang=pt', 'process']]) {
    const { page, messages, errors } = await h.openPage(env.browser.context, env.server.url + `?${query}&autorun=1`);
    await h.waitForApp(page);
    const result = await h.waitForResult(page, messages, 30000);
    const state = await page.evaluate(() => window.conclab.state());
    assert.equal(state.demo, 'spinner', query);
    assert.equal(state.spinner.asked, form);
    assert.equal(result.demo, 'spinner');
    assert.equal(result.forms.length, 1, 'the form the link asked for, alone');
    assert.equal(result.spinner.form, form, 'the old "spinner" key: that form');
    assert.equal(result.spinner.seconds, 1);
    checkForm(result.spinner);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('a bad kind (or old spinner=) is shown beside its field and nothing spins', { timeout: 30000 }, async () => {
  for (const query of ['demo=spinner&kind=fiber&autorun=1', 'spinner=fiber&autorun=1']) {
    const { page, errors } = await h.openPage(env.browser.context, env.server.url + '?' + query);
    const state = await h.waitForApp(page);
    assert.equal(state.demo, 'spinner');
    assert.match(state.spinner.errors.kind, /thread\|process\|coroutine/);
    assert.match(state.error, /kind/);
    assert.equal(state.spinner.running, false);
    assert.ok(state.spinner.forms.every((f) => f.frames === 0 && !f.ran));
    assert.deepEqual(errors, []);
    await page.close();
  }
});

// Looked at: the four plates at a desktop's and a phone's size, English and Portuguese.
test('screenshots of the spinner demo at 1280x800 and 412x915', { timeout: 120000 }, async () => {
  mkdirSync(h.screenshotDir, { recursive: true });
  for (const [width, height, lang] of [[1280, 800, 'en'], [412, 915, 'pt'], [1280, 800, 'pt'], [412, 915, 'en']]) {
    const { page, messages, errors } = await h.openPage(env.browser.context, 'about:blank');
    await page.setViewportSize({ width, height });
    await page.goto(env.server.url + `?demo=spinner&seconds=1&autorun=1&lang=${lang}`);
    await h.waitForApp(page);
    await h.waitForResult(page, messages, 30000);
    await page.waitForTimeout(300);
    const state = await page.evaluate(() => window.conclab.state());
    assert.equal(state.layout, width < 720 ? 'narrow' : 'wide');
    assert.ok(state.overflow_px < 1, `${width}x${height} ${lang}: content runs ${state.overflow_px} px past the panel's edge`);
    writeFileSync(path.join(h.screenshotDir, `spinner-web-${width}x${height}-${lang}.png`), await page.screenshot());
    assert.deepEqual(errors, []);
    await page.close();
  }
});
