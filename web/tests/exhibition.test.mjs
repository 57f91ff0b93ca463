// The exhibition runs on its own thread (a pthread: a Web Worker) while the page keeps drawing; autorun logs
// CONCLAB_RESULT with the CLI's JSON (the same document when the native build is there); a bad query value
// is shown beside its field and nothing runs. The spinners, started by spinner=: the coroutine's freezes when
// its slow call blocks the loop; the thread's and the process's (the call in an isolated Web Worker, the page's
// own loop spinning) never do.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import * as h from './helpers.mjs';

const env = h.useIsolatedServerAndBrowser();

// The CLI's JSON for the same options, when the native build is there.
function cliJson(args) {
  if (!existsSync(h.conclabExe)) return null;
  return JSON.parse(execFileSync(h.conclabExe, ['exhibition', ...args, '--json']));
}

function checkShape(result, boards, moves) {
  assert.equal(result.demo, 'exhibition');
  assert.equal(result.boards, boards);
  assert.equal(result.moves, moves);
  assert.equal(result.finished, true);
  assert.equal(typeof result.seed, 'string', '64-bit integers are JSON strings');
  for (const key of ['sequential_s', 'simultaneous_s', 'simultaneous_rounds_s', 'crossover_boards', 'her_wins',
    'her_losses', 'draws', 'undecided']) assert.equal(typeof result[key], 'number', key);
  assert.equal(result.boards_result.length, boards);
  assert.equal(result.her_wins + result.her_losses + result.draws + result.undecided, boards);
  for (const b of result.boards_result) {
    assert.ok(b.moves >= 1 && b.moves <= moves, `board ${b.board}: ${b.moves} moves`);
    assert.equal(typeof b.finish_s, 'number');
    assert.ok(b.fen.length > 10);
  }
}

test('at max speed the live run ends with the CLI\'s JSON', { timeout: 120000 }, async () => {
  const { page, messages, errors } = await h.openPage(env.browser.context,
    env.server.url + '?demo=exhibition&boards=6&her=5&them=55&moves=10&speed=max&autorun=1');
  await h.waitForApp(page);
  const result = await h.waitForResult(page, messages, 90000);
  checkShape(result, 6, 10);
  assert.equal(result.crossover_boards, 12);
  const expected = cliJson(['--boards', '6', '--her', '5', '--them', '55', '--moves', '10']);
  if (expected) assert.deepEqual(result, expected, 'the same games and times as the native CLI');
  const state = (await page.evaluate(() => window.conclab.state())).exhibition;
  assert.equal(state.finished, true);
  assert.equal(state.thread_started, true);
  assert.equal(state.speed, 'max');
  assert.equal((await page.evaluate(() => window.conclab.state())).redraw, 'idle', 'a finished run draws nothing more');
  assert.deepEqual(errors, []);
  await page.close();
});

test('frames keep coming while the simulation runs on its thread', { timeout: 150000 }, async () => {
  // 20 boards of chess at 600 simulated seconds per real second: the simultaneous schedule takes ~5 s.
  const { page, messages, errors } = await h.openPage(env.browser.context,
    env.server.url + '?demo=exhibition&mode=simultaneous&speed=600&autorun=1');
  await h.waitForApp(page);
  await page.waitForFunction(() => window.conclab.state().exhibition.running === true, null, { timeout: 30000 });
  const before = await page.evaluate(() => ({ ...window.conclab.state().exhibition, frames: window.conclab.frames().count }));
  assert.equal((await page.evaluate(() => window.conclab.state())).redraw, 'animating');
  // Counted, not timed: while the simulation moves on its thread (three more snapshots), the page draws frames.
  await page.waitForFunction((b) => window.conclab.state().exhibition.snapshots >= b.snapshots + 3 &&
    window.conclab.frames().count > b.frames, before, { timeout: 60000, polling: 100 }).catch(() => {
    assert.fail(`within 60 s the simulation did not take 3 more snapshots (${before.snapshots}) with the page drawing`);
  });
  const during = await page.evaluate(() => ({ ...window.conclab.state().exhibition, frames: window.conclab.frames().count }));
  console.log(`exhibition live: ${during.frames - before.frames} frames while simulated time went ${before.now_s} → ` +
    `${during.now_s} s (${before.snapshots} → ${during.snapshots} snapshots)`);
  assert.ok(during.frames > before.frames, 'the page drew while the simulation ran');
  assert.ok(during.now_s > before.now_s, 'simulated time moved while the page drew');
  assert.ok(during.snapshots > before.snapshots);
  const result = await h.waitForResult(page, messages, 120000);
  checkShape(result, 20, 30);
  assert.equal(result.mode, 'simultaneous');
  const expected = cliJson(['--mode', 'simultaneous']);
  if (expected) assert.deepEqual(result, expected, 'the same games and times as the native CLI');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a bad query value is shown beside its field and nothing runs', { timeout: 60000 }, async () => {
  const { page, errors } = await h.openPage(env.browser.context, env.server.url + '?demo=exhibition&boards=0&autorun=1');
  const state = await h.waitForApp(page);
  assert.match(state.exhibition.errors.boards, /boards/);
  assert.match(state.error, /boards/);
  assert.equal(state.exhibition.run_id, 0, 'autorun does not start with a bad value');
  assert.deepEqual(errors, []);
  await page.close();
});

