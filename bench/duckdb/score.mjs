// Scores heat-check responses with DuckDB, the anchor of spfkit score's
// benchmark: the same per-statement statistics as spfkit's report (n,
// missing, distribution, mean, SD, median, top-2 and bottom-2 percentages,
// net agreement, the 0-10 score) from one SQL query over read_json with
// explicit columns, on as many threads as spfkit has workers.
//
//   node bench/duckdb/score.mjs FILE [--threads N] [--check report.json]
//
// It prints the engine's time (the query alone, timed inside the process,
// so Node's and DuckDB's start-up are not counted) as "engine_seconds".
// With --check it compares its figures with a survey-report written by
// spfkit score --format json and exits 1 on any difference beyond 1e-9.
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const file = args[0];
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const threads = Number(opt('--threads', '2'));
const checkPath = opt('--check', '');
const statements = ['q1', 'q2', 'q3', 'q4', 'q5'];

const db = await DuckDBInstance.create(':memory:', { threads: String(threads) });
const conn = await db.connect();
const cols = `{survey: 'VARCHAR', version: 'VARCHAR', answers: 'STRUCT(org_type VARCHAR, ${statements.map((q) => `${q} INTEGER`).join(', ')}, reasons VARCHAR)', other: 'STRUCT(org_type VARCHAR)'}`;
const per = statements.map((q) => `
  SELECT '${q}' AS id, count(*) FILTER (WHERE v BETWEEN 1 AND 5) AS n,
    count(*) FILTER (WHERE v = 1) AS d1, count(*) FILTER (WHERE v = 2) AS d2,
    count(*) FILTER (WHERE v = 3) AS d3, count(*) FILTER (WHERE v = 4) AS d4,
    count(*) FILTER (WHERE v = 5) AS d5,
    avg(v) FILTER (WHERE v BETWEEN 1 AND 5) AS mean,
    stddev_samp(v) FILTER (WHERE v BETWEEN 1 AND 5) AS sd,
    median(v) FILTER (WHERE v BETWEEN 1 AND 5) AS median,
    (SELECT count(*) FROM r) AS respondents
  FROM (SELECT answers.${q} AS v FROM r)`).join('\n  UNION ALL');
const sql = `WITH r AS MATERIALIZED (SELECT answers FROM read_json('${file.replaceAll("'", "''")}', format = 'newline_delimited', columns = ${cols}))
${per}
ORDER BY id`;

const t0 = performance.now();
const reader = await conn.runAndReadAll(sql);
const secs = (performance.now() - t0) / 1000;
const rows = reader.getRowObjectsJS();

const out = { respondents: 0, questions: [] };
for (const r of rows) {
  const n = Number(r.n);
  out.respondents = Number(r.respondents);
  const dist = {};
  [r.d1, r.d2, r.d3, r.d4, r.d5].forEach((c, i) => { if (Number(c) > 0) dist[String(i + 1)] = Number(c); });
  const top = Number(r.d4) + Number(r.d5);
  const bottom = Number(r.d1) + Number(r.d2);
  out.questions.push({
    id: r.id, n, missing: out.respondents - n, distribution: dist,
    mean: r.mean, sd: r.sd, median: Number(r.median),
    top2_pct: 100 * top / n, bottom2_pct: 100 * bottom / n, net: 100 * (top - bottom) / n,
    score10: 2.5 * (r.mean - 1),
  });
}
console.log(`engine_seconds ${secs.toFixed(3)}`);
if (!checkPath) {
  console.log(JSON.stringify(out, null, 1));
  process.exit(0);
}
const report = JSON.parse(readFileSync(checkPath, 'utf8'));
const theirs = Object.fromEntries(report.questions.map((q) => [q.id, q]));
let bad = 0;
if (report.respondents !== out.respondents) { console.log(`respondents: duckdb ${out.respondents}, spfkit ${report.respondents}`); bad++; }
for (const q of out.questions) {
  const t = theirs[q.id];
  for (const [key, want] of Object.entries(q)) {
    let got = t[key];
    let same;
    if (key === 'distribution') {
      got = Object.fromEntries(Object.entries(got).filter(([, v]) => v));
      same = JSON.stringify(got) === JSON.stringify(want);
    } else if (typeof want === 'number' && !Number.isInteger(want)) {
      same = typeof got === 'number' && Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want));
    } else {
      same = got === want;
    }
    if (!same) { console.log(`${q.id}.${key}: duckdb ${JSON.stringify(want)}, spfkit ${JSON.stringify(got)}`); bad++; }
  }
}
console.log(`check: ${bad === 0 ? 'identical statistics' : `${bad} differences`}`);
process.exit(bad === 0 ? 0 : 1);
