// Browser tests of the spfkit widgets: headless Chromium (Debian's
// chromium) driven by playwright-core, pages served on 127.0.0.1 with a
// strict CSP, axe-core for accessibility. Run by .ci/run as
//   SPFKIT_BUNDLE=dir SPFKIT_BIN=path node test.mjs
// where the bundle comes from `spfkit widget build` and the binary
// validates what the widgets post and export.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { crossCheck } from './crosscheck.mjs';

const require = createRequire(import.meta.url);
const bundle = process.env.SPFKIT_BUNDLE;
const spfkit = process.env.SPFKIT_BIN;
const chromePath = process.env.CHROMIUM || '/usr/bin/chromium';
if (!bundle || !spfkit) {
  console.error('set SPFKIT_BUNDLE (from spfkit widget build) and SPFKIT_BIN');
  process.exit(2);
}
const here = path.dirname(new URL(import.meta.url).pathname);
const pulse = fs.readFileSync(path.join(here, '../../survey/testdata/pulse.json'), 'utf8');
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

// A definition whose wording carries markup and script: it must show as text.
const hostile = JSON.stringify({
  id: 'hostile', version: '1', title: 'Hostile <b>survey</b>',
  description: '<img src=x onerror="window.__pwned=1">',
  questions: [
    { id: 'q', type: 'single_choice', text: '<script>window.__pwned=1</script>Pick one', required: true,
      options: [{ value: 'a', label: '<img src=x onerror="window.__pwned=1">' }, { value: 'b', label: '"><svg onload="window.__pwned=1">' }] },
  ],
});

// Reports of the heat check fixture, by organisation type at two
// thresholds (one withholds groups, one shows them), and without.
const waveA = path.join(here, '../../survey/testdata/synthetic-wave-a.ndjson');
const report = (...args) => {
  try {
    return execFileSync(spfkit, ['score', '--survey', 'heatcheck-2022-members', '--format', 'html', ...args, waveA], { stdio: ['pipe', 'pipe', 'pipe'] }).toString();
  } catch (e) {
    return e.stdout.toString(); // rejected records still give a report
  }
};
const reports = {};
let imported = '{}'; // the definition spfkit survey import makes of a SurveyJS form

const posts = [];
let flaky = 0;
function page(body, title = 'spfkit test page') {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>` +
    `<script src="/spfkit/spfkit.js" defer></script></head><body><main><h1>${title}</h1>${body}</main></body></html>`;
}
const pages = {
  '/survey': page('<spf-survey survey="heatcheck-2022-members" submit-url="/api/ok"></spf-survey>', 'Heat check'),
  '/pulse': page('<spf-survey src="/defs/pulse.json" submit-url="/api/ok"></spf-survey>', 'Pulse survey'),
  '/flaky': page('<spf-survey src="/defs/pulse.json" submit-url="/api/flaky"></spf-survey>', 'Pulse survey'),
  '/hostile': page('<spf-survey src="/defs/hostile.json"></spf-survey>', 'Hostile'),
  '/none': page('<spf-survey survey="heatcheck-2022-members" storage="none"></spf-survey>', 'Shared PC'),
  '/local': page('<spf-survey survey="heatcheck-2022-members" storage="local" submit-url="/api/ok"></spf-survey>', 'Kept drafts'),
  '/shadow': page('<link rel="stylesheet" href="/hostile.css"><spf-survey survey="heatcheck-2022-members" shadow submit-url="/api/ok"></spf-survey><spf-checklist level="local" plan-key="shadow" shadow></spf-checklist>', 'Hostile theme'),
  '/theme': page('<link rel="stylesheet" href="/theme.css"><spf-survey survey="heatcheck-2022-members" submit-url="/api/ok"></spf-survey>', 'Intranet theme'),
  '/imported': page('<spf-survey src="/defs/imported.json" submit-url="/api/ok"></spf-survey>', 'Imported SurveyJS form'),
  '/checklist': page('<spf-checklist level="local" plan-key="test-trust" organization="Test NHS Trust"></spf-checklist>', 'Checklist'),
  // Three host themes: none, Bootstrap 5, and one that restyles headings,
  // panels and inputs with element rules, as intranet themes do.
  '/theme-plain': page('<spf-survey src="/defs/pulse.json" submit-url="/api/ok"></spf-survey><spf-checklist level="local" plan-key="theme-plain"></spf-checklist>', 'Plain host'),
  '/theme-bootstrap': page('<link rel="stylesheet" href="/bootstrap.css"><div class="container"><div class="card"><div class="card-body"><spf-survey src="/defs/pulse.json" submit-url="/api/ok"></spf-survey></div></div><div class="card"><div class="card-body"><spf-checklist level="local" plan-key="theme-bootstrap"></spf-checklist></div></div></div>', 'Bootstrap host'),
  '/theme-restyled': page('<link rel="stylesheet" href="/restyled.css"><spf-survey src="/defs/pulse.json" submit-url="/api/ok"></spf-survey><spf-checklist level="local" plan-key="theme-restyled"></spf-checklist>', 'Restyled host'),
  '/both': page('<spf-survey survey="heatcheck-2022-members"></spf-survey><spf-checklist level="local" plan-key="both"></spf-checklist>', 'Both widgets'),
};
const mimes = { '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.html': 'text/html' };

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const send = (code, type, body) => { res.writeHead(code, { 'Content-Type': type, 'Content-Security-Policy': CSP, 'Cache-Control': 'no-store' }); res.end(body); };
  if (pages[url.pathname]) return send(200, 'text/html; charset=utf-8', pages[url.pathname]);
  if (url.pathname === '/embedded') {
    // A page of the intranet's own, on another origin, that takes the
    // widgets from the service and posts to it.
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': `default-src 'self'; script-src 'self' ${demoURL} 'wasm-unsafe-eval'; style-src 'self' ${demoURL}; connect-src ${demoURL}` });
    return res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Our own intranet page</title><script src="${demoURL}/spfkit/spfkit.js" defer></script></head>` +
      `<body><main><h1>Our own intranet page</h1><spf-survey survey="heatcheck-2022-members" submit-url="${demoURL}/api/surveys/heatcheck-demo/responses"></spf-survey>` +
      `<spf-checklist level="local" plan-key="embedded" plan-url="${demoURL}/api/plans/example-ics/embedded-trust"></spf-checklist></main></body></html>`);
  }
  if (url.pathname === '/defs/pulse.json') return send(200, 'application/json', pulse);
  if (url.pathname === '/defs/hostile.json') return send(200, 'application/json', hostile);
  if (url.pathname === '/defs/imported.json') return send(200, 'application/json', imported);
  if (url.pathname === '/hostile.css') return send(200, 'text/css', 'input, select, button { display: none !important; } form, fieldset { border: 9px dashed red; } label { font-size: 3px; } .nhsuk-radios__item { visibility: hidden; }');
  // What intranet themes commonly do, without !important: hidden native
  // radios, tiny floated labels, capitalised text.
  if (url.pathname === '/theme.css') return send(200, 'text/css', 'input[type=radio] { appearance: none; opacity: 0; position: absolute; width: 1px; height: 1px; } label { float: left; font-size: 6px; text-transform: uppercase; } fieldset { border: 6px solid hotpink; } button { display: none; }');
  if (url.pathname === '/bootstrap.css') return send(200, 'text/css', fs.readFileSync(require.resolve('bootstrap/dist/css/bootstrap.min.css')));
  if (url.pathname === '/restyled.css') return send(200, 'text/css', 'h2 { border-top: 6px solid #0072ce; padding-top: 24px; font-size: 40px; color: purple; text-transform: uppercase; } h3 { font-size: 32px; } input, select, textarea { border-radius: 12px; background: #ffe; } p, li { font-size: 22px; color: #555; } div { padding: 3px; }');
  if (url.pathname === '/axe.min.js') return send(200, 'text/javascript', fs.readFileSync(require.resolve('axe-core/axe.min.js')));
  // Survey reports as spfkit score writes them: self-contained pages
  // whose one stylesheet is inline, so this CSP allows inline styles only.
  if (reports[url.pathname]) {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'self'; style-src 'unsafe-inline'" });
    return res.end(reports[url.pathname]);
  }
  if (req.method === 'POST' && url.pathname.startsWith('/api/')) {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      if (url.pathname === '/api/flaky' && flaky++ === 0) return send(500, 'text/plain', 'down');
      posts.push(body);
      send(201, 'application/json', '{"ok":true}');
    });
    return;
  }
  // The bundle; /wrongmime/ serves the program as application/octet-stream.
  const m = url.pathname.match(/^\/(wrongmime\/)?spfkit\/([a-z0-9_.-]+)$/);
  if (m) {
    const file = path.join(bundle, m[2]);
    if (!fs.existsSync(file)) return send(404, 'text/plain', 'not found');
    const type = m[1] && m[2].endsWith('.wasm') ? 'application/octet-stream' : (mimes[path.extname(file)] || 'application/octet-stream');
    return send(200, type, fs.readFileSync(file));
  }
  send(404, 'text/plain', 'not found');
});
pages['/wrongmime'] = pages['/survey'].replace('/spfkit/spfkit.js', '/wrongmime/spfkit/spfkit.js');

