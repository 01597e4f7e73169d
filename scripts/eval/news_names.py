#!/usr/bin/env python3
"""Entity and spelling figures on the real-news dev set, overall and per
story group (n01–n12, n13–n24, n25–n36), with ../shared/eval/score.py.

    scripts/eval/news_names.py [--whosaid build/whosaid] [--news ../shared/data/news]
        [--groups] [--keep DIR] [--all-metrics]

Runs `whosaid extract`, `entities` and `spelling --format json` on the
corpus (and, with --groups, on each group's documents alone, scored against
the gold entities, spelling groups and must-not-merge pairs of that group:
gold entity ids start with a-, b-, c- by group) and prints entity pair
P / R / F1, false merges, entity forms found and spelling groups recall.
With --keep DIR the outputs are left there (q.jsonl, e.jsonl, s.json).
Python 3 standard library only; exits 77 when ../shared is absent.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
GROUPS = {"n01-n12": (1, 12, "a-"), "n13-n24": (13, 24, "b-"), "n25-n36": (25, 36, "c-")}
KEYS = ["entity_pair_precision", "entity_pair_recall", "entity_pair_f1", "false_merges",
        "entity_forms_found", "spelling_groups_recall", "spelling_groups_reported"]


def run(whosaid, corpus, out):
    with open(os.path.join(out, "q.jsonl"), "w") as f:
        subprocess.run([whosaid, "extract", corpus], stdout=f, check=True)
    with open(os.path.join(out, "e.jsonl"), "w") as f:
        subprocess.run([whosaid, "entities", corpus], stdout=f, check=True)
    with open(os.path.join(out, "s.json"), "w") as f:
        subprocess.run([whosaid, "spelling", "--format", "json", corpus], stdout=f, check=True)


def score(scorer, gold, corpus, out):
    res = subprocess.run([sys.executable, scorer, "--gold", gold, "--corpus", corpus,
                          "--quotes", os.path.join(out, "q.jsonl"), "--entities",
                          os.path.join(out, "e.jsonl"), "--spelling", os.path.join(out, "s.json"),
                          "--json"], capture_output=True, text=True, check=True)
    return json.loads(res.stdout)


def doc_no(name):
    return int(name[1:3]) if len(name) > 3 and name[0] == "n" and name[1:3].isdigit() else -1


def subset(news, tmp, lo, hi, prefix):
    corpus = os.path.join(tmp, "corpus")
    os.makedirs(corpus)
    src = os.path.join(news, "corpus")
    docs = set()
    for f in sorted(os.listdir(src)):
        if f.endswith(".txt") and lo <= doc_no(f) <= hi:
            shutil.copy(os.path.join(src, f), corpus)
            docs.add(f[:-4])
    with open(os.path.join(src, "meta.jsonl")) as f, open(os.path.join(corpus, "meta.jsonl"), "w") as g:
        for line in f:
            if line.strip() and json.loads(line).get("doc") in docs:
                g.write(line)
    gold = os.path.join(tmp, "gold")
    g0 = os.path.join(news, "gold", "news")
    with open(g0 + ".quotes.jsonl") as f, open(gold + ".quotes.jsonl", "w") as g:
        for line in f:
            if line.strip() and json.loads(line)["doc"] in docs:
                g.write(line)
    forms = set()
    with open(g0 + ".entities.jsonl") as f, open(gold + ".entities.jsonl", "w") as g:
        for line in f:
            if not line.strip():
                continue
            e = json.loads(line)
            if e["id"].startswith(prefix) or e["id"] == "anon-sources":
                g.write(line)
                if e["id"].startswith(prefix):
                    forms.update(v.casefold() for v in e["variants"])
    if os.path.exists(g0 + ".events.jsonl"):
        shutil.copy(g0 + ".events.jsonl", gold + ".events.jsonl")
    sp = json.load(open(g0 + ".spelling.json"))
    groups = [x for x in sp["groups"]
              if (x.get("entity") or "").startswith(prefix)
              or (x.get("entity") is None and any(d[:3] and lo <= doc_no(d) <= hi
                                                  for ds in x["variants"].values() for d in ds))]
    mnm = [p for p in sp["must_not_merge"] if all(n.casefold() in forms for n in p)]
    json.dump({"groups": groups, "must_not_merge": mnm}, open(gold + ".spelling.json", "w"))
    return corpus, gold


def fmt(m):
    return (f"pair P {m['entity_pair_precision']:.3f} R {m['entity_pair_recall']:.3f} "
            f"F1 {m['entity_pair_f1']:.3f}; false merges {m['false_merges']}; "
            f"forms found {m['entity_forms_found']:.3f}; spelling recall "
            f"{m['spelling_groups_recall']:.3f} ({m['spelling_groups_reported']} groups reported)")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--whosaid", default=os.path.join(ROOT, "build", "whosaid"))
    ap.add_argument("--news", default=os.path.join(ROOT, "..", "shared", "data", "news"))
    ap.add_argument("--groups", action="store_true")
    ap.add_argument("--keep")
    ap.add_argument("--all-metrics", action="store_true")
    a = ap.parse_args()
    if not os.path.isdir(a.news):
        print(f"news_names: {a.news} absent; skipped")
        sys.exit(77)
    scorer = os.path.join(a.news, "..", "..", "eval", "score.py")
    corpus = os.path.join(a.news, "corpus")
    out = a.keep or tempfile.mkdtemp()
    os.makedirs(out, exist_ok=True)
    run(a.whosaid, corpus, out)
    m = score(scorer, os.path.join(a.news, "gold", "news"), corpus, out)
    print("all     : " + fmt(m))
    if a.all_metrics:
        for k in sorted(m):
            print(f"  {k:28s} {m[k]:.3f}" if isinstance(m[k], float) else f"  {k:28s} {m[k]}")
    if a.groups:
        for name, (lo, hi, prefix) in GROUPS.items():
            with tempfile.TemporaryDirectory() as tmp:
                c, g = subset(a.news, tmp, lo, hi, prefix)
                o = os.path.join(tmp, "out")
                os.makedirs(o)
                run(a.whosaid, c, o)
                print(f"{name}: " + fmt(score(scorer, g, c, o)))
    if not a.keep:
        shutil.rmtree(out)


if __name__ == "__main__":
    main()
