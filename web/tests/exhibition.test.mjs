// The exhibition runs on its own thread (a pthread: a Web Worker) while the page keeps drawing; autorun logs
// CONCLAB_RESULT with the CLI's JSON (the same document when the native build is there); a bad query value
// is shown beside its field and nothing runs. (The spinners have their own demo: spinner.test.mjs.)
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