function validate(kind, text) {
  try {
    execFileSync(spfkit, ['validate', '--kind', kind, '-'], { input: text, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (e) {
    assert.fail(`${kind} does not validate:\n${e.stderr}\n${text}`);
  }
}

async function axe(pg, what) {
  // Served from the test server, so the page's CSP ('self') allows it.
  await pg.addScriptTag({ url: '/axe.min.js' });
  const result = await pg.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } }));
  const v = result.violations.map((x) => `${x.id}: ${x.help} (${x.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  assert.deepEqual(v, [], `axe violations on ${what}`);
}

// openTheme opens a checklist theme: its rows are rendered only then.
const openTheme = async (pg, slug = 'health-and-wellbeing') => {
  await pg.click(`spf-checklist details[data-spf-theme="${slug}"] summary`);
  await pg.waitForSelector(`spf-checklist details[data-spf-theme="${slug}"] .nhsuk-task-list__item`);
};

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test('both widgets render, on a page with a strict CSP', async (ctx) => {
  const pg = await ctx.newPage();
  const errors = [];
  pg.on('pageerror', (e) => errors.push(e.message));
  await pg.goto(`${base}/both`);
  await pg.waitForSelector('spf-survey[data-spf-live] form.spf-form');
  await pg.waitForSelector('spf-checklist details.spf-theme');
  assert.equal(await pg.locator('spf-survey fieldset').count(), 6, 'a fieldset for the organisation and each statement');
  assert.equal(await pg.locator('spf-survey legend', { hasText: 'The national SPF effectively communicates key workforce related messages.' }).count(), 1);
  assert.equal(await pg.locator('spf-survey table').count(), 0, 'no matrix table');
  assert.equal(await pg.locator('spf-checklist .nhsuk-task-list__item').count(), 0, 'closed themes render no rows');
  const themes = await pg.locator('spf-checklist details.spf-theme').count();
  for (let i = 0; i < themes; i++) await pg.locator('spf-checklist details.spf-theme summary').nth(i).click();
  assert.equal(await pg.locator('spf-checklist .nhsuk-task-list__item').count(), 102, 'every local item, once every theme is open');
  assert.deepEqual(errors, []);
  await axe(pg, 'both widgets');
});

for (const width of [375, 1280]) test(`at ${width} px, a keyboard-only fill and submit reaches the server as a valid response`, async (ctx) => {
  const pg = await ctx.newPage({ viewport: { width, height: 800 } });
  await pg.goto(`${base}/survey`);
  await pg.waitForSelector('spf-survey[data-spf-live] form.spf-form');
  await pg.focus('#spf1-org_type');
  await pg.keyboard.press('Space');
  for (let i = 0; i < 5; i++) {
    await pg.keyboard.press('Tab');
    await pg.keyboard.press('ArrowDown'); // 1 to 2
    await pg.keyboard.press('ArrowDown'); // 2 to 3
    await pg.keyboard.press('ArrowDown'); // 3 to 4
  }
  await pg.keyboard.press('Tab');
  await pg.keyboard.type('Engage us earlier.');
  await pg.keyboard.press('Tab');
  await pg.keyboard.press('Tab');
  assert.equal(await pg.evaluate(() => document.activeElement.id), 'spf1-submit');
  const before = posts.length;
  await pg.keyboard.press('Enter');
  await pg.waitForSelector('#spf1-sent');
  assert.equal(posts.length, before + 1);
  const body = JSON.parse(posts[posts.length - 1]);
  assert.equal(body.answers.org_type, 'nhs_trade_union');
  assert.deepEqual([body.answers.q1, body.answers.q5], [4, 4]);
  assert.equal(body.answers.reasons, 'Engage us earlier.');
  validate('survey-response', posts[posts.length - 1]);
  await pg.screenshot({ path: path.join(os.tmpdir(), `spfkit-sent-${width}.png`) });
});

test('with a year of work in the checklist, it opens fast, filters and edits by keyboard', async (ctx) => {
  const pg = await ctx.newPage({ viewport: { width: 375, height: 800 } });
  await pg.goto(`${base}/checklist`);
  await pg.waitForSelector('spf-checklist details.spf-theme');
  // A year's plan: every item with an owner and a due date, some done.
  const plan = JSON.parse(await pg.evaluate(() => localStorage.getItem('spfkit:plan:test-trust:local') || 'null') || 'null');
  const [download] = await Promise.all([pg.waitForEvent('download'), pg.click('#spf1-export')]);
  const full = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  full.entries.forEach((e, i) => { e.owner = ['Head of People', 'Director of Nursing', 'Staff side chair'][i % 3]; e.due = i % 2 ? '2026-06-30' : '2027-03-31'; e.status = ['completed', 'in_progress', 'not_yet_started', 'has_problem'][i % 4]; });
  const file = path.join(os.tmpdir(), 'spfkit-year-plan.json');
  fs.writeFileSync(file, JSON.stringify(full));
  await pg.setInputFiles('#spf1-import', file);
  await pg.waitForSelector('.spf-notice');
  assert.equal(plan === null || typeof plan === 'object', true);
  assert.equal(await pg.locator('spf-checklist .nhsuk-task-list__item').count(), 0, 'closed themes render no rows');
  // Filter by keyboard: the owner select, then the status select.
  await pg.focus('#spf1-filter-owner');
  await pg.selectOption('#spf1-filter-owner', 'Staff side chair');
  await pg.selectOption('#spf1-filter-due', 'overdue');
  const rows = await pg.locator('spf-checklist .nhsuk-task-list__item').count();
  const want = full.entries.filter((e, i) => i % 3 === 2 && e.status !== 'completed' && e.due === '2026-06-30').length;
  assert.ok(want > 0, 'the plan has overdue items of that owner');
  assert.equal(rows, want, 'the rows of one owner that are overdue');
  assert.equal(await pg.locator('spf-checklist .nhsuk-tag--red', { hasText: 'Overdue' }).count(), want);
  const over = await pg.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(over <= 0, `the checklist scrolls sideways by ${over} px at 375 px`);
  // Edit one item's details by keyboard.
  await pg.focus('spf-checklist button[data-spf-edit]');
  await pg.keyboard.press('Enter');
  await pg.waitForSelector('.spf-edit');
  assert.match(await pg.evaluate(() => document.activeElement.id), /-owner$/, 'focus moves to the owner field');
  await pg.keyboard.press('Control+A');
  await pg.keyboard.type('Deputy chair');
  await pg.click('spf-checklist button[data-spf-action="save"]');
  const saved = JSON.parse(await pg.evaluate(() => localStorage.getItem('spfkit:plan:test-trust:local')));
  assert.ok(saved.entries.some((e) => e.owner === 'Deputy chair'), 'the edit is saved with the plan');
  await pg.screenshot({ path: path.join(os.tmpdir(), 'spfkit-checklist-375.png'), fullPage: true });
  await axe(pg, 'the filtered checklist');
});

test('the error summary takes focus and its links move focus to the inputs', async (ctx) => {
  const pg = await ctx.newPage();
  await pg.goto(`${base}/pulse`);
  await pg.waitForSelector('spf-survey[data-spf-live] form.spf-form');
  await pg.click('#spf1-submit');
  await pg.waitForSelector('.nhsuk-error-summary');
  assert.equal(await pg.evaluate(() => document.activeElement.id), 'spf1-error-summary');
  assert.equal(await pg.locator('.nhsuk-error-summary__title').textContent(), 'There is a problem');
  assert.match(await pg.title(), /^Error: /);
  assert.equal(await pg.locator('.nhsuk-error-message').count(), 2);
  await axe(pg, 'the error state');
  await pg.click('.nhsuk-error-summary__list a >> nth=1');
  assert.equal(await pg.evaluate(() => document.activeElement.id), 'spf1-heard');
  await pg.keyboard.press('Shift+Tab');
  await pg.focus('.nhsuk-error-summary__list a >> nth=0');
  await pg.keyboard.press('Enter');
  assert.equal(await pg.evaluate(() => document.activeElement.id), 'spf1-side');
});

test('Other reveals its text input, and its text is required', async (ctx) => {
  const pg = await ctx.newPage();
  await pg.goto(`${base}/pulse`);
  await pg.waitForSelector('spf-survey[data-spf-live] form.spf-form');
  assert.equal(await pg.isVisible('#spf1-side-other'), false);
  await pg.check('#spf1-side-3');
  assert.equal(await pg.isVisible('#spf1-side-other'), true);
  assert.equal(await pg.getAttribute('#spf1-side-3', 'aria-controls'), 'spf1-side-other-conditional');
  await pg.check('#spf1-heard');
  await pg.click('#spf1-submit');
  await pg.waitForSelector('.nhsuk-error-summary');
  assert.match(await pg.locator('.nhsuk-error-summary__list').textContent(), /enter what it is/);
});

test('a draft survives a reload, and a failing endpoint keeps the answers for a retry', async (ctx) => {
  const pg = await ctx.newPage();
  await pg.goto(`${base}/flaky`);
  await pg.waitForSelector('spf-survey[data-spf-live] form.spf-form');
  await pg.check('#spf1-side');
  await pg.check('#spf1-heard-4');
  await pg.reload();
  await pg.waitForSelector('spf-survey[data-spf-live] form.spf-form');
  assert.equal(await pg.isChecked('#spf1-side'), true, 'the draft restored the first answer');
  assert.equal(await pg.isChecked('#spf1-heard-4'), true, 'the draft restored the second answer');
  const before = posts.length;
  await pg.click('#spf1-submit');
  await pg.waitForSelector('.spf-alert');
  assert.match(await pg.locator('.spf-alert').textContent(), /could not be sent/);
  assert.equal(await pg.evaluate(() => document.activeElement.id), 'spf1-alert', 'focus moves to the message beside the button');
  const gap = await pg.evaluate(() => document.getElementById('spf1-submit').getBoundingClientRect().top - document.getElementById('spf1-alert').getBoundingClientRect().bottom);
  assert.ok(gap >= 0 && gap < 80, `the message is beside the button (${gap} px above it)`);
  assert.equal(await pg.isChecked('#spf1-heard-4'), true, 'the answers are kept');
  await pg.click('#spf1-submit');
  await pg.waitForSelector('#spf1-sent');
  assert.equal(posts.length, before + 1);
  assert.equal(await pg.evaluate(() => sessionStorage.getItem('spfkit:draft:trust-forum-pulse-2026')), null, 'submitting clears the draft');
});

test('storage="none" keeps nothing, for shared PCs', async (ctx) => {
  const pg = await ctx.newPage();
  await pg.goto(`${base}/none`);
  await pg.waitForSelector('spf-survey[data-spf-live] form.spf-form');
  await pg.check('#spf1-q1-3');
  assert.equal(await pg.evaluate(() => sessionStorage.length + localStorage.length), 0);
  await pg.reload();
  await pg.waitForSelector('spf-survey[data-spf-live] form.spf-form');
  assert.equal(await pg.isChecked('#spf1-q1-3'), false);
});

test('a built-in survey shows its form before the runtime is up; an answer and a submit given then carry over', async (ctx) => {
  // The program is held back, so the early view is what the reader has.
  const pg = await ctx.newPage();
  let release;
  const held = new Promise((ok) => { release = ok; });
  await pg.route('**/spfkit/spfkit.wasm', async (route) => { await held; return route.continue(); });
  await pg.goto(`${base}/survey`);
  await pg.waitForSelector('spf-survey form#spfe1-form');
  assert.equal(await pg.locator('spf-survey[data-spf-live]').count(), 0, 'the widget is not running yet');
  assert.equal(await pg.locator('spf-survey fieldset').count(), 6, 'the same form as the widget draws');
  await axe(pg, 'the early view');
  await pg.check('#spfe1-org_type');
  for (let i = 1; i <= 5; i++) await pg.check(`#spfe1-q${i}-4`);
  await pg.fill('#spfe1-reasons', 'Typed early.');
  await pg.focus('#spfe1-reasons');
  const before = posts.length;
  await pg.click('#spfe1-submit');
  assert.equal(posts.length, before, 'nothing is sent before the widget runs');
  assert.equal(new URL(pg.url()).pathname, '/survey', 'and the page does not submit itself');
  release();
  await pg.waitForSelector('#spf1-sent'); // the held submit is made once the widget runs
  const body = JSON.parse(posts[posts.length - 1]);
  assert.equal(body.answers.org_type, 'nhs_trade_union');
  assert.deepEqual([body.answers.q1, body.answers.q5, body.answers.reasons], [4, 4, 'Typed early.']);
  await axe(pg, 'the survey after an early start');
});

