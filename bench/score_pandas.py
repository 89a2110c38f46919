"""Score heat-check responses with pandas, for comparison with spfkit score.

Reads the same NDJSON file and computes the same per-question statistics
for the five statements: n, missing, distribution, mean, SD, median,
top-2 and bottom-2 percentages, net agreement and the 0-10 score. It uses
pandas the way an analyst would: read_json(lines=True), then normalise the
nested answers into columns.

    python3 bench/score_pandas.py responses.ndjson
"""
import json
import sys

import pandas as pd


def main(path):
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
    json.dump(out, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main(sys.argv[1])
