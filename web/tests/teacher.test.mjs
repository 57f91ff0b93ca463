// A teacher's first class (issue 20): the welcome page, the presenter's keys, presentation mode, a link for every
// view that opens the same view elsewhere, and a bad link that runs nothing and says why beside the field.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import * as h from './helpers.mjs';

const env = h.useIsolatedServerAndBrowser();

const state = (page) => page.evaluate(() => window.conclab.state());
async function until(page, predicate, arg, what, timeout = 30000) {
  try {
    await page.waitForFunction(predicate, arg, { timeout, polling: 100 });
  } catch (error) {
    throw new Error(`${what}: ${error.message}\nstate: ${JSON.stringify(await state(page)).slice(0, 2000)}`);
  }
}
const query = (url) => Object.fromEntries(new URL(url).searchParams);

test('a class: welcome, 2, P, Space, →, and the link opens the same view in a new browser', { timeout: 240000 }, async () => {
  const { page, errors } = await h.openPage(env.browser.context, env.server.url);
  await page.setViewportSize({ width: 1920, height: 1080 });
  let s = await h.waitForApp(page);
  assert.equal(s.demo, 'welcome', 'no demo= opens the welcome page');
  assert.equal(s.present, false);
  assert.equal(s.font_scale, 1);
  const cards = s.welcome.cards;
  assert.deepEqual(cards.map((c) => c.id), s.welcome_order);
  assert.ok(!s.welcome_order.includes('welcome'));
  for (const id of ['system', 'primes', 'exhibition', 'spinner', 'wikipics', 'lab']) {
    const card = cards.find((c) => c.id === id);
    assert.ok(card && card.lesson.length > 20 && card.notice.length > 20, `${id}: ${JSON.stringify(card)}`);
  }
  // The idle welcome page draws nothing: its thumbnails are shapes drawn once, not a live view.
  await h.waitForIdle(page);
  const idle = (await page.evaluate(() => window.conclab.frames())).count;
  await page.waitForTimeout(1000);
  assert.equal((await page.evaluate(() => window.conclab.frames())).count, idle, 'the idle welcome page drew frames');

  await page.focus('#canvas');
  await page.keyboard.press('2');
  await until(page, (id) => window.conclab.state().demo === id, s.welcome_order[1], 'key 2 opens the second card');
  assert.equal(s.welcome_order[1], 'primes');

  await page.keyboard.press('p');
  await until(page, () => window.conclab.state().present === true, null, 'P presents');
  s = await state(page);
  assert.ok(s.font_scale >= 1.9, `font_scale ${s.font_scale} at 1920×1080`);
  assert.equal(s.layout, 'wide', '1920 / 2 = 960 window units: still the wide layout');

  await page.keyboard.press('Space');
  // Primes opens on Compare all: Space starts the comparison (a single run when the view is one executor).
  await until(page, () => !!(window.conclab.state().primes.compare || window.conclab.state().primes.run), null,
    'Space runs primes');
  s = await state(page);
  if (s.primes.running) {   // Space again is Cancel while it runs
    await page.keyboard.press('Space');
    await until(page, () => window.conclab.state().primes.running === false, null, 'Space cancels');
  }

  await page.keyboard.press('r');
  await until(page, () => {
    const p = window.conclab.state().primes;
    return p.run === undefined && p.compare === undefined && p.history === 0;
  }, null, 'R resets the demo: no run, no comparison, no history');
  await page.keyboard.press('l');
  await until(page, () => window.conclab.state().language === 'pt', null, 'L switches the language');
  await page.keyboard.press('ArrowRight');
  await until(page, () => window.conclab.state().demo === 'exhibition', null, '→ opens the next demo');
  await until(page, () => new URLSearchParams(location.search).get('demo') === 'exhibition', null, 'the address follows');
  // The exhibition's main action: Start, then Pause while it runs.
  await page.keyboard.press('Space');
  await until(page, () => window.conclab.state().exhibition.running === true, null, 'Space starts the exhibition');
  await page.keyboard.press('Space');
  await until(page, () => window.conclab.state().exhibition.paused === true, null, 'Space pauses it');
  const link = page.url();
  assert.deepEqual(query(link), { demo: 'exhibition', lang: 'pt', present: '1' });

  await page.keyboard.press('h');
  await until(page, () => window.conclab.state().help === true, null, 'H opens the keys');
  await page.keyboard.press('Escape');
  await until(page, () => window.conclab.state().help === false, null, 'Escape closes them');
  await page.keyboard.press('F1');
  await until(page, () => window.conclab.state().help === true, null, 'F1 opens the keys');
  await page.keyboard.press('?');
  await until(page, () => window.conclab.state().help === false, null, '? closes them');
  await page.keyboard.press('ArrowLeft');
  await until(page, () => window.conclab.state().demo === 'primes', null, '← goes back');
  await page.keyboard.press('ArrowRight');
  await until(page, () => window.conclab.state().demo === 'exhibition', null, '→ again');

  const other = await h.launchBrowser();
  try {
    const opened = await h.openPage(other.context, link);
    await opened.page.setViewportSize({ width: 1920, height: 1080 });
    const t = await h.waitForApp(opened.page);
    assert.equal(t.demo, 'exhibition');
    assert.equal(t.language, 'pt');
    assert.equal(t.present, true);
    await until(opened.page, () => window.conclab.state().font_scale >= 1.9, null, 'presenting at 1920×1080 in the new browser');
    assert.deepEqual(opened.errors, []);
  } finally {
    await other.close();
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('a link keeps the options that differ and drops autorun once it has fired', { timeout: 180000 }, async () => {
  const { page, messages, errors } = await h.openPage(env.browser.context,
    env.server.url + '?demo=primes&executor=gil&workers=3&sample=2**44&autorun=1');
  await h.waitForApp(page);
  const result = await h.waitForResult(page, messages, 120000);
  assert.equal(result.executor, 'gil');
  await until(page, () => !new URLSearchParams(location.search).has('autorun'), null, 'autorun dropped from the address');
  const link = page.url();
  assert.deepEqual(query(link), { demo: 'primes', executor: 'gil', sample: '2**44', workers: '3' });
  assert.equal((await state(page)).link, new URL(link).search.slice(1));
  // Copy link: the address as it is now, handed to the clipboard (window.conclab.copied keeps what was sent).
  const b = (await state(page)).copy_button;
  await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
  await until(page, (url) => window.conclab.copied === url, link, 'Copy link copies the address');
  await page.close();

  const again = await h.openPage(env.browser.context, link);
  const s = await h.waitForApp(again.page);
  assert.equal(s.demo, 'primes');
  assert.equal(s.primes.executor, 'gil');
  assert.equal(s.primes.workers, 3);
  await h.waitForIdle(again.page);
  const reopened = (await state(again.page)).primes;
  assert.equal(reopened.run, undefined, 'the link does not run again');
  assert.equal(reopened.compare, undefined, 'the link does not compare again');
  assert.deepEqual([...errors, ...again.errors], []);
  await again.page.close();

  // Every demo with options names them in its link (only those that differ from its defaults).
  for (const [link, expected] of [['?demo=exhibition&boards=4&speed=max', { demo: 'exhibition', boards: '4', speed: 'max' }],
    ['?demo=lab&suite=ipc&quick=1&lang=pt', { demo: 'lab', lang: 'pt', suite: 'ipc', quick: '1' }],
    ['?demo=spinner&seconds=1.5', { demo: 'spinner', seconds: '1.5' }],
    ['?demo=system&spin=1', { demo: 'system', spin: '1' }]]) {
    const opened = await h.openPage(env.browser.context, env.server.url + link);
    await h.waitForApp(opened.page);
    await until(opened.page, (n) => new URLSearchParams(location.search).size === n || [...new URLSearchParams(location.search)].length === n,
      Object.keys(expected).length, `${link}: the address is the view's`);
    assert.deepEqual(query(opened.page.url()), expected, link);
    assert.deepEqual(opened.errors, [], link);
    await opened.page.close();
  }
});

test('a bad link runs nothing and says why beside the field, in the page\'s language', { timeout: 180000 }, async () => {
  const cases = [
    ['?demo=primes&executor=fibers&autorun=1', 'executor', 'Executor', /fibers/],
    ['?demo=primes&workers=0&autorun=1', 'workers', 'Workers', /out of range/],
    ['?demo=primes&lang=pt&sample=2**99&autorun=1', 'sample', 'Amostra', /2\*\*99/],
  ];
  for (const [link, field, label, pattern] of cases) {
    const { page, messages } = await h.openPage(env.browser.context, env.server.url + link);
    await h.waitForApp(page);
    await h.waitForIdle(page);
    const s = await state(page);
    assert.equal(s.autorun_refused, true, link);
    assert.equal(s.primes.running, false, link);
    assert.equal(s.primes.run, undefined, `${link}: nothing ran`);
    assert.equal(s.primes.compare, undefined, `${link}: nothing compared`);
    assert.ok(!messages.some((m) => m.text.startsWith('CONCLAB_RESULT')), `${link}: a result was reported`);
    assert.equal(s.errors[field].label, label, link);
    assert.match(s.errors[field].message, pattern, link);
    assert.match(s.primes.errors[field], pattern, `${link}: the panel shows it beside the field`);
    // The address keeps the user's bad link (what was wrong stays visible) until they change the view.
    assert.equal(s.link_kept, true, link);
    assert.deepEqual(query(page.url()), query(env.server.url + link), `${link}: the bad link was rewritten`);
    await page.close();
  }
  {
    const { page } = await h.openPage(env.browser.context, env.server.url + '?demo=primes&executor=fibers&autorun=1');
    await h.waitForApp(page);
    await h.waitForIdle(page);
    await page.focus('#canvas');
    await page.keyboard.press('r');
    await until(page, () => new URLSearchParams(location.search).toString() === 'demo=primes', null,
      'R resets the demo, and the address becomes its link');
    assert.equal((await state(page)).link_kept, false);
    await page.close();
  }
  // The other demos with runs refuse too, each error named by its field's label (a wrong executor for wikipics: its own).
  for (const [link, demo, field, label] of [['?demo=lab&suite=foo&autorun=1', 'lab', 'suite', 'Suite'],
    ['?demo=wikipics&lang=pt&executor=processes&count=0&autorun=1', 'wikipics', 'count', 'Imagens']]) {
    const { page, messages } = await h.openPage(env.browser.context, env.server.url + link);
    await h.waitForApp(page);
    await h.waitForIdle(page);
    const s = await state(page);
    assert.equal(s.autorun_refused, true, link);
    assert.equal(s[demo].running, false, link);
    assert.ok(!messages.some((m) => m.text.startsWith('CONCLAB_RESULT')), `${link}: a result was reported`);
    assert.equal(s.errors[field].label, label, `${link}: ${JSON.stringify(s.errors)}`);
    if (demo === 'wikipics') assert.ok(s.errors.executor, `${link}: every error, not the first: ${JSON.stringify(s.errors)}`);
    await page.close();
  }
});

test('a bad link on a Portuguese page says why in Portuguese, beside the field and in the headline', { timeout: 120000 }, async () => {
  const link = '?lang=pt&demo=primes&executor=fibers&workers=0';
  const { page } = await h.openPage(env.browser.context, env.server.url + link);
  await h.waitForApp(page);
  await h.waitForIdle(page);
  const s = await state(page);
  // Core's typed error, worded by the page: the kind and its arguments, the text drawn beside the field.
  const executor = s.primes.errors_shown.executor;
  assert.equal(executor.kind, 'not_one_of', JSON.stringify(executor));
  assert.deepEqual(executor.args, ['fibers', 'sequential|threads|processes|gil']);
  assert.equal(executor.text, "valor desconhecido 'fibers': use sequential|threads|processes|gil");
  assert.equal(s.primes.errors_shown.workers.text, '0 está fora do intervalo: use de 1 a 64');
  // The headline names the field by its label and shows the same words; "message" stays the CLI's English.
  assert.equal(s.errors.executor.shown, executor.text);
  assert.equal(s.errors.executor.message, "unknown executor 'fibers': use sequential|threads|processes|gil");
  assert.equal(s.primes.errors.executor, s.errors.executor.message, 'the panel\'s "errors" keep their English');
  if (process.env.CONCLAB_SHOTS) await page.screenshot({ path: path.join(process.env.CONCLAB_SHOTS, 'errors-pt.png') });
  await page.close();
});

test('presentation mode on a phone stays readable; screenshots of the welcome page and of presenting', { timeout: 180000 }, async () => {
  mkdirSync(h.screenshotDir, { recursive: true });
  const shots = [
    ['teacher-welcome', '', { width: 1280, height: 800 }],
    ['teacher-welcome-phone', '?lang=pt', { width: 412, height: 915 }],
    ['teacher-present', '?demo=primes&present=1&sample=2**44&autorun=1', { width: 1920, height: 1080 }],
  ];
  for (const [name, link, size] of shots) {
    const { page, messages, errors } = await h.openPage(env.browser.context, env.server.url + link);
    await page.setViewportSize(size);
    await h.waitForApp(page);
    if (link.includes('autorun')) await h.waitForResult(page, messages, 120000);
    await h.waitForIdle(page);
    const s = await state(page);
    if (link.includes('present')) assert.ok(s.font_scale >= 1.9, `${name}: font_scale ${s.font_scale}`);
    if (size.width < 600) assert.equal(s.layout, 'narrow');
    const png = await page.locator('#canvas').screenshot({ path: path.join(h.screenshotDir, `${name}.png`) });
    assert.ok(await h.colourVariety(page, png) >= 20, `${name}: the canvas looks blank`);
    assert.deepEqual(errors, [], name);
    await page.close();
  }
  const { page } = await h.openPage(env.browser.context, env.server.url + '?present=1');
  await page.setViewportSize({ width: 412, height: 915 });
  await h.waitForApp(page);
  await until(page, () => window.conclab.state().font_scale === 1.25, null, 'a phone presents at ×1.25 at most');
  await page.close();
});

test('Export picture downloads the window as drawn, a PNG', { timeout: 120000 }, async () => {
  const { page, errors } = await h.openPage(env.browser.context, env.server.url + '?demo=primes');
  await h.waitForApp(page);
  await h.waitForIdle(page);
  const b = (await state(page)).picture.button;
  assert.ok(b.w > 0 && b.h > 0, `the button: ${JSON.stringify(b)}`);
  const download = page.waitForEvent('download', { timeout: 30000 });
  await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
  const file = await download;
  assert.match(file.suggestedFilename(), /^conclab-\d{8}-\d{6}\.png$/);
  await until(page, () => window.conclab.state().picture.count === 1, null, 'the app says the picture was saved');
  const s = await state(page);
  assert.equal(s.picture.saved, true);
  assert.equal(s.picture.file, file.suggestedFilename());
  const picture = await page.evaluate(() => window.conclab.picture);
  assert.ok(picture.bytes > 20000, `a PNG of the whole window, not a blank one: ${picture.bytes} bytes`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('System says when the page redraws, truly: on demand when idle, every frame while workers spin', { timeout: 90000 }, async () => {
  for (const [link, pattern, redraw] of [['?demo=system', /^drawing on demand/, 'idle'], ['?demo=system&spin=1', /^drawing every display frame while the workers spin/, 'animating']]) {
    const { page, errors } = await h.openPage(env.browser.context, env.server.url + link);
    await h.waitForApp(page);
    await until(page, (r) => window.conclab.state().redraw === r, redraw, `${link}: redraw ${redraw}`);
    const s = await state(page);
    assert.match(s.system.drawing_note, pattern, link);
    assert.deepEqual(errors, [], link);
    await page.close();
  }
});

// Issue 20 §5: what the pointer aims at stays where it is. The same window, a different executor: Run, and the
// rows under the fields, are where they were; a run that ends does not push its table down.
test('controls stay put: Run and the fields do not move with the executor, nor the table when a run ends', { timeout: 180000 }, async () => {
  const rect = (r) => JSON.stringify([r.x, r.y, r.w, r.h]);
  const seen = {};
  for (const executor of ['threads', 'sequential', 'gil', 'processes']) {
    const { page, errors } = await h.openPage(env.browser.context, `${env.server.url}?demo=primes&executor=${executor}`);
    await page.setViewportSize({ width: 1280, height: 800 });
    await h.waitForApp(page);
    await h.waitForIdle(page);
    const p = (await state(page)).primes;
    assert.equal(p.executor, executor);
    seen[executor] = rect(p.run_button);
    assert.deepEqual(errors, [], executor);
    await page.close();
  }
  assert.ok(JSON.parse(seen.threads)[2] > 0, `the run button was drawn: ${seen.threads}`);
  for (const executor of Object.keys(seen)) assert.equal(seen[executor], seen.threads, `primes' Run with ${executor}`);

  const fields = {};
  for (const executor of ['threads', 'sequential', 'async']) {
    const { page, errors } = await h.openPage(env.browser.context,
      `${env.server.url}?demo=wikipics&executor=${executor}&net=instant`);
    await page.setViewportSize({ width: 1280, height: 800 });
    await h.waitForApp(page);
    await h.waitForIdle(page);
    const w = (await state(page)).wikipics;
    fields[executor] = rect(w.run_button) + ' ' + w.layout.fields_bottom;
    assert.deepEqual(errors, [], executor);
    await page.close();
  }
  for (const executor of Object.keys(fields)) assert.equal(fields[executor], fields.threads, `wikipics' Run and fields with ${executor}`);

  // A long run on one worker: the table's top while it runs, and once it has ended (cancelled by Space).
  const { page, errors } = await h.openPage(env.browser.context,
    `${env.server.url}?demo=primes&executor=threads&workers=1&sample=2**62&autorun=1`);
  await page.setViewportSize({ width: 1280, height: 800 });
  await h.waitForApp(page);
  await until(page, () => {
    const p = window.conclab.state().primes;
    return p.running && p.run && p.table_top > 0;
  }, null, 'the run is on screen');
  const running = (await state(page)).primes;
  await page.focus('#canvas');
  await page.keyboard.press('Space');
  await until(page, () => window.conclab.state().primes.running === false, null, 'Space cancels');
  await h.waitForIdle(page);
  const ended = (await state(page)).primes;
  assert.equal(ended.run.finished, true, JSON.stringify(ended.run).slice(0, 300));
  assert.equal(ended.table_top, running.table_top, 'the table jumped when the run ended');
  assert.equal(rect(ended.run_button), rect(running.run_button), 'Run (Cancel) moved');
  assert.deepEqual(errors, []);
  await page.close();
});

// Issue 20 §2: presenting, a demo's options are one closed line and the lesson's picture fills the screen below.
test('presenting: the options collapse to one line and the picture fills the screen, in every demo', { timeout: 240000 }, async () => {
  const height = 1080;
  for (const [link, collapsed] of [['?demo=primes&present=1', true], ['?demo=spinner&present=1', false],
    ['?demo=lab&present=1', true], ['?demo=wikipics&present=1&net=instant&count=4&autorun=1', true],
    ['?demo=exhibition&present=1', true]]) {   // its boards first, at their starting position
    const { page, messages, errors } = await h.openPage(env.browser.context, env.server.url + link);
    await page.setViewportSize({ width: 1920, height });
    await h.waitForApp(page);
    if (link.includes('autorun')) await h.waitForResult(page, messages, 120000);
    await until(page, () => window.conclab.state().font_scale >= 1.9, null, `${link}: presenting at ×2`);
    await h.waitForIdle(page);
    const s = await state(page);
    assert.equal(s.controls_collapsed, collapsed, `${link}: the options are one line`);
    const { y, h: tall } = s.picture_area;
    // Down to the screen's last lines (each lane or bar at most 3× its height: 4 lanes stop short of a whole screen).
    assert.ok(tall >= 150 && y + tall >= 0.75 * height, `${link}: the picture ${JSON.stringify(s.picture_area)} does not fill the screen`);
    if (link.includes('exhibition')) assert.ok(y < 0.6 * height, `${link}: the boards start below the first screen: ${y}`);
    assert.deepEqual(errors, [], link);
    await page.close();
  }
  // Not presenting: the options are drawn, the picture keeps its own size.
  const { page } = await h.openPage(env.browser.context, env.server.url + '?demo=primes');
  await page.setViewportSize({ width: 1920, height });
  await h.waitForApp(page);
  await h.waitForIdle(page);
  const s = await state(page);
  assert.equal(s.controls_collapsed, false);
  assert.ok(s.picture_area.h > 0 && s.picture_area.h < 0.3 * height, JSON.stringify(s.picture_area));
  await page.close();
});

// Issue 20 §2: presenting, the demo list is one line above the demo (the keys still switch demos), and the demo has
// the screen's whole width.
test('presenting folds the demo list into one line; the keys still switch demos', { timeout: 180000 }, async () => {
  const { page, errors } = await h.openPage(env.browser.context, env.server.url + '?demo=primes');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await h.waitForApp(page);
  await h.waitForIdle(page);
  let s = await state(page);
  assert.equal(s.chrome, 'sidebar');
  assert.ok(s.demo_area.x > 200, `beside the sidebar: ${JSON.stringify(s.demo_area)}`);
  await page.focus('#canvas');
  await page.keyboard.press('p');
  await until(page, () => window.conclab.state().present && window.conclab.state().font_scale >= 1.9, null, 'P presents');
  await h.waitForIdle(page);
  s = await state(page);
  assert.equal(s.chrome, 'line');
  assert.ok(s.demo_area.x < 40 && s.demo_area.w > 1840, `the demo has the whole width: ${JSON.stringify(s.demo_area)}`);
  assert.ok(s.demo_area.y < 3 * 17 * s.font_scale, `one line above it: ${JSON.stringify(s.demo_area)}`);
  for (const [key, demo] of [['3', 'exhibition'], ['ArrowRight', 'spinner'], ['ArrowLeft', 'exhibition'], ['1', 'system']]) {
    await page.keyboard.press(key);
    await until(page, (d) => window.conclab.state().demo === d, demo, `${key} opens ${demo} while presenting`);
  }
  assert.equal((await state(page)).chrome, 'line');
  await page.keyboard.press('p');
  await until(page, () => window.conclab.state().chrome === 'sidebar', null, 'P again: the sidebar is back');
  assert.deepEqual(errors, []);
  await page.close();
  // A phone presents with its one line too.
  const phone = await h.openPage(env.browser.context, env.server.url + '?demo=exhibition&present=1');
  await phone.page.setViewportSize({ width: 412, height: 915 });
  await h.waitForApp(phone.page);
  await until(phone.page, () => window.conclab.state().font_scale === 1.25, null, 'a phone presents at ×1.25');
  await h.waitForIdle(phone.page);
  s = await state(phone.page);
  assert.equal(s.chrome, 'line');
  assert.equal(s.overflow_px, 0, 'nothing runs past the phone\'s edge');
  await phone.page.close();
});

// Issue 20 §2: the exhibition's lesson at first sight, before Start: its boards in their starting position, as big as
// the run will draw them.
test('the exhibition draws its boards before Start, where the run will draw them', { timeout: 120000 }, async () => {
  const { page, errors } = await h.openPage(env.browser.context, env.server.url + '?demo=exhibition&boards=12');
  await page.setViewportSize({ width: 1280, height: 800 });
  await h.waitForApp(page);
  await h.waitForIdle(page);
  let e = (await state(page)).exhibition;
  assert.equal(e.running, false);
  assert.equal(e.thread_started, false, 'nothing runs for the picture');
  assert.equal(e.starting_position, true);
  assert.equal(e.boards_drawn, 12);
  assert.ok(e.boards_area.h >= 200, JSON.stringify(e.boards_area));
  const before = e.boards_area;
  await page.focus('#canvas');
  await page.keyboard.press('Space');
  await until(page, () => window.conclab.state().exhibition.snapshots > 1, null, 'Start runs it');
  e = (await state(page)).exhibition;
  assert.equal(e.starting_position, false);
  assert.equal(e.boards_drawn, 12);
  assert.deepEqual(e.boards_area, before, 'the boards are where they were before Start');
  assert.deepEqual(errors, []);
  await page.close();
});

// Issue 20 §5: what the pointer aims at stays where it is, in the exhibition (Start, the settings, the boards' place)
// and in System (the spinners' slider and Start / Stop), whatever the run does.
test('controls stay put: the exhibition across a run and a settings change, System across Start and Stop', { timeout: 180000 }, async () => {
  const rect = (r) => JSON.stringify([r.x, r.y, r.w, r.h]);
  // Tall windows: the settings under the pictures are on screen, where a click reaches them.
  for (const size of [{ width: 1280, height: 2000 }, { width: 412, height: 2800 }]) {
    const where = `${size.width}×${size.height}`;
    const { page, errors } = await h.openPage(env.browser.context,
      `${env.server.url}?demo=exhibition&boards=4&moves=3&her=1&them=1`);
    await page.setViewportSize(size);
    await h.waitForApp(page);
    await h.waitForIdle(page);
    const places = (x) => ({ start: rect(x.start_button), slider: rect(x.boards_slider), boards: x.boards_area.y });
    let e = (await state(page)).exhibition;
    const first = places(e);
    assert.ok(e.boards_slider.w > 0 && e.start_button.w > 0, `${where}: ${JSON.stringify(first)}`);
    assert.ok(e.boards_slider.y + e.boards_slider.h < size.height, `${where}: the slider is off screen: ${JSON.stringify(first)}`);
    // Before Start: a click on the Boards slider changes the count; the slider, Start and the boards stay.
    await page.mouse.click(e.boards_slider.x + e.boards_slider.w * 0.12, e.boards_slider.y + e.boards_slider.h / 2);
    await until(page, () => window.conclab.state().exhibition.boards > 4, null, `${where}: the slider took the click`);
    await h.waitForIdle(page);
    e = (await state(page)).exhibition;
    assert.equal(e.boards_drawn, e.boards);
    assert.deepEqual(places(e), first, `${where}: a new count of boards moved the controls`);
    await page.focus('#canvas');
    await page.keyboard.press('Space');
    await until(page, () => window.conclab.state().exhibition.running, null, `${where}: Start`);
    await page.keyboard.press('Space');
    await until(page, () => window.conclab.state().exhibition.paused, null, `${where}: Pause`);
    await h.waitForIdle(page);
    assert.deepEqual(places((await state(page)).exhibition), first, `${where}: paused`);
    await page.keyboard.press('Space');
    await until(page, () => window.conclab.state().exhibition.finished, null, `${where}: the run ends`, 60000);
    await h.waitForIdle(page);
    e = (await state(page)).exhibition;
    assert.deepEqual(places(e), first, `${where}: finished`);
    // A settings change under a finished run says so (Restart to apply) on a line kept for it.
    await page.mouse.click(e.boards_slider.x + e.boards_slider.w * 0.5, e.boards_slider.y + e.boards_slider.h / 2);
    await h.waitForIdle(page);
    e = (await state(page)).exhibition;
    assert.equal(e.settings_changed, true, `${where}: the note is shown`);
    assert.deepEqual(places(e), first, `${where}: the note moved the controls`);
    assert.deepEqual(errors, [], where);
    await page.close();

    const system = await h.openPage(env.browser.context, `${env.server.url}?demo=system`);
    await system.page.setViewportSize(size);
    await h.waitForApp(system.page);
    await h.waitForIdle(system.page);
    const controls = (x) => ({ button: rect(x.spin_button), slider: rect(x.spin_slider) });
    const idle = (await state(system.page)).system;
    assert.ok(idle.spin_button.w > 0, `${where}: ${JSON.stringify(idle.spin_button)}`);
    const b = idle.spin_button;
    await system.page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
    await until(system.page, () => window.conclab.state().system.stop_offered, null, `${where}: Start spins`);
    const spinning = (await state(system.page)).system;
    assert.deepEqual(controls(spinning), controls(idle), `${where}: Start moved the controls (now Stop)`);
    await system.page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
    await until(system.page, () => window.conclab.state().system.spin_workers === 0, null, `${where}: Stop`);
    await h.waitForIdle(system.page);
    assert.deepEqual(controls((await state(system.page)).system), controls(idle), `${where}: after Stop`);
    assert.deepEqual(system.errors, [], where);
    await system.page.close();
  }
});

// Issue 20 §5: a phone's table never cuts a number's digits ("134_217_68"): where number, ✓/✗ and lpf do not fit side
// by side, the lpf goes under its number.
test('a phone\'s results table never cuts a number: the lpf folds under it', { timeout: 180000 }, async () => {
  for (const link of ['?demo=primes&executor=threads&sample=2**54&autorun=1', '?demo=primes&executor=threads&sample=2**54&present=1&autorun=1']) {
    const { page, messages, errors } = await h.openPage(env.browser.context, env.server.url + link);
    await page.setViewportSize({ width: 412, height: 915 });
    await h.waitForApp(page);
    await h.waitForResult(page, messages, 120000);
    await h.waitForIdle(page);
    const s = await state(page);
    assert.equal(s.overflow_px, 0, `${link}: something runs past the phone's edge`);
    assert.ok([2, 3].includes(s.primes.results_columns), `${link}: ${s.primes.results_columns}`);
    if (link.includes('present')) assert.equal(s.primes.results_columns, 2, `${link}: ×1.25 on 412 px folds the lpf`);
    if (process.env.CONCLAB_SHOTS) await page.screenshot({ path: path.join(process.env.CONCLAB_SHOTS, `phone-table${link.includes('present') ? '-present' : ''}.png`) });
    assert.deepEqual(errors, [], link);
    await page.close();
  }
});