test('an untouched early view gives way to the widget, with a saved draft and focus kept', async (ctx) => {
  const pg = await ctx.newPage();
  await pg.goto(`${base}/local`);
  await pg.waitForSelector('spf-survey[data-spf-live] form.spf-form');
  await pg.check('#spf1-q2-5'); // saved as a draft
  let release;
  const held = new Promise((ok) => { release = ok; });
  await pg.route('**/spfkit/spfkit.wasm', async (route) => { await held; return route.continue(); });
  await pg.reload();
  await pg.waitForSelector('spf-survey form#spfe1-form');
  assert.equal(await pg.isChecked('#spfe1-q2-5'), false, 'the early view is the empty form');
  await pg.focus('#spfe1-q3');
  release();
  await pg.waitForSelector('spf-survey[data-spf-live] form#spf1-form');
  assert.equal(await pg.isChecked('#spf1-q2-5'), true, 'the draft is restored, not overwritten by the untouched early view');
  assert.equal(await pg.evaluate(() => document.activeElement.id), 'spf1-q3', 'focus stays on the same field');
});

test('storage="local" keeps a draft, without personal data, and drops one for a changed survey', async (ctx) => {
  const pg = await ctx.newPage();
  await pg.goto(`${base}/local`);
  await pg.waitForSelector('spf-survey[data-spf-live] form.spf-form');
  await pg.check('#spf1-q2-5');
  const draft = JSON.parse(await pg.evaluate(() => localStorage.getItem('spfkit:draft:heatcheck-2022-members')));
  assert.deepEqual(Object.keys(draft).sort(), ['form', 'response', 'saved']);
  assert.match(draft.form, /^sha256:[0-9a-f]{64}$/, 'a built-in form is known by its content hash');
  await pg.reload();
  await pg.waitForSelector('spf-survey[data-spf-live] form.spf-form');
  assert.equal(await pg.isChecked('#spf1-q2-5'), true, 'the draft is restored');
  await pg.evaluate(() => {
    const d = JSON.parse(localStorage.getItem('spfkit:draft:heatcheck-2022-members'));
    d.form = 'sha256:' + '0'.repeat(64);
    localStorage.setItem('spfkit:draft:heatcheck-2022-members', JSON.stringify(d));
  });
  await pg.reload();
  await pg.waitForSelector('spf-survey[data-spf-live] form.spf-form');
  assert.equal(await pg.isChecked('#spf1-q2-5'), false, 'a draft for another version is not restored');
  assert.match(await pg.locator('.spf-notice').textContent(), /survey has changed/);
  assert.equal(await pg.evaluate(() => localStorage.getItem('spfkit:draft:heatcheck-2022-members')), null);
});

