#!/usr/bin/env python3
"""Lists PolNeAR gold quotes whisaid missed and predictions that match no gold,
with context, so errors can be grouped by pattern (development aid).

  python3 scripts/eval/polnear_misses.py GOLD.jsonl PRED.jsonl [--kind direct]
         [--split] [--show missed|spurious|speaker] [--n 40] [--seed 1]

Matching follows ../shared/eval/score_dataset.py's overlap50 rule (shared word
tokens >= 50% of both spans). Standard library only.
"""
import argparse, collections, json, random, re

WORD = re.compile(r"\w+")
GAP = " \t\r\n\u00a0\"'`\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb"


def toks(text, spans):
    out = set()
    for m in WORD.finditer(text):
        for s, e in spans:
            if m.start() < e and m.end() > s:
                out.add(m.start())
    return out


def split(text, frags):
    groups = []
    for s, e in sorted(frags):
        if groups and not text[groups[-1][1]:s].strip(GAP):
            groups[-1][1] = max(groups[-1][1], e)
        else:
            groups.append([s, e])
    return groups


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold"); ap.add_argument("pred")
    ap.add_argument("--kind"); ap.add_argument("--split", action="store_true")
    ap.add_argument("--show", default="missed"); ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    docs = {}
    gold = collections.defaultdict(list)
    for line in open(a.gold, encoding="utf-8"):
        r = json.loads(line); docs[r["id"]] = r["text"]
        for q in r["quotes"]:
            if a.kind and q["kind"] != a.kind: continue
            fr = q.get("fragments") or [[q["start"], q["end"]]]
            groups = split(r["text"], fr) if a.split else [None]
            for g in groups:
                spans = [g] if g else fr
                gold[r["id"]].append((spans, q))
    preds = collections.defaultdict(list)
    for line in open(a.pred, encoding="utf-8"):
        r = json.loads(line)
        if r["doc"] not in docs: continue
        if a.kind and r["quote"]["kind"] != a.kind: continue
        preds[r["doc"]].append(r)
    out = []
    for d, text in docs.items():
        G = [(toks(text, s), s, q) for s, q in gold[d]]
        P = [(toks(text, [(p["quote"]["start"], p["quote"]["end"])]), p) for p in preds[d]]
        used_p, used_g = set(), set()
        cands = []
        for i, (gt, _, _) in enumerate(G):
            for j, (pt, _) in enumerate(P):
                sh = len(gt & pt); den = max(len(gt), len(pt))
                if den and sh / den >= 0.5: cands.append((-sh / den, i, j))
        for _, i, j in sorted(cands):
            if i in used_g or j in used_p: continue
            used_g.add(i); used_p.add(j)
            if a.show == "speaker":
                q = G[i][2]; sp = P[j][1].get("speaker") or {}
                m = (sp.get("mention") or {}).get("text"); n = sp.get("name")
                gl = (q.get("speaker") or "")
                if gl and not ({t.lower() for t in WORD.findall(gl)[-1:]} & {t.lower() for t in WORD.findall((n or "") + " " + (m or ""))}):
                    s0 = G[i][1][0][0]
                    out.append(f"[gold {gl!r} | pred name={n!r} mention={m!r}] ...{text[max(0,s0-160):s0+100]!r}")
        if a.show == "missed":
            for i, (_, s, q) in enumerate(G):
                if i in used_g: continue
                s0, e0 = s[0][0], s[-1][1]
                out.append(f"[{q['kind']} cue={q.get('cue')!r} spk={q.get('speaker')!r}] "
                           f"{text[max(0, s0-120):s0]!r} <<{text[s0:e0][:160]!r}>> {text[e0:e0+80]!r}")
        if a.show == "spurious":
            for j, (_, p) in enumerate(P):
                if j in used_p: continue
                s0, e0 = p["quote"]["start"], p["quote"]["end"]
                out.append(f"[{p['quote']['kind']} {p.get('rule','')}] {text[max(0, s0-120):s0]!r} <<{text[s0:e0][:160]!r}>> {text[e0:e0+60]!r}")
    random.seed(a.seed)
    print(f"{len(out)} {a.show}")
    for x in random.sample(out, min(a.n, len(out))):
        print("-", x)


if __name__ == "__main__":
    main()
