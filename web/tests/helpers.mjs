// Shared by the browser tests: servers for build/web (with and without COOP/COEP), headless Chromium
// through playwright-core, and waiting for the app's own signals (window.conclab, CONCLAB_RESULT).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const webDir = path.resolve(process.env.CONCLAB_WEB_DIR || path.join(repoRoot, 'build/web'));   // resolved: the static server compares paths
export const conclabExe = process.env.CONCLAB_EXE || path.join(repoRoot, 'build/native/conclab');
export const screenshotDir = path.join(repoRoot, 'build/screenshots');
export const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ...(process.env.CONCLAB_CHROMIUM_ARGS ? process.env.CONCLAB_CHROMIUM_ARGS.split(' ') : [])];

export const siteFiles = ['index.html', 'index.js', 'index.wasm', 'process-worker.js'];
export function requireSite() {
  const missing = siteFiles.filter((f) => !existsSync(path.join(webDir, f)));
  if (missing.length) throw new Error(`${webDir} lacks ${missing.join(', ')}: build the web app first (cmake --build build/wasm)`);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const mimeTypes = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm',
  '.data': 'application/octet-stream', '.json': 'application/json', '.png': 'image/png', '.css': 'text/css' };

export const isolationHeaders = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin' };

// A static file server on 127.0.0.1 in this process; with `isolation`, it sends COOP/COEP like `conclab serve`.
// Files named in `hide` answer 404, as on a host where they were never uploaded; files in `cut` ({name: bytes})
// announce their whole length, send that many bytes and drop the connection (a download that breaks off);
// `gate(name)` may return a promise the answer waits for (a test's own moment, never a timer).
// `dir`: another site than webDir (resolved here), e.g. the shipped page. `served` lists every answer
// ({path, status, bytes}) in the order they were sent.
export async function startNodeServer({ isolation, hide = [], cut = {}, gate = () => undefined, dir = webDir }) {
  const root = path.resolve(dir);
  const port = await freePort();
  const served = [];
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    const name = path.basename(file);
    await gate(name);
    if (!existsSync(file) || hide.includes(name)) {
      served.push({ path: url.pathname, status: 404, bytes: 0 });
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const headers = { 'Content-Type': mimeTypes[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache',
      ...(isolation ? isolationHeaders : {}) };
    const body = readFileSync(file);
    if (cut[name] !== undefined) {
      served.push({ path: url.pathname, status: 200, bytes: cut[name] });
      res.writeHead(200, { ...headers, 'Content-Length': body.length });
      res.write(body.subarray(0, cut[name]), () => res.destroy());
      return;
    }
    served.push({ path: url.pathname, status: 200, bytes: body.length });
    res.writeHead(200, headers).end(body);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}/`, kind: isolation ? 'node (COOP/COEP)' : 'node (plain)', served,
    close: () => new Promise((r) => { server.close(r); server.closeAllConnections(); }) };
}

async function waitForHttp(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`conclab serve exited with status ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return response;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

// The real `conclab serve` (COOP/COEP) when build/native/conclab exists, else the node server with the same headers.
// `serveArgs` go to `conclab serve` as they are (e.g. ['--mirror', '--error-rate', '0.2']); `dir`: another site.
export async function startIsolatedServer({ serveArgs = [], dir = webDir } = {}) {
  if (!existsSync(conclabExe)) {
    if (serveArgs.length) throw new Error(`${conclabExe} is missing: build the native app (conclab serve ${serveArgs.join(' ')})`);
    return startNodeServer({ isolation: true, dir });
  }
  const port = await freePort();
  const child = spawn(conclabExe, ['serve', '--host', '127.0.0.1', '--port', String(port), '--dir', path.resolve(dir), ...serveArgs],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const url = `http://127.0.0.1:${port}/`;
  try {
    const response = await waitForHttp(url, child, 10000);
    if (response.headers.get('cross-origin-embedder-policy') !== 'require-corp')
      throw new Error('conclab serve sent no Cross-Origin-Embedder-Policy header');
  } catch (error) {
    child.kill();
    throw new Error(`${error.message}\n${stderr}`);
  }
  return {
    url, kind: 'conclab serve',
    close: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    }),
  };
}

// Chromium with a fresh profile of its own (deleted by close()).
export async function launchBrowser() {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'conclab-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath, headless: true, args: chromiumArgs, viewport: { width: 1280, height: 800 },
  });
  return {
    context,
    userDataDir,   // names this browser's processes (--user-data-dir=…), e.g. to read their CPU time in /proc
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

// Opens the page and records its console; `messages` and `errors` fill as the page runs. `beforeGoto(page)` adds
// listeners that must see the first request.
export async function openPage(context, url, { beforeGoto } = {}) {
  const page = await context.newPage();
  if (beforeGoto) beforeGoto(page);
  const messages = [];
  const errors = [];
  page.on('console', (m) => {
    messages.push({ type: m.type(), text: m.text() });
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(url);
  return { page, messages, errors };
}

// The app's own "ready" signal: window.conclab.state() answers and the loading screen is gone.
// Survives the one reload coi-serviceworker makes.
export async function waitForApp(page, timeoutMs = 60000) {
  await page.waitForFunction(() => window.conclab && window.conclab.ready === true && typeof window.conclab.state === 'function',
    null, { timeout: timeoutMs, polling: 200 });
  return page.evaluate(() => window.conclab.state());
}

// Waits until the page has stopped drawing (on-demand mode: nothing changes, nothing is drawn): the frame
// count holds still for half a second. Fails after `timeoutMs`.
export async function waitForIdle(page, timeoutMs = 20000) {
  const start = Date.now();
  let last = -1;
  while (Date.now() - start < timeoutMs) {
    const count = (await page.evaluate(() => window.conclab.frames())).count;
    if (count === last) return { frames: count, waitedMs: Date.now() - start };
    last = count;
    await page.waitForTimeout(500);
  }
  throw new Error(`the page never went idle within ${timeoutMs} ms`);
}

// The JSON of the first `CONCLAB_RESULT <json>` console line.
export async function waitForResult(page, messages, timeoutMs = 120000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const line = messages.find((m) => m.text.startsWith('CONCLAB_RESULT '));
    if (line) return JSON.parse(line.text.slice('CONCLAB_RESULT '.length));
    await page.waitForTimeout(250);
  }
  throw new Error(`no CONCLAB_RESULT within ${timeoutMs} ms; last console lines:\n` +
    messages.slice(-10).map((m) => `  ${m.type}: ${m.text}`).join('\n'));
}

// Samples window.conclab over `seconds`: frame counts and the UI's fps, and the longest gap between frames.
export async function measureFrames(page, seconds) {
  const before = await page.evaluate(() => ({ frames: window.conclab.frames(true), t: performance.now() }));
  const fpsSamples = [];
  for (let i = 0; i < seconds * 2; ++i) {
    await page.waitForTimeout(500);
    fpsSamples.push((await page.evaluate(() => window.conclab.state())).fps);
  }
  const after = await page.evaluate(() => ({ frames: window.conclab.frames(), t: performance.now() }));
  const frames = after.frames.count - before.frames.count;
  return {
    frames,
    fps: (frames * 1000) / (after.t - before.t),
    uiFps: fpsSamples,
    maxGapMs: Math.max(after.frames.max_gap_ms, after.t - after.frames.last_ms),   // within the window
  };
}

// Counts distinct colours in a PNG screenshot of the canvas (decoded by the browser itself).
export async function colourVariety(page, png) {
  return page.evaluate(async (b64) => {
    const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
    const bitmap = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const colours = new Set();
    for (let i = 0; i < data.length; i += 4 * 7) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return colours.size;
  }, png.toString('base64'));
}

// The usual fixture: one server with COOP/COEP headers and one browser for the whole file.
// Returns an object whose .server and .browser are set before the first test runs.
export function useIsolatedServerAndBrowser() {
  const env = {};
  before(async () => {
    requireSite();
    env.server = await startIsolatedServer();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

// [wikipics] `conclab serve --mirror --pin-faults`: the mirror's own list of which image meets which fault
// ({"Name.jpg": "reset", …}; 7 JPEGs in 10 by name, the others answer whole).
export async function pinnedFaults(serverUrl) {
  const response = await fetch(`${serverUrl}pinned-faults`);
  assert.equal(response.status, 200, 'the mirror lists its pinned faults (serve --mirror --pin-faults)');
  return response.json();
}

// The bytes the mirror serves at `url`, fetched here apart from the page (a whole answer, status 200).
export async function servedBytes(url) {
  const response = await fetch(url);
  assert.equal(response.status, 200, `the mirror serves ${url}`);
  return (await response.arrayBuffer()).byteLength;
}

// The size the mirror's catalog lists for the file at `url` (one of the mirror's own), from its api.php — for a
// mirror with random fault rates, where fetching the file again may meet a fault.
export async function catalogBytes(url) {
  const { origin, pathname } = new URL(url);
  const name = decodeURIComponent(pathname.slice(pathname.lastIndexOf('/') + 1));
  const query = new URLSearchParams({ action: 'query', list: 'allimages', aifrom: name, ailimit: '1', aiprop: 'size',
    format: 'json' });
  const listed = (await (await fetch(`${origin}/w/api.php?${query}`)).json()).query.allimages[0];
  assert.equal(listed?.name, name, `the mirror's catalog lists ${name}`);
  return listed.size;
}

// What a browser makes of each pinned fault: the report's error and status. A cut body and a reset both give
// status 0 with no reason (a browser does not say which); natively libcurl tells them apart.
export const browserFaultOutcome = {
  500: ['http_status', 500], 418: ['http_status', 418], 404: ['http_status', 404], truncate: ['network', 0],
  reset: ['network', 0], 429: ['rate_limited', 429], timeout: ['timeout', 0],
};

// Checks a wikipics CONCLAB_RESULT against the pins, image by image: a pinned image failed with its own kind, an
// unpinned one arrived with exactly the bytes the mirror serves for it; every kind (and a good image) was met.
export async function checkPinnedFaults(result, pins, { timeoutMs }) {
  const seen = new Set();
  let goodBytes = 0;
  for (const image of result.images) {
    const name = decodeURIComponent(image.url.slice(image.url.lastIndexOf('/') + 1));
    const pin = pins[name];
    const where = `${result.executor}: ${name} pinned ${pin ?? 'none'} → ${JSON.stringify(image)}`;
    if (pin === undefined) {
      assert.equal(image.error, null, where);
      assert.equal(image.status, 200, where);
      assert.equal(image.bytes, await servedBytes(image.url), `${where}: the bytes the mirror serves for it`);
      goodBytes += image.bytes;
      seen.add('none');
      continue;
    }
    const [error, status] = browserFaultOutcome[pin];
    assert.equal(image.error, error, where);
    assert.equal(image.status, status, where);
    if (pin === '429') assert.equal(image.retry_after_s, 1, where);
    if (pin === 'timeout') assert.match(image.detail, new RegExp(`within ${timeoutMs} ms`), where);
    if (pin === 'truncate' || pin === 'reset') assert.match(image.detail, /a browser does not say which/, where);
    seen.add(pin);
  }
  assert.equal(result.total_bytes, goodBytes);
  for (const kind of [...Object.keys(browserFaultOutcome), 'none'])
    assert.ok(seen.has(kind), `${result.executor}: no image pinned '${kind}' in the sample: choose another seed`);
}

// The talk's least prime factor by trial division over 6k±1, with exact doubles (every n in the tests is below 2**53).
export function leastPrimeFactor(n) {
  if (n % 2 === 0) return 2;
  if (n % 3 === 0) return 3;
  for (let i = 5; i * i <= n; i += 6) {
    if (n % i === 0) return i;
    if (n % (i + 2) === 0) return i + 2;
  }
  return n;
}