test('changes and submits are announced as spf-change and spf-submit events', async (ctx) => {
  const pg = await ctx.newPage();
  await pg.goto(`${base}/local`);
  await pg.waitForSelector('spf-survey[data-spf-live] form.spf-form');
  await pg.evaluate(() => {
    window.__events = [];
    for (const name of ['spf-change', 'spf-submit']) document.addEventListener(name, (e) => window.__events.push([name, e.detail]));
  });
  await pg.check('#spf1-q3-2');
  await pg.click('#spf1-submit');
  await pg.waitForSelector('#spf1-sent');
  const events = await pg.evaluate(() => window.__events);
  assert.deepEqual(events.map((e) => e[0]), ['spf-change', 'spf-submit']);
  assert.equal(events[1][1].answers.q3, 2);
  assert.equal(await pg.evaluate(() => localStorage.getItem('spfkit:draft:heatcheck-2022-members')), null, 'submitting clears the draft');
});

test('markup and script in a definition show as text and run nothing', async (ctx) => {
  const pg = await ctx.newPage();
  await pg.goto(`${base}/hostile`);
  await pg.waitForSelector('spf-survey[data-spf-live] form.spf-form');
  assert.equal(await pg.evaluate(() => window.__pwned), undefined);
  assert.equal(await pg.locator('spf-survey img, spf-survey script, spf-survey svg').count(), 0);
  assert.match(await pg.locator('spf-survey legend').textContent(), /<script>window.__pwned=1<\/script>Pick one/);
  assert.match(await pg.locator('label[for="spf1-q"]').textContent(), /<img src=x onerror=/);
});

test('with the shadow attribute a hostile theme cannot reach the widgets', async (ctx) => {
  const pg = await ctx.newPage();
  await pg.goto(`${base}/shadow`);
  await pg.waitForSelector('spf-survey[data-spf-live] form.spf-form');
  await pg.waitForSelector('spf-checklist details.spf-theme');
  assert.equal(await pg.isVisible('#spf1-q1'), true, 'the theme hides inputs on the page, not in the widget');
  const events = [];
  await pg.exposeFunction('__note', (name) => events.push(name));
  await pg.evaluate(() => document.addEventListener('spf-submit', () => window.__note('spf-submit')));
  await pg.check('#spf1-q1-5');
  const before = posts.length;
  await pg.click('#spf1-submit');
  await pg.waitForSelector('#spf1-sent');
  assert.equal(posts.length, before + 1);
  assert.deepEqual(events, ['spf-submit'], 'events leave the shadow root');
  await pg.click('spf-checklist >> details[data-spf-theme="health-and-wellbeing"] summary');
  await pg.selectOption('#spf2-item-13\\.2', 'in_progress');
  assert.equal(await pg.inputValue('#spf2-item-13\\.2'), 'in_progress');
  await axe(pg, 'the widgets in shadow roots');
});

test('in light DOM, the fallback styles survive a typical intranet theme', async (ctx) => {
  const pg = await ctx.newPage();
  await pg.goto(`${base}/theme`);
  await pg.waitForSelector('spf-survey[data-spf-live] form.spf-form');
  await pg.waitForFunction(() => [...document.styleSheets].some((s) => (s.href || '').endsWith('spfkit.css')));
  assert.equal(await pg.isVisible('#spf1-submit'), true, 'the submit button is shown');
  const box = await pg.locator('#spf1-q1').boundingBox();
  assert.ok(box && box.width >= 24 && box.height >= 24, `radios keep a target of at least 24 px: ${JSON.stringify(box)}`);
  await pg.check('#spf1-q1-4');
  const before = posts.length;
  await pg.click('#spf1-submit');
  await pg.waitForSelector('#spf1-sent');
  assert.equal(posts.length, before + 1);
});

test('an element taken off the page lets go of its widget, and mounts afresh when put back', async (ctx) => {
  const pg = await ctx.newPage();
  const errors = [];
  pg.on('pageerror', (e) => errors.push(String(e)));
  await pg.goto(`${base}/shadow`);
  await pg.waitForSelector('spf-survey[data-spf-live] form.spf-form');
  await pg.waitForSelector('spf-checklist details.spf-theme');
  // Move both widgets: each leaves the page (disconnectedCallback) and
  // comes back (connectedCallback), the shadow one into its own root.
  await pg.evaluate(() => {
    const main = document.querySelector('main');
    for (const el of [...document.querySelectorAll('spf-survey, spf-checklist')]) { el.remove(); main.appendChild(el); }
  });
  await pg.waitForSelector('#spf3-form');
  await pg.waitForSelector('spf-checklist details.spf-theme');
  assert.equal(await pg.locator('#spf1-form').count(), 0, 'the old form is gone');
  await pg.check('#spf3-q1-5');
  const before = posts.length;
  await pg.click('#spf3-submit');
  await pg.waitForSelector('#spf3-sent');
  assert.equal(posts.length, before + 1);
  // An element removed for good keeps no listeners: a click on it does
  // nothing, and nothing throws.
  await pg.evaluate(() => { const el = document.querySelector('spf-checklist'); el.remove(); el.shadowRoot.querySelector('select').dispatchEvent(new Event('change', { bubbles: true })); });
  assert.deepEqual(errors, []);
});