test('spinner=: a blocking call freezes the coroutine\'s spinner, never the thread\'s or the process\'s', { timeout: 60000 }, async () => {
  for (const kind of ['coroutine', 'thread', 'process']) {
    const started = Date.now();
    const { page, messages, errors } = await h.openPage(env.browser.context,
      env.server.url + `?demo=exhibition&spinner=${kind}&block=1&spinner-seconds=1` + (kind === 'process' ? '&lang=pt' : ''));
    await h.waitForApp(page);
    const framesBefore = (await page.evaluate(() => window.conclab.frames())).count;
    const result = await h.waitForResult(page, messages, 20000);
    const framesAfter = (await page.evaluate(() => window.conclab.frames())).count;
    const spinner = (await page.evaluate(() => window.conclab.state())).exhibition.spinner;
    console.log(`spinner ${kind} (blocking call, 1 s): ${spinner.frames} spinner frames, longest gap ` +
      `${spinner.longest_gap_s.toFixed(2)} s, frozen ${spinner.frozen_s.toFixed(2)} s; ${framesAfter - framesBefore} page frames; ` +
      `${Date.now() - started} ms`);
    assert.deepEqual(result, { demo: 'exhibition', spinner }, 'CONCLAB_RESULT is the panel\'s spinner state');
    assert.equal(spinner.kind, kind);
    assert.equal(spinner.running, false);
    assert.equal(spinner.block, true);
    assert.equal(spinner.error, undefined);
    assert.equal(spinner.answer, '1099511627689', 'lpf of a prime is itself');
    // Counted, not timed: frames drawn while the slow call was in flight. The page draws throughout (the spinner
    // runs off the UI thread); the coroutine's spinner shares its loop's one thread with the blocking call, so it
    // draws no frame at all, while a thread's or a process's spinner turns beside the call.
    assert.ok(framesAfter > framesBefore, 'the page drew frames during the call');
    if (kind === 'coroutine') {
      assert.equal(spinner.frames, 0, 'the blocked loop never ran its spinner while the call was in flight');
    } else {
      assert.ok(spinner.frames >= 2, `${kind}: the spinner turned while the call was in flight (${spinner.frames} frames)`);
    }
    if (kind === 'process') {   // the spinner section, in Portuguese, scrolled into view
      await page.mouse.move(700, 500);
      for (let i = 0; i < 12; ++i) {
        await page.mouse.wheel(0, 120);
        await page.waitForTimeout(60);
      }
      await page.waitForTimeout(500);
      mkdirSync(h.screenshotDir, { recursive: true });
      writeFileSync(path.join(h.screenshotDir, 'exhibition-web-spinner-process-pt.png'), await page.screenshot());
    }
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('a bad spinner= is shown beside its field and nothing spins', { timeout: 30000 }, async () => {
  const { page, errors } = await h.openPage(env.browser.context, env.server.url + '?demo=exhibition&spinner=fiber');
  const state = await h.waitForApp(page);
  assert.match(state.exhibition.errors.spinner, /thread\|process\|coroutine/);
  assert.match(state.error, /spinner/);
  assert.equal(state.exhibition.spinner.running, false);
  assert.equal(state.exhibition.spinner.frames, 0);
  assert.deepEqual(errors, []);
  await page.close();
});

// Narrow screens: on a phone (412 wide) and a tablet (768), the exhibition after a run and the lab with measured
// figures keep every line, control and table column inside the panel, in English and Portuguese. overflow_px is
// how far the panel's widest content (a table at the width its cells ask) runs past its right edge, where it
// would be clipped.
test('on a phone and a tablet the exhibition and the lab clip nothing', { timeout: 120000 }, async () => {
  const shots = [
    { width: 412, height: 915, lang: 'pt', demo: 'exhibition', query: 'boards=12&speed=max&autorun=1' },
    { width: 768, height: 1024, lang: 'en', demo: 'exhibition', query: 'boards=12&speed=max&autorun=1' },
    { width: 412, height: 915, lang: 'en', demo: 'lab', query: 'suite=ipc&quick=1&autorun=1' },
    { width: 768, height: 1024, lang: 'pt', demo: 'lab', query: 'suite=ipc&quick=1&autorun=1' },
  ];
  mkdirSync(h.screenshotDir, { recursive: true });
  for (const s of shots) {
    const { page, messages, errors } = await h.openPage(env.browser.context, 'about:blank');
    await page.setViewportSize({ width: s.width, height: s.height });
    await page.goto(`${env.server.url}?demo=${s.demo}&lang=${s.lang}&${s.query}`);
    await h.waitForApp(page);
    await h.waitForResult(page, messages);
    await h.waitForIdle(page);
    const state = await page.evaluate(() => window.conclab.state());
    const where = `${s.demo} at ${s.width}x${s.height} in ${s.lang}`;
    assert.equal(state.layout, s.width < 720 ? 'narrow' : 'wide', where);
    assert.ok(state.overflow_px < 1, `${where}: content runs ${state.overflow_px} px past the panel's edge`);
    if (s.demo === 'lab') assert.ok(state.lab.result.ipc, `${where}: the figures are drawn`);
    await page.screenshot({ path: path.join(h.screenshotDir, `narrow-${s.demo}-${s.width}-${s.lang}.png`) });
    assert.deepEqual(errors, []);
    await page.close();
  }
});
