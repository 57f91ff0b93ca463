// The trace validator of tests/support/trace_check.cpp, for what the page downloads: the Chrome JSON trace format's
// rules (every b has its e, X slices nest on each track, µs timestamps ≥ 0 and monotonic, named processes and tracks).
// Returns { problems, tracks, slices } — slices per "pid/tid" key.
const SLACK_US = 0.01;

export function checkTrace(doc) {
  const problems = [];
  const processes = new Map();
  const tracks = new Map();
  const slices = new Map();
  if (!doc || typeof doc !== 'object' || !Array.isArray(doc.traceEvents)) return { problems: ['no traceEvents array'], tracks, slices, processes };
  if (doc.displayTimeUnit !== 'ms') problems.push('displayTimeUnit is not "ms"');
  const clock = doc.otherData?.clock;
  if (clock !== 'wall' && clock !== 'simulated') problems.push('otherData.clock is neither wall nor simulated');
  const ends = new Map();
  const asyncOpen = new Map();
  const used = [];
  let last = 0;
  doc.traceEvents.forEach((e, i) => {
    const say = (what) => problems.push(`event ${i}: ${what}`);
    if (!Number.isInteger(e.pid)) return say('no integer pid');
    if (e.ph === 'M') {
      if (e.name === 'process_name') processes.set(e.pid, e.args?.name);
      if (e.name === 'thread_name') tracks.set(`${e.pid}/${e.tid}`, e.args?.name);
      return undefined;
    }
    if (typeof e.ts !== 'number' || !Number.isFinite(e.ts) || e.ts < 0) return say('no ts ≥ 0');
    if (e.ts < last) say(`ts goes back (${e.ts} after ${last})`);
    last = Math.max(last, e.ts);
    if (e.ph === 'X' || e.ph === 'i') {
      if (!Number.isInteger(e.tid)) return say('no integer tid');
      const key = `${e.pid}/${e.tid}`;
      used.push([i, e.pid, key]);
      if (e.ph === 'i') return undefined;
      if (typeof e.dur !== 'number' || e.dur < 0) return say('X without a duration ≥ 0');
      const open = ends.get(key) ?? [];
      while (open.length && open.at(-1) <= e.ts + SLACK_US) open.pop();
      if (open.length && e.ts + e.dur > open.at(-1) + SLACK_US) say(`"${e.name}" overlaps on track ${key} without nesting`);
      open.push(e.ts + e.dur);
      ends.set(key, open);
      if (!slices.has(key)) slices.set(key, []);
      slices.get(key).push({ name: e.name, cat: e.cat, ts: e.ts, dur: e.dur, depth: open.length - 1 });
      return undefined;
    }
    if (e.ph === 'b' || e.ph === 'e') {
      used.push([i, e.pid, null]);
      const key = `${e.pid}/${e.cat}/${JSON.stringify(e.id)}`;
      const stack = asyncOpen.get(key) ?? [];
      if (e.ph === 'b') stack.push(e.name);
      else if (!stack.length) say(`e without its b (${key})`);
      else if (stack.pop() !== e.name) say(`e "${e.name}" closes another b`);
      asyncOpen.set(key, stack);
      return undefined;
    }
    return say(`unexpected ph "${e.ph}"`);
  });
  for (const [key, stack] of asyncOpen) if (stack.length) problems.push(`b "${stack.at(-1)}" never ends (${key})`);
  for (const [i, pid, key] of used) {
    if (!processes.has(pid)) problems.push(`event ${i}: process ${pid} has no name`);
    if (key && !tracks.has(key)) problems.push(`event ${i}: track ${key} has no name`);
  }
  return { problems, tracks, slices, processes };
}
