"""Score heat-check responses with pandas, for comparison with spfkit score.

Reads the same NDJSON file and computes the same per-question statistics
for the five statements: n, missing, distribution, mean, SD, median,
top-2 and bottom-2 percentages, net agreement and the 0-10 score. It uses
pandas the way an analyst would: read_json(lines=True), then normalise the
nested answers into columns.

    /usr/bin/python3 bench/score_pandas.py responses.ndjson
    /usr/bin/python3 bench/score_pandas.py responses.ndjson --check report.json

With --check it compares its figures with a survey-report written by
spfkit score --format json and exits 1 on any difference beyond 1e-9: an
independent computation of the same statistics.
"""
import json
import math
import sys

import pandas as pd


def check(mine, path):
    with open(path) as f:
        report = json.load(f)
    theirs = {q["id"]: q for q in report["questions"]}
    bad = 0
    if report["respondents"] != mine["respondents"]:
        print("respondents: pandas %d, spfkit %d" % (mine["respondents"], report["respondents"]))
        bad += 1
    for q in mine["questions"]:
        t = theirs[q["id"]]
        for key, want in q.items():
            got = t.get(key)
            if key == "distribution":
                got = {k: v for k, v in got.items() if v}
            same = got == want if not isinstance(want, float) else got is not None and math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-9)
            if not same:
                print("%s.%s: pandas %r, spfkit %r" % (q["id"], key, want, got))
                bad += 1
    print("check: %s" % ("identical statistics" if bad == 0 else "%d differences" % bad))
    return bad == 0


def main(path, check_path=None):
    df = pd.read_json(path, lines=True, dtype=False)
    answers = pd.json_normalize(df["answers"].tolist())
    out = {"respondents": int(len(answers)), "questions": []}
    for q in ["q1", "q2", "q3", "q4", "q5"]:
        col = pd.to_numeric(answers[q], errors="coerce") if q in answers else pd.Series(dtype=float)
        valid = col[col.between(1, 5)]
        n = int(valid.count())
        top = int((valid >= 4).sum())
        bottom = int((valid <= 2).sum())
        mean = float(valid.mean())
        out["questions"].append({
            "id": q,
            "n": n,
            "missing": int(len(answers) - n),
            "distribution": {str(int(k)): int(v) for k, v in valid.value_counts().sort_index().items()},
            "mean": mean,
            "sd": float(valid.std(ddof=1)),
            "median": float(valid.median()),
            "top2_pct": 100 * top / n,
            "bottom2_pct": 100 * bottom / n,
            "net": 100 * (top - bottom) / n,
            "score10": 2.5 * (mean - 1),
        })
    if check_path:
        sys.exit(0 if check(out, check_path) else 1)
    json.dump(out, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[3] if len(sys.argv) > 3 and sys.argv[2] == "--check" else None)
