// The widget budget benchmark: bundle size (brotli) and time to first
// input and to a running widget for the heat check survey, median of 5 cold loads in headless
// Chromium, against a SurveyJS page (survey-core and survey-js-ui from npm)
// with the same questions, served the same way in the same run.
//   SPFKIT_BUNDLE=dir node bench.mjs
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';

// The packages' exports maps hide their dist files, so read them by path.
const modules = path.join(path.dirname(new URL(import.meta.url).pathname), 'node_modules');
const resolve = (f) => path.join(modules, f);
const bundle = process.env.SPFKIT_BUNDLE;
if (!bundle) { console.error('set SPFKIT_BUNDLE (from spfkit widget build)'); process.exit(2); }
const here = path.dirname(new URL(import.meta.url).pathname);
const hc = JSON.parse(fs.readFileSync(path.join(here, '../../survey/data/heatcheck-2022-members.json'), 'utf8'));

// The heat check in SurveyJS's format.
const org = hc.questions[0];
const surveyjs = {
  title: hc.title,
  elements: [
    { type: 'radiogroup', name: org.id, title: org.text, showOtherItem: true, otherText: org.options.at(-1).label,
      choices: org.options.filter((o) => !o.other).map((o) => ({ value: o.value, text: o.label })) },
    ...hc.questions.filter((q) => q.type === 'likert').map((q) => ({ type: 'rating', name: q.id, title: q.text, description: q.help, rateMin: 1, rateMax: 5,
      minRateDescription: q.scale.labels[0].label, maxRateDescription: q.scale.labels.at(-1).label })),
    ...hc.questions.filter((q) => q.type === 'free_text').map((q) => ({ type: 'comment', name: q.id, title: q.text, maxLength: q.max_length })),
  ],
};
const files = {
  '/spfkit.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>spfkit</title><script src="/spfkit/spfkit.js" defer></script></head><body><main><spf-survey survey="heatcheck-2022-members"></spf-survey></main></body></html>`,
  '/spfkit-both.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>spfkit</title><script src="/spfkit/spfkit.js" defer></script></head><body><main><spf-survey survey="heatcheck-2022-members"></spf-survey><spf-checklist level="local" plan-key="bench"></spf-checklist></main></body></html>`,
  '/surveyjs.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SurveyJS</title><link rel="stylesheet" href="/sjs/survey-core.min.css"><script src="/sjs/survey.core.min.js"></script><script src="/sjs/survey-js-ui.min.js"></script></head><body><main><div id="s"></div></main><script src="/sjs/start.js"></script></body></html>`,
  '/sjs/start.js': `new Survey.Model(${JSON.stringify(surveyjs)}).render(document.getElementById('s'));`,
};
const sjs = { 'survey-core.min.css': 'survey-core/survey-core.min.css', 'survey.core.min.js': 'survey-core/survey.core.min.js', 'survey-js-ui.min.js': 'survey-js-ui/survey-js-ui.min.js' };
const types = { '.txt': 'text/plain', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.html': 'text/html' };
const cache = new Map();
function brotli(name, data) {
  if (!cache.has(name)) cache.set(name, zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
  return cache.get(name);
}
const server = http.createServer((req, res) => {
  const p = new URL(req.url, 'http://x').pathname;
  let data = null;
  if (files[p]) data = Buffer.from(files[p]);
  else if (p.startsWith('/spfkit/') && fs.existsSync(path.join(bundle, path.basename(p)))) data = fs.readFileSync(path.join(bundle, path.basename(p)));
  else if (p.startsWith('/sjs/') && sjs[path.basename(p)]) data = fs.readFileSync(resolve(sjs[path.basename(p)]));
  if (!data) { res.writeHead(404); return res.end(); }
  // Everything is served brotli-compressed, as a production server would.
  res.writeHead(200, { 'Content-Type': types[path.extname(p)] || 'application/octet-stream', 'Content-Encoding': 'br', 'Cache-Control': 'no-store' });
  res.end(brotli(p, data));
});
const base = await new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(`http://127.0.0.1:${server.address().port}`)));

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
// Two times per load: the first input a reader can use (for spfkit, the
// early view the loader shows while the runtime starts), and the moment
// the widget runs (spf-survey gets data-spf-live; SurveyJS runs as soon as
// its first input is there).
async function firstInput(url) {
  const ctx = await browser.newContext(); // a fresh profile: every load is cold
  const page = await ctx.newPage();
  await page.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (window.__first === undefined && document.querySelector('main spf-survey input, main #s input')) window.__first = performance.now();
      if (document.querySelector('main spf-survey[data-spf-live] input, main #s input')) { window.__live = performance.now(); obs.disconnect(); }
    }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-spf-live'] });
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__live !== undefined, null, { timeout: 20000 });
  const t = await page.evaluate(() => [window.__first, window.__live]);
  await ctx.close();
  return t;
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const size = (files) => files.reduce((n, f) => n + f.length, 0);
const spfBytes = size([brotli('/spfkit/spfkit.wasm', fs.readFileSync(path.join(bundle, 'spfkit.wasm'))), brotli('/spfkit/spfkit.js', fs.readFileSync(path.join(bundle, 'spfkit.js'))), brotli('/spfkit/wasm_exec.js', fs.readFileSync(path.join(bundle, 'wasm_exec.js')))]);
const sjsBytes = size(Object.values(sjs).map((f) => brotli(f, fs.readFileSync(resolve(f)))));
const runs = { spfkit: [], both: [], surveyjs: [] };
for (let i = 0; i < 5; i++) {
  runs.spfkit.push(await firstInput(`${base}/spfkit.html`));
  runs.both.push(await firstInput(`${base}/spfkit-both.html`));
  runs.surveyjs.push(await firstInput(`${base}/surveyjs.html`));
}
await browser.close();
server.close();
const col = (rs, k) => rs.map((r) => r[k]);
const fmt = (xs) => xs.map((x) => x.toFixed(0)).join(', ');
const line = (what, rs) => `${what}: first input ${median(col(rs, 0)).toFixed(0)} ms median (${fmt(col(rs, 0))}); running ${median(col(rs, 1)).toFixed(0)} ms median (${fmt(col(rs, 1))})`;
console.log(`spfkit   bundle ${spfBytes} bytes brotli (wasm + wasm_exec.js + loader)`);
console.log(line('spfkit', runs.spfkit));
console.log(line('spfkit with the checklist on the page, the survey', runs.both));
console.log(`SurveyJS bundle ${sjsBytes} bytes brotli (survey-core + survey-js-ui + CSS)`);
console.log(line('SurveyJS', runs.surveyjs));
const sj = median(col(runs.surveyjs, 0));
const r = (rs, k) => (median(col(rs, k)) / sj).toFixed(2);
console.log(`ratios spfkit/SurveyJS: bytes ${(spfBytes / sjsBytes).toFixed(2)}; first input ${r(runs.spfkit, 0)}, with the checklist ${r(runs.both, 0)}; running ${r(runs.spfkit, 1)}, with the checklist ${r(runs.both, 1)}`);
