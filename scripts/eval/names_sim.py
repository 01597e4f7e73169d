#!/usr/bin/env python3
"""Names precision as the universe of names grows: the names dev split plus
several times as many generated distractor entities of the same regions
(scripts/gen_names.py), clustered together by `whosaid names`.

    scripts/eval/names_sim.py [--whosaid build/whosaid]
        [--gold ../shared/data/names/dev.clusters.jsonl] [--factor 3] [--seeds 1 2 3]
        [--type person|org|all] [--mix 1] [--errors 10] [--json]

For each seed, FACTOR × (dev entities) distractor entities are generated
(each its canonical name and a few variants, gen_names.person / variant,
organisation / org_variant), strings already in the dev split dropped, and
all names are clustered in one run. Every entity — dev or generated — is its
own gold cluster, so the figures count:
  dev B-cubed P / R / F1   over the dev names, a dev name's system cluster
                           counting the distractors it caught as errors
  false merges             system clusters holding names of two or more gold
                           entities, by kind: dev+dev, dev+other (a dev name
                           with a distractor), other+other (partly the
                           generator's own look-alikes, reported apart)
With --mix M, M × (dev persons) more distractors are the dev persons' own
parts recombined (the given names of one, the family name of another): other
people who share name parts with dev persons, the harder case.
  person B-cubed P         the same over dev person names only
The dev-alone run (factor 0) is printed first for reference.

Python 3 standard library only; needs ../shared (exits 77 when absent).
"""
import argparse
import importlib.util
import json
import os
import random
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def norm(s):
    return unicodedata.normalize("NFC", s).strip()


