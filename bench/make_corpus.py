#!/usr/bin/env python3
"""Writes a benchmark corpus: a JSON Lines file repeated COPIES times, ids made
unique ("<id>#<copy>"), keeping only the fields whosaid reads (id, text, meta),
and beside it the bare texts as one plain-text file (what "MB/s of news text"
and the one-pass floor are measured on).

    bench/make_corpus.py SOURCE.jsonl COPIES OUT.jsonl OUT.txt

Prints the number of documents and the text bytes.
"""
import json
import sys


def main() -> int:
    if len(sys.argv) != 5:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    source, copies, out_jsonl, out_txt = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    with open(source, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    docs_out = text_bytes = 0
    with open(out_jsonl, "w", encoding="utf-8") as jl, open(out_txt, "w", encoding="utf-8") as tx:
        for copy in range(copies):
            for d in docs:
                rec = {"id": f"{d.get('id', docs_out)}#{copy}", "text": d["text"]}
                if "meta" in d:
                    rec["meta"] = d["meta"]
                jl.write(json.dumps(rec, ensure_ascii=False) + "\n")
                tx.write(d["text"] + "\n")
                docs_out += 1
                text_bytes += len(d["text"].encode("utf-8"))
    print(docs_out, text_bytes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