test('the loader falls back when the server sends the wrong MIME type', async (ctx) => {
  const pg = await ctx.newPage();
  await pg.goto(`${base}/wrongmime`);
  await pg.waitForSelector('spf-survey[data-spf-live] form.spf-form');
});

// Before any spfkit property is registered with SurveyJS (the next test
// registers them for good): a plain SurveyJS save drops spfkitPersonalData,
// but the calculated value it keeps still marks the question.
test('personal data stays marked through a SurveyJS save that knows nothing of spfkit', async () => {
  const { Model, Serializer } = require('survey-core');
  assert.ok(!Serializer.findProperty('question', 'spfkitPersonalData'), 'this test must run before the properties are registered');
  const def = {
    id: 'contact-form', version: '1', title: 'Contact',
    questions: [
      { id: 'heard', type: 'single_choice', text: 'Were you heard?', options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] },
      { id: 'email', type: 'free_text', text: 'Your email address', personal_data: true, max_length: 200 },
    ],
  };
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'spfkit-')), 'contact.json');
  fs.writeFileSync(file, JSON.stringify(def));
  const exported = JSON.parse(execFileSync(spfkit, ['survey', 'show', file, '--format', 'surveyjs']));
  const saved = new Model(exported).toJSON();
  assert.ok(!JSON.stringify(saved).includes('"spfkitPersonalData":true'), 'SurveyJS kept the unregistered property after all');
  const back = JSON.parse(execFileSync(spfkit, ['survey', 'import', '--id', def.id, '-'], { input: JSON.stringify(saved) }));
  assert.equal(back.questions.find((q) => q.id === 'email').personal_data, true, 'the re-imported form would publish personal data');
});

test('a rating imports with exactly the points survey-core shows, or is refused at its pointer', async () => {
  const { Model } = require('survey-core');
  const cases = [
    {}, { rateCount: 10 }, { rateCount: 3 }, { rateMin: 0, rateMax: 10, rateCount: 5 }, { rateMin: 0, rateMax: 10 }, { rateMax: 7 },
    { rateMin: 3 }, { rateCount: 7, rateMax: 7 }, { rateStep: 2 }, { rateMin: 1, rateMax: 10, rateStep: 3 }, { rateMin: 7 },
    { rateMin: -2, rateMax: 2 }, { rateMin: 0, rateMax: 30 }, { rateValues: [1, 2, 3] }, { rateValues: [1, 2, 3], autoGenerate: true },
    { autoGenerate: false }, { rateValues: [], autoGenerate: false }, { rateValues: [1, 3] }, { rateValues: [3, 2, 1] },
    { rateValues: [{ value: 1, text: 'Low' }, 2, { value: 3, text: 'High' }] }, { rateType: 'stars', rateCount: 10 }, { rateMin: 5, rateMax: 5 },
  ];
  for (const c of cases) {
    const form = { title: 'Rating', elements: [{ type: 'rating', name: 'r', ...c }] };
    const shown = new Model(form).getQuestionByName('r').visibleRateValues.map((v) => [v.value, v.text]);
    let imported = null;
    try {
      imported = JSON.parse(execFileSync(spfkit, ['survey', 'import', '--id', 'rating', '-'], { input: JSON.stringify(form), stdio: ['pipe', 'pipe', 'pipe'] }));
    } catch (e) {
      const err = e.stderr.toString();
      assert.match(err, /^-:\d+: \/elements\/0/m, `${JSON.stringify(c)}: a refusal must be located: ${err}`);
      continue;
    }
    const labels = imported.questions[0].scale.labels.map((l) => [l.value, l.label]);
    assert.deepEqual(labels, shown, `${JSON.stringify(c)}: spfkit's points differ from survey-core's`);
  }
});

test('SurveyJS loads what spfkit exports, and spfkit reads SurveyJS\'s own save back unchanged', async () => {
  const { Model, Serializer } = require('survey-core');
  // The custom properties spfkit writes for what SurveyJS has no word for.
  for (const p of ['spfkitPersonalData:boolean', 'spfkitReverse:boolean', 'spfkitOtherMaxLength:number']) Serializer.addProperty('question', p);
  Serializer.addProperty('survey', 'spfkitSources');
  Serializer.addProperty('survey', 'spfkitThemes');
  for (const id of ['heatcheck-2022-members', 'heatcheck-2022-policy-leads']) {
    const exported = JSON.parse(execFileSync(spfkit, ['survey', 'show', id, '--format', 'surveyjs']));
    const model = new Model(exported);
    assert.deepEqual(model.jsonErrors || [], [], `${id}: SurveyJS reports problems`);
    const original = JSON.parse(execFileSync(spfkit, ['survey', 'show', id, '--format', 'json']));
    assert.deepEqual(model.getAllQuestions().map((q) => q.name), original.questions.map((q) => q.id));
    const saved = JSON.stringify(model.toJSON());
    const back = JSON.parse(execFileSync(spfkit, ['survey', 'import', '--id', id, '--version', original.version, '-'], { input: saved }));
    assert.deepEqual(back, original, `${id}: the round trip through SurveyJS changed the survey`);
  }
  // The same for every corpus form spfkit imports: spfkit, then SurveyJS
  // and its save, then spfkit again, gives the same definition.
  const corpus = path.join(here, '../../survey/surveyjs/testdata/corpus');
  let checked = 0;
  for (const f of fs.readdirSync(corpus).filter((f) => f.endsWith('.json'))) {
    let first;
    try {
      first = execFileSync(spfkit, ['survey', 'import', '--id', 'corpus', path.join(corpus, f)], { stdio: ['pipe', 'pipe', 'pipe'] }).toString();
    } catch (e) {
      continue; // refused, located: TestCorpus holds which
    }
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'spfkit-')), 'def.json');
    fs.writeFileSync(file, first);
    const exported = JSON.parse(execFileSync(spfkit, ['survey', 'show', file, '--format', 'surveyjs']));
    const model = new Model(exported);
    assert.deepEqual(model.jsonErrors || [], [], `${f}: SurveyJS reports problems`);
    const back = execFileSync(spfkit, ['survey', 'import', '--id', 'corpus', '-'], { input: JSON.stringify(model.toJSON()), stdio: ['pipe', 'pipe', 'pipe'] }).toString();
    assert.deepEqual(JSON.parse(back), JSON.parse(first), `${f}: the round trip through SurveyJS changed the survey`);
    checked++;
  }
  assert.equal(checked, 12, 'the corpus forms spfkit imports (as TestCorpus holds)');
});

test('answers SurveyJS collects with each corpus form score the same in spfkit: the same respondents refused, the same counts', async () => {
  const corpus = path.join(here, '../../survey/surveyjs/testdata/corpus');
  let forms = 0;
  for (const f of fs.readdirSync(corpus).filter((f) => f.endsWith('.json'))) {
    try {
      execFileSync(spfkit, ['survey', 'import', '--id', 'corpus', path.join(corpus, f)], { stdio: ['pipe', 'pipe', 'pipe'] });
    } catch (e) {
      continue; // refused, located: TestCorpus holds which
    }
    const accepted = crossCheck(spfkit, path.join(corpus, f), 300, 2026);
    assert.ok(accepted >= 20, `${f}: only ${accepted} of 300 respondents are valid, too few to compare counts`);
    forms++;
  }
  assert.equal(forms, 12, 'the corpus forms spfkit imports (as TestCorpus holds)');
});

