#!/usr/bin/env python3
# Filter for ../shared/eval/deid_eval.py: reports nursing-note precision with the deliberate
# replacements the PhysioNet gold does not label set aside (issue 11, item 6):
#   deid_eval.py --cmd "sh -c 'veil deid --jsonl | python3 scripts/eval-setaside.py'" .../physionet-deid-dev.jsonl
# Drops from veil's JSONL the deliberate replacements the PhysioNet gold does not label:
# ages under 90 and relative dates (no digit and no month name).
import sys, json, re
MONTHS = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b", re.I)
for line in sys.stdin:
    d = json.loads(line)
    keep = []
    for f in d["findings"]:
        t = f["text"]
        if f["kind"] == "age":
            m = re.search(r"\d+", t)
            if not m or int(m.group()) < 90:
                continue
        if f["kind"] == "date" and (not re.search(r"\d", t) and not MONTHS.search(t) or re.search(r"\b(ago|later|before|after|earlier|prior)\b", t, re.I)):
            continue
        keep.append(f)
    d["findings"] = keep
    print(json.dumps(d, ensure_ascii=False))
