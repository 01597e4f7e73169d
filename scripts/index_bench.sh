#!/usr/bin/env bash
# scripts/index_bench.sh — benchmarks of the quote index (issue 14), not a test:
# index build throughput (MB/s of document text), database size per MB of
# text, and search latency (median, p99) over 1,000 mixed queries through
# `whosaid serve`'s /api/search (one client, keep-alive).
#
#   bash scripts/index_bench.sh [REPEAT] [THREADS]
# REPEAT copies of PolNeAR train (../shared/data/polnear/train.jsonl, 840
# documents; ids made unique) — 60 gives 50,400 documents. THREADS: 0 = all.
# Environment: WHOSAID_BIN (build/whosaid), WORK (a scratch dir, kept),
# SEARCH_ONLY=1 (measure the searches on the index already in WORK),
# REPLICATE=K (after the build, copy the index's documents and derived rows
# K times under new document ids — the rows K times as many documents give,
# without running the corpus stage over them — and measure the searches on
# that: `REPLICATE=6 bash scripts/index_bench.sh 10` reaches 50,400
# documents in minutes, where a real 60x build spends most of an hour in the
# entity resolver), SHOW_SLOW=N (the N slowest queries, 8).
# Search latency is given as wall time and as the server's CPU time per
# query (all its threads, /proc), which a loaded machine does not inflate.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=${WHOSAID_BIN:-$root/build/whosaid}
train=${TRAIN:-$root/../shared/data/polnear/train.jsonl}
repeat=${1:-60}
threads=${2:-0}
work=${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/whosaid_index_bench.XXXXXX")}
mkdir -p "$work"
export WHOSAID_RULES=${WHOSAID_RULES:-$root/rules}

if [ "${SEARCH_ONLY:-0}" != 1 ]; then
python3 - "$train" "$repeat" "$work/input.jsonl" <<'PY'
import json, sys
train, repeat, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
docs = [json.loads(l) for l in open(train, encoding="utf-8")]
text = 0
with open(out, "w", encoding="utf-8") as f:
    for k in range(repeat):
        for d in docs:
            d2 = dict(d, id=f"{d['id']}~{k}")
            text += len(d["text"].encode("utf-8"))
            f.write(json.dumps(d2, ensure_ascii=False) + "\n")
open(out + ".textbytes", "w").write(str(text))
print(f"input: {repeat} x {len(docs)} = {repeat * len(docs)} documents, "
      f"{text / 1e6:.1f} MB of text")
PY
text_bytes=$(cat "$work/input.jsonl.textbytes")
rm -f "$work/bench.db" "$work/bench.db-wal" "$work/bench.db-shm"
start=$(date +%s.%N)
/usr/bin/time -f "%M %U %S" -o "$work/rss" "$bin" index --db "$work/bench.db" --threads "$threads" \
  "$work/input.jsonl" 2>"$work/index.err" || { cat "$work/index.err"; exit 1; }
end=$(date +%s.%N)
tail -1 "$work/index.err"
python3 - "$start" "$end" "$text_bytes" "$work/bench.db" $(cat "$work/rss") <<'PY'
import os, sys
start, end, text, db = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rss, user, sys_ = int(sys.argv[5]), float(sys.argv[6]), float(sys.argv[7])
size = os.path.getsize(db)
wall, cpu = end - start, user + sys_
print(f"index: {wall:.1f} s wall, {cpu:.1f} s CPU; {text / 1e6 / wall:.2f} MB/s of text "
      f"(wall), {text / 1e6 / cpu:.2f} MB/s per CPU-second; peak RSS {rss / 1024:.0f} MB")
print(f"db: {size / 1e6:.1f} MB, {size / text:.2f} MB per MB of text")
PY
fi

if [ "${SEARCH_ONLY:-0}" != 1 ] && [ "${REPLICATE:-1}" -gt 1 ]; then
python3 - "$work/bench.db" "$work/replica.db" "$REPLICATE" <<'PY'
import shutil, sqlite3, sys, time
src, dst, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
t0 = time.time()
shutil.copyfile(src, dst)
con = sqlite3.connect(dst, isolation_level=None)
con.execute("PRAGMA journal_mode=OFF")
con.execute("PRAGMA synchronous=OFF")
n = con.execute("SELECT max(id) FROM quotes").fetchone()[0]
cols = [r[1] for r in con.execute("PRAGMA table_info(quotes)")]
con.execute("BEGIN")
for c in range(1, copies):
    suffix = f"~r{c}"
    con.execute("INSERT INTO documents SELECT id || ?, outlet, url, date, source, text, partial "
                "FROM documents WHERE id NOT LIKE '%~r%'", (suffix,))
    con.execute("INSERT INTO event_docs SELECT event, doc || ? FROM event_docs "
                "WHERE doc NOT LIKE '%~r%'", (suffix,))
    sel = ", ".join({"id": "id + ?", "doc": "doc || ?",
                     "record": "json_set(record, '$.doc', doc || ?)"}.get(k, k) for k in cols)
    con.execute(f"INSERT INTO quotes({', '.join(cols)}) SELECT {sel} FROM quotes WHERE id <= ?",
                (c * n, suffix, suffix, n))
    con.execute("INSERT INTO quotes_fts(rowid, quote, speaker, variants) "
                "SELECT rowid + ?, quote, speaker, variants FROM quotes_fts WHERE rowid <= ?",
                (c * n, n))
con.execute("UPDATE entities SET quotes = quotes * ?", (copies,))
con.execute("UPDATE events SET mentions = mentions * ?", (copies,))
con.execute("COMMIT")
con.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('optimize')")
con.execute("ANALYZE")
con.execute("PRAGMA journal_mode=WAL")
docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
print(f"replica: x{copies}, {docs} documents, {n * copies} quotes, {time.time() - t0:.0f} s")
PY
  rm -f "$work/bench.db-wal" "$work/bench.db-shm"
  mv "$work/replica.db" "$work/bench.db"
fi

"$bin" serve --db "$work/bench.db" --port 0 2>"$work/serve.err" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
port=""
for _ in $(seq 1 200); do
  port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$work/serve.err")
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { cat "$work/serve.err"; exit 1; }

python3 - "$port" "$work/bench.db" "$server" <<'PY'
import glob, http.client, os, random, sqlite3, statistics, sys, time, urllib.parse
port, db, server = int(sys.argv[1]), sys.argv[2], sys.argv[3]

def cpu_ns():  # CPU time of every thread of the server (load-independent)
    total = 0
    for f in glob.glob(f"/proc/{server}/task/*/schedstat"):
        try: total += int(open(f).read().split()[0])
        except OSError: pass
    return total
random.seed(14)
con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
texts = [r[0] for r in con.execute("SELECT text FROM quotes ORDER BY random() LIMIT 3000")]
names = [r[0] for r in con.execute(
    "SELECT form FROM variants v JOIN entities e ON e.id = v.entity "
    "WHERE e.type = 'person' AND form LIKE '% %' ORDER BY random() LIMIT 500")]
outlets = [r[0] for r in con.execute("SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL")]
events = [r[0] for r in con.execute("SELECT id FROM events ORDER BY random() LIMIT 200")]
entities = [r[0] for r in con.execute("SELECT id FROM entities ORDER BY random() LIMIT 200")]
dates = sorted(r[0] for r in con.execute("SELECT DISTINCT date FROM documents WHERE date IS NOT NULL"))
words = [w.strip('.,"“”’;:?!()') for t in texts for w in t.split()]
words = [w for w in words if len(w) > 3 and w.isalpha()]

def respell(name):  # a spelling no article used: one vowel changed in the last part
    parts = name.split()
    last = list(parts[-1])
    vowels = [i for i, c in enumerate(last) if c in "aeiou"]
    if vowels:
        i = random.choice(vowels)
        last[i] = random.choice([v for v in "aeiou" if v != last[i]])
    return " ".join(parts[:-1] + ["".join(last)])

def query(kind):
    if kind == "word": return {"q": random.choice(words)}
    if kind == "phrase":
        t = random.choice(texts).split()
        i = random.randrange(max(1, len(t) - 2))
        return {"q": '"' + " ".join(w.strip('"“”') for w in t[i:i + 2]) + '"'}
    if kind == "or": return {"q": random.choice(words) + " OR " + random.choice(words)}
    if kind == "prefix": return {"q": random.choice(words)[:4] + "*"}
    if kind == "speaker": return {"speaker": random.choice(names)}
    if kind == "respelled": return {"speaker": respell(random.choice(names))}
    if kind == "speaker+text": return {"speaker": random.choice(names), "q": random.choice(words)}
    if kind == "entity": return {"entity": random.choice(entities)}
    if kind == "event": return {"event": random.choice(events)}
    if kind == "about": return {"about": random.choice(["election", "debate", "rally", "vote"])}
    if kind == "filters":
        d = random.choice(dates)
        return {"kind": random.choice(["direct", "indirect", "mixed"]),
                "outlet": random.choice(outlets) if outlets else "", "from": d[:7]}
    if kind == "text+date":
        return {"q": random.choice(words), "from": random.choice(dates)[:7]}
    raise ValueError(kind)

kinds = ["word", "phrase", "or", "prefix", "speaker", "respelled", "speaker+text", "entity",
         "event", "about", "filters", "text+date"]
conn = http.client.HTTPConnection("127.0.0.1", port)
lat = {k: [] for k in kinds}
cpu = {k: [] for k in kinds}
slow = []
hits = 0
load0 = os.getloadavg()[0]
for n in range(1000):
    k = kinds[n % len(kinds)]
    q = {key: v for key, v in query(k).items() if v}
    q["limit"] = "20"
    c = cpu_ns()
    t = time.perf_counter()
    conn.request("GET", "/api/search?" + urllib.parse.urlencode(q))
    r = conn.getresponse()
    body = r.read()
    lat[k].append((time.perf_counter() - t) * 1000)
    cpu[k].append((cpu_ns() - c) / 1e6)
    slow.append((cpu[k][-1], lat[k][-1], k, q))
    if r.status == 200: hits += body.count(b"\n")
all_ = sorted(x for v in lat.values() for x in v)
allc = sorted(x for v in cpu.values() for x in v)
p = lambda xs, f: sorted(xs)[min(len(xs) - 1, int(f * len(xs)))]
quotes = con.execute("SELECT count(*) FROM quotes").fetchone()[0]
docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
print(f"search: {docs} documents, {quotes} quotes; 1000 queries, {hits} records returned; "
      f"load average {load0:.1f} -> {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
print(f"  wall: median {statistics.median(all_):.2f} ms, p99 {p(all_, 0.99):.2f} ms, "
      f"max {all_[-1]:.1f} ms")
print(f"  server CPU: median {statistics.median(allc):.2f} ms, p99 {p(allc, 0.99):.2f} ms, "
      f"max {allc[-1]:.1f} ms")
print("  kind           wall median     p99   CPU median     p99")
for k in kinds:
    print(f"  {k:13s} {statistics.median(lat[k]):9.2f} {p(lat[k], 0.99):9.2f} "
          f"{statistics.median(cpu[k]):9.2f} {p(cpu[k], 0.99):9.2f}")
print("  the slowest (server CPU ms, wall ms, kind, query):")
for c, w, k, q in sorted(slow, key=lambda x: -x[0])[:int(os.environ.get("SHOW_SLOW", "8"))]:
    print(f"    {c:7.1f} {w:7.1f}  {k:13s} {q}")
PY
echo "scratch: $work"