test('a SurveyJS form, imported with spfkit survey import, renders in the widget', async (ctx) => {
  const form = {
    title: 'Forum pulse',
    pages: [{ name: 'p1', elements: [
      { type: 'radiogroup', name: 'side', title: 'Which side do you sit on?', isRequired: true, choices: ['staff', { value: 'employer', text: 'Employer side' }], showOtherItem: true },
      { type: 'rating', name: 'heard', title: 'My views are heard.', rateMin: 1, rateMax: 5, minRateDescription: 'Strongly disagree', maxRateDescription: 'Strongly agree' },
      { type: 'comment', name: 'why', title: 'Why?', maxLength: 500, visibleIf: "{heard} anyof [1, 2]" },
    ] }],
  };
  imported = execFileSync(spfkit, ['survey', 'import', '--id', 'forum-pulse', '-'], { input: JSON.stringify(form) }).toString();
  const pg = await ctx.newPage();
  await pg.goto(base + '/imported');
  await pg.waitForSelector('spf-survey[data-spf-live] fieldset');
  const legends = await pg.$$eval('spf-survey legend', (ls) => ls.map((l) => l.textContent.trim()));
  assert.ok(legends.some((l) => l.includes('Which side do you sit on?')) && legends.some((l) => l.includes('My views are heard.')), legends.join(' | '));
  assert.ok(await pg.getByLabel('Other (describe)').count() === 1, 'SurveyJS\'s Other item');
  await axe(pg, 'an imported SurveyJS form');
});

test('an imported SurveyJS form with sections, intro text, nested conditions and a conditional choice works in the widget', async (ctx) => {
  const corpus = path.join(here, '../../survey/surveyjs/testdata/corpus');
  imported = execFileSync(spfkit, ['survey', 'import', '--id', 'checkin', path.join(corpus, 'conditions.json')], { stdio: ['pipe', 'pipe', 'pipe'] }).toString();
  const pg = await ctx.newPage();
  await pg.goto(base + '/imported');
  await pg.waitForSelector('spf-survey[data-spf-live] fieldset');
  const sections = await pg.$$eval('spf-survey h3.spf-section', (hs) => hs.map((h) => h.textContent));
  assert.deepEqual(sections, ['About you', 'Your views', 'Follow-up']);
  const intro = await pg.$eval('spf-survey .spf-intro', (p) => p.innerHTML);
  assert.equal(intro, 'Thank you for taking part. It takes two minutes.', 'the html element is text');
  const visible = (id) => pg.$eval(`spf-survey [data-spf-question="${id}"]`, (el) => !el.hidden);
  assert.equal(await visible('rep'), false, 'rep waits for side');
  await pg.getByLabel('Staff side').check();
  await pg.waitForFunction(() => !document.querySelector('spf-survey [data-spf-question="rep"]').hidden);
  assert.equal(await pg.getByLabel('Facility time').count(), 0, 'the conditional choice waits for rep');
  await pg.locator('spf-survey [data-spf-question="rep"]').getByLabel('Yes').check();
  await pg.getByLabel('Facility time').waitFor();
  // heard <= 2 and (side = staff or …): the follow-up question shows.
  assert.equal(await visible('not_heard'), false);
  await pg.locator('spf-survey [data-spf-question="heard"]').getByLabel('1 – Not at all').check();
  await pg.waitForFunction(() => !document.querySelector('spf-survey [data-spf-question="not_heard"]').hidden);
  assert.equal(await pg.$eval('spf-survey input[name="email"]', (i) => i.type), 'email');
  assert.equal(await pg.$eval('spf-survey input[name="hours"]', (i) => i.inputMode), 'decimal');
  // The regex is JavaScript's RegExp here; its message is the form's own.
  await pg.locator('spf-survey textarea[name="code"]').fill('ls12');
  await pg.locator('spf-survey button[type="submit"]').click();
  await pg.locator('spf-survey .nhsuk-error-summary').waitFor();
  const summary = await pg.$eval('spf-survey .nhsuk-error-summary', (e) => e.textContent);
  assert.ok(summary.includes('Two capitals and two digits, such as LS12'), summary);
  await axe(pg, 'an imported SurveyJS form with sections and conditions');
});

test('the HTML survey reports pass axe, with their charts described for screen readers', async (ctx) => {
  reports['/report-k11.html'] = report('--by', 'org_type');
  reports['/report-k5.html'] = report('--by', 'org_type', '--min-group', '5');
  reports['/report.html'] = report('--comments', '--min-text', '5');
  const pg = await ctx.newPage();
  for (const p of Object.keys(reports)) {
    await pg.goto(base + p);
    const charts = await pg.$$eval('svg', (svgs) => svgs.map((s) => ({ role: s.getAttribute('role'), title: !!s.querySelector('title'), desc: !!s.querySelector('desc') })));
    assert.ok(charts.length >= 5, `${p}: ${charts.length} charts`);
    for (const c of charts) assert.deepEqual(c, { role: 'img', title: true, desc: true }, `${p}: a chart without its text alternative`);
    assert.ok(await pg.$('table caption'), `${p}: the numbers as tables`);
    await axe(pg, p);
  }
});

