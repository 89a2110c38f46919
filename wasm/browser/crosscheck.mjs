// Answers collected with SurveyJS, scored by spfkit: for a SurveyJS form
// that spfkit imports, random respondents answer it as survey-core's own
// form would let them (question by question, only what is visible, from
// the choices and points it shows, within its lengths), survey-core
// judges each (validate) and clears what its conditions hide, as on
// completing. spfkit then scores the same data with the imported
// definition (spfkit score --input-format surveyjs) and must reject
// exactly the respondents survey-core finds invalid, and count the rest
// exactly as they answered.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);

// mulberry32: a small seeded generator, so every run draws the same data.
function random(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const texts = ['ok', 'LS1 4AP', 'Late papers', 'More notice of meetings, please', 'LS12', 'ls12', 'AB1', 'XY99', 'abcd', 'name@example.nhs.uk', 'a@b.co', 'bad@', 'x@y', '12345', 'Fine'];

// respondent answers a form in survey-core and returns its data and
// whether survey-core accepts it.
function respondent(Model, form, rnd) {
  const m = new Model(form);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  for (const q of m.getAllQuestions(false)) {
    if (!q.isVisible || !q.isParentVisible || q.getType() === 'html' || rnd() < 0.15) continue;
    const type = q.getType();
    const maxLength = q.getMaxLength ? q.getMaxLength() : 0;
    const text = () => pick(texts.filter((t) => !maxLength || t.length <= maxLength));
    const choices = () => q.visibleChoices.filter((c) => !c.isSelectAllItem && c.value !== 'selectall').map((c) => c.value);
    switch (type) {
      case 'imagepicker':
        if (q.multiSelect) {
          const chosen = choices().filter(() => rnd() < 0.5);
          if (chosen.length) m.setValue(q.name, chosen);
        } else m.setValue(q.name, pick(choices()));
        break;
      case 'radiogroup':
      case 'dropdown':
        m.setValue(q.name, pick(choices()));
        break;
      case 'checkbox':
      case 'tagbox': {
        const chosen = choices().filter(() => rnd() < 0.4);
        if (q.maxSelectedChoices > 0) chosen.length = Math.min(chosen.length, q.maxSelectedChoices); // its form allows no more
        if (chosen.length) m.setValue(q.name, chosen);
        break;
      }
      case 'boolean':
        q.booleanValue = rnd() < 0.5; // stores valueTrue or valueFalse
        break;
      case 'rating':
        m.setValue(q.name, pick(q.visibleRateValues.map((v) => v.value)));
        break;
      case 'multipletext': {
        const v = {};
        for (const item of q.items) {
          if (rnd() < 0.2) continue;
          v[item.name] = item.inputType === 'number' ? Math.floor(rnd() * 50) - 5 : pick(item.inputType === 'email' ? ['name@example.nhs.uk', 'a@b.co', 'bad@'] : texts.filter((t) => !item.maxLength || t.length <= item.maxLength));
        }
        m.setValue(q.name, v);
        break;
      }
      case 'matrix': {
        const v = {};
        for (const row of q.visibleRows) if (rnd() < 0.8) v[row.name] = pick(q.visibleColumns.map((c) => c.value));
        m.setValue(q.name, v);
        break;
      }
      default: {
        // Text: most often one survey-core accepts, so that enough
        // respondents pass for their counts to show; sometimes any.
        const pool = q.inputType === 'number' ? Array.from({ length: 61 }, (_, i) => i - 5)
          : q.inputType === 'date' ? ['2026-03-27', '2025-12-01', '2024-02-29'] // what a date input gives
            : texts.filter((t) => !maxLength || t.length <= maxLength);
        const fine = pool.filter((t) => {
          m.setValue(q.name, t);
          return !q.hasErrors(false);
        });
        m.setValue(q.name, fine.length && rnd() < 0.7 ? pick(fine) : pick(pool));
      }
    }
    // Other and comment-area text, sometimes left out.
    if ((q.showOtherItem || q.showCommentArea) && rnd() < 0.7 && (q.showCommentArea || [].concat(m.getValue(q.name)).includes('other'))) {
      m.setComment(q.name, text());
    }
  }
  const valid = m.validate(false, false);
  m.clearInvisibleQuestionValues();
  return { data: m.data, valid };
}

// crossCheck runs n respondents of the SurveyJS form in file through
// survey-core and spfkit and compares their verdicts and counts. It
// returns how many survey-core accepted.
export function crossCheck(spfkit, file, n, seed) {
  const { Model } = require('survey-core');
  const form = JSON.parse(fs.readFileSync(file, 'utf8'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spfkit-cross-'));
  const def = path.join(dir, 'def.json');
  fs.writeFileSync(def, execFileSync(spfkit, ['survey', 'import', '--id', 'cross', file], { stdio: ['pipe', 'pipe', 'pipe'] }));
  const rnd = random(seed);
  const people = [];
  for (let i = 0; i < n; i++) people.push(respondent(Model, form, rnd));
  const data = path.join(dir, 'data.ndjson');
  fs.writeFileSync(data, people.map((p) => JSON.stringify(p.data)).join('\n') + '\n');
  let out, err = '';
  try {
    out = execFileSync(spfkit, ['score', '--survey', def, '--input-format', 'surveyjs', '--format', 'json', '--min-group', '5', '--max-errors', '0', data], { stdio: ['pipe', 'pipe', 'pipe'] }).toString();
  } catch (e) {
    out = e.stdout.toString();
    err = e.stderr.toString();
  }
  const rejected = new Set();
  for (const m of err.matchAll(/data\.ndjson:(\d+):/g)) rejected.add(Number(m[1]) - 1);
  const name = path.basename(file);
  people.forEach((p, i) => {
    const why = err.split('\n').filter((l) => l.includes(`data.ndjson:${i + 1}:`)).join('\n');
    assert.equal(rejected.has(i), !p.valid, `${name}, respondent ${i + 1}: survey-core says ${p.valid ? 'valid' : 'invalid'}, spfkit ${rejected.has(i) ? 'rejects it' : 'accepts it'}\n${JSON.stringify(p.data)}\n${why}`);
  });
  // Each choice, rating and matrix row is counted as the accepted
  // respondents answered it.
  const report = JSON.parse(out);
  const accepted = people.filter((p) => p.valid).map((p) => p.data);
  assert.equal(report.respondents, accepted.length, `${name}: respondents`);
  let compared = 0;
  for (const q of report.questions) {
    if (q.suppressed) continue;
    if (q.type === 'free_text') {
      // Free text is counted, not shown: the number who answered. A
      // comment area's text is under NAME-Comment.
      const key = q.id.endsWith('_comment') && !accepted.some((d) => q.id in d) ? q.id.slice(0, -'_comment'.length) + '-Comment' : q.id;
      if (!accepted.some((d) => key in d)) continue;
      assert.equal(q.n, accepted.filter((d) => String(d[key] ?? '').trim() !== '').length, `${name}: how many answered ${q.id}`);
      compared++;
      continue;
    }
    const row = q.id.includes('_') && accepted.some((d) => typeof d[q.id.slice(0, q.id.indexOf('_'))] === 'object');
    if (!row && !accepted.some((d) => q.id in d)) continue; // renamed from a name spfkit could not use
    const want = {};
    for (const d of accepted) {
      let v = d[q.id];
      if (v === undefined && q.id.includes('_')) {
        // A matrix row: quality_heard is row heard of matrix quality.
        const i = q.id.indexOf('_');
        v = d[q.id.slice(0, i)]?.[q.id.slice(i + 1)];
      }
      for (const x of [].concat(v ?? [])) want[String(x)] = (want[String(x)] || 0) + 1;
    }
    const got = Object.fromEntries(Object.entries(q.distribution).filter(([, k]) => k > 0));
    assert.deepEqual(got, want, `${name}: the counts of ${q.id}`);
    compared++;
  }
  assert.ok(compared > 0, `${name}: no question's counts were compared`);
  return accepted.length;
}