def load_gen():
    spec = importlib.util.spec_from_file_location("gen_names", os.path.join(ROOT, "scripts", "gen_names.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def load_dev(path, typ):
    ents = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            c = json.loads(line)
            if c.get("split", "dev") != "dev":
                continue
            t = "person" if c["type"] == "person" else "org"
            if typ != "all" and t != typ:
                continue
            ents.append(("dev:" + c["id"], t, [norm(v) for v in c["variants"]]))
    return ents


def distractors(gen, n, seed, taken, typ):
    """n generated entities; a government body drawn twice (same country and
    function) is one entity, as it is in the world, and its forms without
    the country ("Ministry of Defence": any country's) are left out."""
    rng = random.Random(seed)
    out, bodies = [], {}
    while len(out) < n:
        body = None
        if rng.random() < 0.9:
            canonical = gen.person(rng)
            forms = [canonical] + [gen.variant(canonical, rng) for _ in range(rng.randint(0, 5))]
            t = "person"
        else:
            org = gen.organisation(rng)
            forms = [gen.org_variant(org, rng) for _ in range(rng.randint(1, 4))]
            t = "org"
            if org[0] is not None:  # a body of a country: named with its country
                body = (org[0], org[1][0], org[2])
                owners = dict(gen.COUNTRIES)[org[0]] + [org[0]]
                forms = [f for f in forms if any(o in f for o in owners)]
        if typ != "all" and t != typ:
            continue
        forms = [norm(f) for f in dict.fromkeys(forms) if norm(f) not in taken]
        if not forms:
            continue
        taken.update(forms)
        if body in bodies:
            out[bodies[body]][2].extend(forms)
            continue
        if body is not None:
            bodies[body] = len(out)
        out.append((f"gen:{seed}:{len(out)}", t, forms))
    return out


def recombined(gen, dev, n, seed, taken):
    """n person entities made of the dev persons' own parts: the given names of
    one and the family name of another (Hatim Ahmad + Qureshi), each with a
    few transliteration variants (gen_names.variant) — other people who share
    name parts with the dev persons, as a larger list of the same region has."""
    rng = random.Random(seed)
    persons = [forms[0].split() for _, t, forms in dev if t == "person" and len(forms[0].split()) >= 2]
    whole = {f for _, _, fs in dev for f in fs}
    out = []
    tries = 0
    while len(out) < n and tries < 50 * n:
        tries += 1
        a, b = rng.choice(persons), rng.choice(persons)
        if a is b:
            continue
        canonical = " ".join(a[:-1] + b[-1:])
        if canonical in whole or canonical in taken:
            continue
        forms = [canonical] + [gen.variant(canonical, rng) for _ in range(rng.randint(0, 3))]
        forms = [norm(f) for f in dict.fromkeys(forms) if norm(f) not in taken]
        if not forms:
            continue
        taken.update(forms)
        out.append((f"mix:{seed}:{len(out)}", "person", forms))
    return out


def cluster(whosaid, entities):
    lines, gold, kind = [], {}, {}
    for eid, t, forms in entities:
        for f in forms:
            if f in gold:  # a string two entities share: keep the first
                continue
            gold[f] = eid
            kind[f] = t
            lines.append(f"{f}\t{t}")
    with tempfile.TemporaryDirectory() as tmp:
        inp = os.path.join(tmp, "names.tsv")
        with open(inp, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        res = subprocess.run([whosaid, "names", "--threads", "2", inp], capture_output=True, text=True)
        if res.returncode != 0:
            sys.exit(f"names_sim: whosaid names failed: {res.stderr[:500]}")
    sysmap = {}
    for line in res.stdout.splitlines():
        o = json.loads(line)
        sysmap[norm(o["name"])] = o["cluster"] if o["cluster"] is not None else "\0" + o["name"]
    return gold, kind, sysmap


def score(gold, kind, sysmap, errors):
    names = list(gold)
    sid = {n: sysmap.get(n, "\0missing\0" + n) for n in names}
    members = defaultdict(list)
    for n in names:
        members[sid[n]].append(n)
    gsize = Counter(gold.values())

    def bcubed(subset):
        p = r = 0.0
        for n in subset:
            same_s = members[sid[n]]
            inter = sum(1 for m in same_s if gold[m] == gold[n])
            p += inter / len(same_s)
            r += inter / gsize[gold[n]]
        k = len(subset)
        p, r = (p / k, r / k) if k else (0.0, 0.0)
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    dev = [n for n in names if gold[n].startswith("dev:")]
    dev_person = [n for n in dev if kind[n] == "person"]
    merges = Counter()
    examples = defaultdict(list)
    for s, ms in members.items():
        ents = sorted({gold[m] for m in ms})
        if len(ents) < 2:
            continue
        devs = sum(1 for e in ents if e.startswith("dev:"))
        k = "dev+dev" if devs == len(ents) else ("dev+other" if devs else "other+other")
        if devs and devs < len(ents) and devs > 1:
            k = "dev+dev+other"
        merges[k] += 1
        if len(examples[k]) < errors:
            examples[k].append({e: [m for m in ms if gold[m] == e][:3] for e in ents[:4]})
    bp, br, bf = bcubed(dev)
    pp, pr, pf = bcubed(dev_person)
    return {
        "names": len(names), "dev_names": len(dev),
        "dev_bcubed": {"P": round(bp, 4), "R": round(br, 4), "F1": round(bf, 4)},
        "dev_person_bcubed": {"P": round(pp, 4), "R": round(pr, 4), "F1": round(pf, 4)},
        "false_merges": dict(merges),
    }, examples


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--whosaid", default=os.path.join(ROOT, "build", "whosaid"))
    ap.add_argument("--gold", default=os.path.join(ROOT, "..", "shared", "data", "names", "dev.clusters.jsonl"))
    ap.add_argument("--factor", type=float, default=3.0)
    ap.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    ap.add_argument("--type", choices=["person", "org", "all"], default="all")
    ap.add_argument("--mix", type=float, default=0.0,
                    help="also this many times the dev persons of recombined dev names (other people "
                         "sharing name parts)")
    ap.add_argument("--errors", type=int, default=0, help="print this many false merges of each kind")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    if not os.path.exists(a.gold):
        print(f"names_sim: {a.gold} absent; skipped")
        sys.exit(77)
    gen = load_gen()
    dev = load_dev(a.gold, a.type)
    results = []
    base_gold, base_kind, base_sys = cluster(a.whosaid, dev)
    base, ex = score(base_gold, base_kind, base_sys, a.errors)
    results.append({"run": "dev alone", **base, "examples": ex})
    for seed in a.seeds:
        taken = {f for _, _, fs in dev for f in fs}
        extra = distractors(gen, int(a.factor * len(dev)), seed, taken, a.type)
        n_persons = sum(1 for _, t, _ in dev if t == "person")
        mixed = recombined(gen, dev, int(a.mix * n_persons), seed, taken) if a.mix else []
        gold, kind, sysmap = cluster(a.whosaid, dev + extra + mixed)
        r, ex = score(gold, kind, sysmap, a.errors)
        what = f"dev + {len(extra)} generated" + (f" + {len(mixed)} recombined" if mixed else "")
        results.append({"run": f"{what} (seed {seed})", **r, "examples": ex})
    if a.json:
        print(json.dumps(results, indent=1))
        return
    for r in results:
        d, p = r["dev_bcubed"], r["dev_person_bcubed"]
        fm = ", ".join(f"{k} {v}" for k, v in sorted(r["false_merges"].items())) or "none"
        print(f"{r['run']}: {r['names']} names; dev B3 P {d['P']:.4f} R {d['R']:.4f} F1 {d['F1']:.4f}; "
              f"person P {p['P']:.4f} F1 {p['F1']:.4f}; false merges: {fm}")
        for k, exs in sorted(r["examples"].items()):
            for e in exs:
                print(f"    {k}: " + " || ".join(f"{' / '.join(v)}" for v in e.values()))


if __name__ == "__main__":
    main()