test('at 320 px wide nothing scrolls sideways, and every control is at least 24 px square', async (ctx) => {
  const pg = await ctx.newPage({ viewport: { width: 320, height: 640 } });
  for (const [p, ready] of [['/survey', 'spf-survey[data-spf-live] fieldset'], ['/checklist', 'spf-checklist select']]) {
    await pg.goto(base + p);
    await pg.waitForSelector(ready);
    const over = await pg.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(over <= 0, `${p} scrolls sideways by ${over} px at 320 px (WCAG 1.4.10)`);
    const small = await pg.$$eval('spf-survey input, spf-survey textarea, spf-survey button, spf-checklist select, spf-checklist button, spf-checklist input', (els) => els
      .map((e) => ({ e, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0 && (r.width < 24 || r.height < 24))
      .map(({ e, r }) => `${e.outerHTML.slice(0, 60)} ${Math.round(r.width)}x${Math.round(r.height)}`));
    assert.deepEqual(small, [], `${p}: targets under 24 px (WCAG 2.5.8)`);
  }
});

test('the HTML report reads at 320, 375 and 1280 px: no chart text under 12 px, nothing scrolling sideways', async (ctx) => {
  reports['/report-k5.html'] = reports['/report-k5.html'] || report('--by', 'org_type', '--min-group', '5');
  for (const width of [320, 375, 1280]) {
    const pg = await ctx.newPage({ viewport: { width, height: 800 } });
    await pg.goto(`${base}/report-k5.html`);
    const sizes = await pg.$$eval('svg', (svgs) => svgs.filter((svg) => svg.getBoundingClientRect().width > 0).flatMap((svg) => {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return [...svg.querySelectorAll('text')].map((t) => parseFloat(t.getAttribute('font-size')) * scale);
    }));
    assert.ok(sizes.length > 0, `charts shown at ${width} px`);
    const smallest = Math.min(...sizes);
    assert.ok(smallest >= 12, `chart text ${smallest.toFixed(1)} px at ${width} px wide`);
    const over = await pg.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(over <= 0, `the report scrolls sideways by ${over} px at ${width} px`);
    if (width === 375) await pg.screenshot({ path: path.join(os.tmpdir(), 'spfkit-report-375.png'), fullPage: false, clip: { x: 0, y: 0, width: 375, height: 800 } });
    await pg.close();
  }
});

test('on a plain page, under Bootstrap and under a theme that restyles headings and inputs, the widgets look the same: the host\'s element rules stop at the widget', async (ctx) => {
  const look = async (p) => {
    const pg = await ctx.newPage({ viewport: { width: 1280, height: 900 } });
    await pg.goto(base + p);
    await pg.waitForSelector('spf-survey[data-spf-live] form.spf-form');
    await pg.waitForSelector('spf-checklist details.spf-theme');
    await pg.check('#spf1-side-3'); // Other, left empty: an error
    await pg.click('#spf1-submit');
    await pg.waitForSelector('.nhsuk-error-summary');
    const style = (sel, props) => pg.$eval(sel, (e, props) => { const cs = getComputedStyle(e); return props.map((x) => cs[x]).join(' | '); }, props);
    const out = {
      summaryTitle: await style('.nhsuk-error-summary__title', ['fontSize', 'borderTopWidth', 'paddingTop', 'color', 'textTransform']),
      legend: await style('spf-survey legend', ['fontSize', 'color', 'float']),
      radio: await pg.$eval('#spf1-side', (e) => { const r = e.getBoundingClientRect(); return `${Math.round(r.width)}x${Math.round(r.height)}`; }),
      circle: await pg.$eval('label[for="spf1-side"]', (e) => { const cs = getComputedStyle(e, '::before'); return `${cs.width}x${cs.height}`; }),
      input: await style('#spf1-side-other', ['borderRadius', 'backgroundColor']),
      themeHeading: await style('spf-checklist .nhsuk-details__summary-text', ['fontSize', 'color', 'textTransform']),
      button: await style('#spf1-submit', ['display', 'backgroundColor']),
    };
    await pg.screenshot({ path: path.join(os.tmpdir(), `spfkit${p.replace('/', '-')}.png`), fullPage: false });
    await axe(pg, `the widgets on ${p}`);
    await pg.close();
    return out;
  };
  const plain = await look('/theme-plain');
  assert.equal(plain.circle, '40px x40px'.replace(' ', ''), 'NHS.UK\'s 40 px radios');
  assert.equal(plain.radio, '44x44', 'a 44 px target over each');
  assert.match(plain.button, /^inline-block/);
  for (const p of ['/theme-bootstrap', '/theme-restyled']) {
    assert.deepEqual(await look(p), plain, `the widgets on ${p} look as on a plain page`);
  }
});

test('the checklist changes status, survives a reload and exports a valid plan', async (ctx) => {
  const pg = await ctx.newPage();
  await pg.goto(`${base}/checklist`);
  await pg.waitForSelector('spf-checklist details.spf-theme');
  await openTheme(pg);
  await pg.selectOption('#spf1-item-13\\.2', 'completed');
  await pg.selectOption('#spf1-item-15\\.1', 'in_progress');
  await pg.reload();
  await pg.waitForSelector('spf-checklist details.spf-theme');
  await openTheme(pg);
  assert.equal(await pg.inputValue('#spf1-item-13\\.2'), 'completed');
  assert.equal(await pg.inputValue('#spf1-item-15\\.1'), 'in_progress');
  assert.match(await pg.locator('#spf1-health-and-wellbeing-progress-label').textContent(), /^1 of 10 completed/);
  const [download] = await Promise.all([pg.waitForEvent('download'), pg.click('#spf1-export')]);
  const file = await download.path();
  const plan = fs.readFileSync(file, 'utf8');
  validate('action-plan', plan);
  assert.equal(JSON.parse(plan).entries.find((e) => e.item === '13.2').status, 'completed');
  await axe(pg, 'the checklist');
});

// The demo: spfkit's own service with its sample page, on an SQLite
// file, run as a new user would run it. start() resolves to its address.
const demoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spfkit-demo-'));
let demo = null;
let demoURL = '';
function startDemo(addr = '127.0.0.1:0') {
  demo = spawn(spfkit, ['demo', '--addr', addr, '--db', 'sqlite:' + path.join(demoDir, 'demo.db'), '--origin', base], { cwd: demoDir, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((ok, fail) => {
    let out = '';
    demo.stdout.on('data', (c) => {
      out += c;
      const m = out.match(/sample intranet page at (http:\/\/[0-9.:]+)\//);
      if (m) ok(demoURL = m[1]);
    });
    demo.stderr.on('data', () => {}); // its log
    demo.on('exit', (code) => fail(new Error(`spfkit demo exited (${code}):\n${out}`)));
  });
}
function stopDemo() {
  return new Promise((ok) => { demo.once('exit', ok); demo.kill('SIGTERM'); });
}
async function demoResponses(url) {
  const token = fs.readFileSync(path.join(demoDir, 'spfkit-demo.token'), 'utf8').trim();
  const r = await fetch(`${url}/admin/surveys/heatcheck-demo/responses`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(r.status, 200);
  return (await r.text()).split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

test('the demo page submits to the service, keeps a draft over a reload, and a retry after the service was down counts once', async (ctx) => {
  let url = await startDemo();
  const pg = await ctx.newPage();
  await pg.goto(url + '/');
  await pg.waitForSelector('spf-survey[data-spf-live] form.spf-form');
  await pg.check('#spf1-org_type-4'); // HEE
  await pg.check('#spf1-q1-4');
  await pg.reload();
  await pg.waitForSelector('spf-survey[data-spf-live] form.spf-form');
  assert.equal(await pg.isChecked('#spf1-q1-4'), true, 'the draft restored the answer');
  const addr = url.replace('http://', '');
  await stopDemo();
  await pg.click('#spf1-submit');
  await pg.waitForSelector('spf-survey .spf-alert');
  assert.match(await pg.locator('spf-survey .spf-alert').textContent(), /could not be sent/);
  assert.equal(await pg.isChecked('#spf1-q1-4'), true, 'the answers are kept');
  url = await startDemo(addr); // the same file, the same address
  // The next answer is stored but lost on its way back: the page sees a
  // failure, and its retry must not count twice.
  let lost = 0;
  await pg.route('**/api/surveys/heatcheck-demo/responses', async (route) => {
    if (lost++ === 0) {
      await route.fetch();
      return route.abort('connectionreset');
    }
    return route.continue();
  });
  await pg.click('#spf1-submit');
  await pg.waitForSelector('spf-survey .spf-alert');
  await pg.click('#spf1-submit');
  await pg.waitForSelector('#spf1-sent');
  assert.equal(lost, 2, 'sent twice');
  const rs = await demoResponses(url);
  assert.equal(rs.filter((r) => r.answers.org_type === 'hee' && r.answers.q1 === 4).length, 1, 'stored exactly once');
  assert.equal(await pg.evaluate(() => sessionStorage.length), 0, 'the draft and the submission id are gone');
  const results = await (await fetch(`${url}/results/heatcheck-demo`)).text();
  assert.match(results, /Nothing has been released/, 'nothing is public before a release');
});

test('two people editing the shared plan never overwrite each other, and the ICS view counts it', async (ctx) => {
  const base = demo && demo.exitCode === null ? demoURL : await startDemo();
  const ann = await ctx.newPage();
  const ben = await ctx.browser().newContext().then((c) => c.newPage());
  for (const pg of [ann, ben]) {
    await pg.goto(base + '/');
    await pg.waitForSelector('spf-checklist details.spf-theme');
  }
  const item = (id) => `spf-checklist select[data-spf-item="${id}"]`;
  const saved = (pg) => pg.waitForResponse((r) => r.url().includes('/api/plans/') && r.request().method() === 'PUT');
  await openTheme(ann);
  await openTheme(ben);
  const [first] = await Promise.all([saved(ann), ann.selectOption(item('13.2'), 'completed')]);
  assert.equal(first.status(), 201, 'Ann starts the shared plan');
  const [second] = await Promise.all([saved(ben), ben.selectOption(item('15.1'), 'in_progress')]);
  assert.equal(second.status(), 412, 'Ben\'s copy was read before Ann saved');
  await ben.waitForSelector('main > .spf-notice:not([hidden])');
  assert.match(await ben.locator('main > .spf-notice').textContent(), /someone else changed it/);
  await ben.reload();
  await ben.waitForSelector('spf-checklist details.spf-theme');
  await openTheme(ben);
  assert.equal(await ben.inputValue(item('13.2')), 'completed', 'Ben sees Ann\'s change');
  const [third] = await Promise.all([saved(ben), ben.selectOption(item('15.1'), 'in_progress')]);
  assert.equal(third.status(), 200, 'Ben saves on top of Ann\'s version');
  const plan = await (await fetch(`${base}/api/plans/example-ics/example-trust`)).json();
  const status = (item) => plan.entries.find((e) => e.item === item).status;
  assert.equal(status('13.2'), 'completed');
  assert.equal(status('15.1'), 'in_progress');
  const ics = await (await fetch(`${base}/systems/example-ics?format=json`)).json();
  assert.equal(ics.plans.length, 1);
  assert.equal(ics.plans[0].overall.by_status.completed, 1);
  await ben.context().close();
});

test('nothing is lost silently: no submit-url says so, a blank form asks first, and the service\'s refusal is shown in the error summary', async (ctx) => {
  const pg = await ctx.newPage();
  await pg.goto(`${base}/none`);
  await pg.waitForSelector('spf-survey[data-spf-live] form.spf-form');
  await pg.check('#spf1-q1-3');
  await pg.click('#spf1-submit');
  await pg.waitForSelector('.spf-alert');
  assert.match(await pg.locator('.spf-alert').textContent(), /have not been sent/);
  assert.equal(await pg.locator('#spf1-sent').count(), 0, 'no thanks for answers that went nowhere');
  // A page that takes the answers itself cancels spf-submit.
  await pg.evaluate(() => document.querySelector('spf-survey').addEventListener('spf-submit', (e) => e.preventDefault()));
  await pg.click('#spf1-submit');
  await pg.waitForSelector('#spf1-sent');

  const url = demo && demo.exitCode === null ? demoURL : await startDemo();
  const dp = await ctx.newPage();
  await dp.goto(url + '/');
  await dp.waitForSelector('spf-survey[data-spf-live] form.spf-form');
  await dp.click('#spf1-submit');
  await dp.waitForSelector('.spf-alert');
  assert.match(await dp.locator('.spf-alert').textContent(), /not answered any questions/);
  assert.equal(await dp.evaluate(() => document.activeElement.id), 'spf1-alert');
  await dp.click('#spf1-submit'); // blank, on purpose: the service refuses it
  await dp.waitForSelector('.nhsuk-error-summary');
  assert.match(await dp.locator('.nhsuk-error-summary__list').textContent(), /Answer at least one question/);
  assert.equal(await dp.evaluate(() => document.activeElement.id), 'spf1-error-summary');
});

test('with scripts off the service\'s survey page is an ordinary form; with them the widget takes it over, keeping what was entered', async (ctx) => {
  const url = demo && demo.exitCode === null ? demoURL : await startDemo();
  const noJS = await ctx.browser().newContext({ javaScriptEnabled: false });
  const pg = await noJS.newPage();
  await pg.goto(`${url}/surveys/heatcheck-demo`);
  await pg.check('#spf-org_type-8'); // Other: its box shows without scripts
  await pg.click('#spf-submit');
  assert.match(await pg.locator('.nhsuk-error-summary').textContent(), /enter what it is/, 'the service renders the error summary');
  assert.match(await pg.title(), /^Error: /);
  await pg.fill('#spf-org_type-other', 'A royal college');
  await pg.check('#spf-q4-2');
  await pg.click('#spf-submit');
  await pg.waitForSelector('.nhsuk-panel');
  assert.match(await pg.locator('.nhsuk-panel').textContent(), /Thank you/);
  const rs = await demoResponses(url);
  assert.equal(rs.filter((r) => r.other && r.other.org_type === 'A royal college' && r.answers.q4 === 2).length, 1);
  await noJS.close();

  // With scripts, an answer given before the widget loads carries over.
  const js = await ctx.newPage();
  let release;
  const held = new Promise((ok) => { release = ok; });
  await js.route('**/spfkit/spfkit.wasm', async (route) => { await held; return route.continue(); });
  await js.goto(`${url}/surveys/heatcheck-demo`);
  await js.check('#spf-q3-5');
  release();
  await js.waitForSelector('spf-survey form#spf1-form');
  assert.equal(await js.isChecked('#spf1-q3-5'), true, 'the widget kept the answer given before it loaded');
});

test('a page of our own on another origin takes the widgets from the service and posts to it', async (ctx) => {
  const url = demo && demo.exitCode === null ? demoURL : await startDemo();
  const pg = await ctx.newPage();
  await pg.goto(`${base}/embedded`);
  await pg.waitForSelector('spf-survey[data-spf-live] form.spf-form');
  await pg.waitForSelector('spf-checklist details.spf-theme');
  await pg.check('#spf1-org_type-6'); // NHS Trust, Foundation Trust or ICB
  await pg.check('#spf1-q5-2');
  await pg.click('#spf1-submit');
  await pg.waitForSelector('#spf1-sent');
  const rs = await demoResponses(url);
  assert.equal(rs.filter((r) => r.answers.org_type === 'nhs_trust_ft_icb' && r.answers.q5 === 2).length, 1);
  await openTheme(pg);
  const [put] = await Promise.all([
    pg.waitForResponse((r) => r.url().includes('/api/plans/') && r.request().method() === 'PUT'),
    pg.selectOption('spf-checklist select[data-spf-item="13.2"]', 'completed'),
  ]);
  assert.equal(put.status(), 201, 'the shared plan is saved across origins');
  await axe(pg, 'the embedding page');
});

const base = await new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(`http://127.0.0.1:${server.address().port}`)));
const browser = await chromium.launch({ executablePath: chromePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
let failed = 0;
for (const t of tests) {
  const ctx = await browser.newContext({ acceptDownloads: true });
  try {
    await t.fn(ctx);
    console.log(`ok   ${t.name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${t.name}\n     ${String(e.stack || e).split('\n').join('\n     ')}`);
  }
  await ctx.close();
}
await browser.close();
server.close();
if (demo && demo.exitCode === null) await stopDemo();
console.log(`browser tests: ${tests.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
