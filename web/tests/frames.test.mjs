// The UI thread never blocks: frames are drawn while spinning threads keep every core busy. Counted, not timed:
// on these machines (2 cores, software WebGL, other builds) the rate says nothing; a blocked UI draws no frame.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as h from './helpers.mjs';

const env = h.useIsolatedServerAndBrowser();

async function spinAndMeasure(spinOf) {
  const probe = await h.openPage(env.browser.context, env.server.url + '?demo=system');
  const cpus = (await h.waitForApp(probe.page)).cpus;
  await probe.page.close();
  const spin = spinOf(cpus);
  const { page, errors } = await h.openPage(env.browser.context, env.server.url + `?demo=system&spin=${spin}`);
  await h.waitForApp(page);
  await page.waitForFunction((n) => window.conclab.state().system.spin_workers === n, spin, { timeout: 30000 });
  await page.waitForFunction((n) => window.conclab.state().system.spin_started === n, spin, { timeout: 60000 });
  assert.equal((await page.evaluate(() => window.conclab.state())).redraw, 'animating', 'spinners animate: every frame is drawn');
  // While every spinner counts up once more, the page draws: frames counted from before to after.
  const before = await page.evaluate(() => ({ frames: window.conclab.frames().count,
    counts: window.conclab.state().system.spin_counts.map(Number) }));
  assert.equal(before.counts.length, spin);
  await page.waitForFunction((b) => {
    const counts = window.conclab.state().system.spin_counts.map(Number);
    return counts.every((c, i) => c > b.counts[i]) && window.conclab.frames().count > b.frames;
  }, before, { timeout: 30000, polling: 100 }).catch(async () => {
    const now = await page.evaluate(() => ({ frames: window.conclab.frames().count, counts: window.conclab.state().system.spin_counts }));
    assert.fail(`within 30 s: spinners ${before.counts} → ${now.counts}, frames ${before.frames} → ${now.frames} ` +
      '(every spinner must count and the page draw while they spin)');
  });
  const after = await page.evaluate(() => ({ frames: window.conclab.frames().count,
    counts: window.conclab.state().system.spin_counts.map(Number) }));
  const m = { frames: after.frames - before.frames };
  console.log(`spin ${spin} of ${cpus} cpus: ${m.frames} frames drawn while every spinner counted ` +
    `(${before.counts} → ${after.counts})`);
  assert.ok(m.frames >= 1, 'the page drew while every core spun');
  assert.deepEqual(errors, []);
  await page.close();
  return m;
}

test('frames keep coming while every core spins', { timeout: 120000 }, async () => {
  await spinAndMeasure((cpus) => cpus);
});

test('frames keep coming with one core left free', { timeout: 120000 }, async () => {
  await spinAndMeasure((cpus) => Math.max(1, cpus - 1));
});

test('more spinners than pre-started Web Workers all start, and Stop is offered only then', { timeout: 180000 }, async () => {
  const { page, errors } = await h.openPage(env.browser.context, env.server.url + '?demo=system&spin=20');
  await h.waitForApp(page);
  await page.waitForFunction(() => window.conclab.state().system.spin_started === 20, null, { timeout: 120000 });
  const state = await page.evaluate(() => window.conclab.state());
  assert.equal(state.system.spin_workers, 20);
  assert.equal(state.system.stop_offered, true, 'Stop is offered once every spinner has started');
  assert.deepEqual(errors, []);
  await page.close();
});
