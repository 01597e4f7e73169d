#!/usr/bin/env python3
"""Generate name mentions for benchmarking `whosaid names`.

    scripts/gen_names.py [-n 1000000] [--seed 1] [-o names.tsv]

Writes N lines `name<TAB>type` (type `person` or `org`; about one line in
ten has no type), deterministic for a given seed. The names follow the
patterns of news about Afghanistan, Pakistan and the Arab world: given names,
compound names (Abd al-X, X-ullah, X-ud-Din), kunyas (Abu X), tribal and
family names (-zai, -khel, -i), titles (Mullah, Mufti, Haji), and the
transliteration variants outlets produce (vowels, q/k, kh/h, dh/z, doubled
letters, ou/u, -e-/-i-, Mohammad/Muhammad, al-/Al-/El-), plus short forms
(a surname alone, given name and surname). Organisations combine an owner,
a function and a type with synonyms (Defence/Defense Ministry, Ministry of
Foreign Affairs/Foreign Office) and company names with legal forms.

Entities are drawn with a Zipf-like skew (a few people are in the news a
lot), so the number of distinct strings is far below N, as in a real
corpus. Python 3 standard library only.
"""
import argparse
import random
import sys

GIVEN = ["Muhammad", "Ahmad", "Ali", "Hassan", "Hussein", "Omar", "Usman", "Khalid", "Yusuf",
         "Ibrahim", "Ismail", "Tariq", "Bilal", "Hamid", "Karim", "Rashid", "Nasir", "Jamal",
         "Farid", "Aziz", "Qasim", "Sadiq", "Hakim", "Jalal", "Kamal", "Latif", "Majid", "Mahmud",
         "Mustafa", "Nadir", "Rahim", "Saeed", "Salim", "Shafiq", "Tahir", "Wahid", "Yahya",
         "Zahir", "Anwar", "Asad", "Bashir", "Fazal", "Ghulam", "Habib", "Iqbal", "Javed", "Mansur",
         "Munir", "Nazir", "Rafiq", "Sami", "Shahid", "Waseem", "Zafar", "Idris", "Harun", "Faisal",
         "Jafar", "Kazim", "Mehdi", "Reza", "Hadi", "Amir", "Akbar", "Sharif", "Younis", "Daud"]
ABD_ROOTS = ["Rahman", "Rahim", "Karim", "Aziz", "Hamid", "Latif", "Majid", "Qadir", "Ghani",
             "Salam", "Wahid", "Jabbar", "Razzaq", "Hakim", "Malik", "Qayyum", "Baqi", "Hadi"]
ULLAH_ROOTS = ["Enayat", "Zabih", "Hizb", "Ikram", "Amanat", "Rahmat", "Sanaull", "Ata", "Habib",
               "Khalil", "Saif", "Ziya", "Fazl", "Nasr", "Hamd", "Ihsan", "Naqib", "Samih"]
DIN_ROOTS = ["Nasir", "Najm", "Salah", "Jalal", "Kamal", "Shams", "Siraj", "Qutb", "Fakhr",
             "Alaa", "Nur", "Badr", "Izz", "Sharaf", "Taj", "Zain", "Qamar", "Muhyi"]
SYLL_A = ["kh", "b", "d", "f", "gh", "h", "j", "k", "l", "m", "n", "q", "r", "s", "sh", "t", "w",
          "z", "dh", "th", "y", "ch"]
SYLL_V = ["a", "a", "a", "i", "i", "u", "o", "e", "aa", "ou"]
ENDINGS = ["i", "zai", "khel", "wal", "ani", "ari", "awi", "yar", "ullah", "zada", "oni", "ov"]
TITLES = ["Mullah", "Mufti", "Haji", "Maulana", "Qari", "Sheikh", "General", "Dr.", "Maulvi"]
COUNTRIES = [("Afghanistan", ["Afghan", "Afghanistan’s", "Taliban"]),
             ("Pakistan", ["Pakistani", "Pakistan’s"]),
             ("Iran", ["Iranian", "Iran’s"]), ("Iraq", ["Iraqi", "Iraq’s"]),
             ("Syria", ["Syrian"]), ("India", ["Indian", "India’s"]), ("Yemen", ["Yemeni"]),
             ("Egypt", ["Egyptian"]), ("Turkey", ["Turkish"]), ("Libya", ["Libyan"])]
FUNCTIONS = [(["Defence", "Defense"], "Ministry"), (["Interior"], "Ministry"),
             (["Foreign"], "Office"), (["Finance"], "Ministry"), (["Information"], "Ministry"),
             (["Health"], "Ministry"), (["Education"], "Ministry"), (["Intelligence"], "Agency"),
             (["Election"], "Commission"), (["Central"], "Bank"), (["Supreme"], "Court")]
COMPANY_WORDS = ["Trading", "General Trading", "Petroleum", "Shipping", "Exchange", "Electronics",
                 "Construction", "Industries", "Aviation", "Logistics", "Oil and Gas", "Pharmaceutical"]
LEGAL = ["LLC", "Ltd", "Co.", "Company", "Sal", "FZE", "Limited", "Group", ""]


def surname(rng):
    """A made-up family or tribal name, rare by construction."""
    parts = [rng.choice(SYLL_A) + rng.choice(SYLL_V) for _ in range(rng.randint(1, 3))]
    return ("".join(parts) + rng.choice(ENDINGS)).capitalize()


def given(rng):
    r = rng.random()
    if r < 0.15:
        return "Abd al-" + rng.choice(ABD_ROOTS)
    if r < 0.27:
        return rng.choice(ULLAH_ROOTS).rstrip("l") + "ullah"
    if r < 0.33:
        return rng.choice(DIN_ROOTS) + "-ud-Din"
    if r < 0.40:
        return "Abu " + rng.choice(GIVEN)
    return rng.choice(GIVEN)


def person(rng):
    parts = [given(rng)]
    if rng.random() < 0.45:
        parts.append(rng.choice(GIVEN))  # father's name
    if rng.random() < 0.25:
        parts.append("Khan")
    parts.append(("al-" if rng.random() < 0.2 else "") + surname(rng))
    return " ".join(parts)


# Transliteration variants, each a (probability, function) applied to a
# canonical spelling.
def vowels(s, rng):
    swaps = [("a", "e"), ("i", "e"), ("u", "o"), ("ou", "u"), ("ee", "i"), ("oo", "u"),
             ("i", "ee"), ("u", "oo")]
    a, b = rng.choice(swaps)
    if rng.random() < 0.5:
        a, b = b, a
    k = s.find(a, 1)
    return s if k < 0 else s[:k] + b + s[k + len(a):]


def consonants(s, rng):
    pairs = [("q", "k"), ("kh", "h"), ("dh", "z"), ("th", "s"), ("w", "v"), ("j", "dj"),
             ("gh", "q"), ("ch", "sh")]
    a, b = rng.choice(pairs)
    if rng.random() < 0.5:
        a, b = b, a
    return s.replace(a, b, 1)


def doubling(s, rng):
    for k in range(1, len(s) - 1):
        c = s[k]
        if c.isalpha() and c not in "aeiou " and rng.random() < 0.3:
            return s[:k] + c + s[k:] if s[k + 1] != c else s[:k] + s[k + 1:]
    return s


def family(s, rng):
    forms = ["Muhammad", "Mohammad", "Mohammed", "Mohamed", "Mohd", "Muhammed"]
    for f in forms:
        if f in s:
            return s.replace(f, rng.choice(forms), 1)
    return s


def compounds(s, rng):
    subs = [("Abd al-", rng.choice(["Abdul ", "Abdel ", "Abd-al-", "Abdul-", "Abd Al "])),
            ("ullah", rng.choice(["ulla", "ullah", " Ullah", "allah"])),
            ("-ud-Din", rng.choice(["uddin", " ud-Din", "-al-Din", "eddine"])),
            ("al-", rng.choice(["Al-", "al ", "El-", "Al"])), ("Abu ", rng.choice(["Abou ", "Abu-"]))]
    for a, b in subs:
        if a in s:
            return s.replace(a, b, 1)
    return s


def short_form(s, rng):
    words = s.split()
    if len(words) < 2:
        return s
    return words[-1] if rng.random() < 0.5 else words[0] + " " + words[-1]


def titled(s, rng):
    return rng.choice(TITLES) + " " + s


VARIATIONS = [(0.5, vowels), (0.3, consonants), (0.2, doubling), (0.4, family),
              (0.4, compounds), (0.1, short_form), (0.1, titled)]


def variant(canonical, rng):
    s = canonical
    for p, f in VARIATIONS:
        if rng.random() < p:
            s = f(s, rng)
    return s


def organisation(rng):
    if rng.random() < 0.5:
        country, owners = rng.choice(COUNTRIES)
        words, kind = rng.choice(FUNCTIONS)
        return (country, words, kind)
    return (None, [surname(rng) + " " + rng.choice(COMPANY_WORDS)], rng.choice(LEGAL))


def org_variant(org, rng):
    country, words, kind = org
    if country is None:
        return (words[0] + " " + kind).strip() if rng.random() < 0.7 else words[0]
    owner = rng.choice(dict(COUNTRIES)[country] + [country])
    word = rng.choice(words)
    if kind == "Office" and word == "Foreign":
        return rng.choice([f"{owner} Foreign Office", f"{owner} Foreign Ministry",
                           f"{owner} Ministry of Foreign Affairs"])
    if rng.random() < 0.5:
        return f"{owner} {word} {kind}"
    return f"{kind} of {word} of {country}" if rng.random() < 0.5 else f"{kind} of {word}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=1_000_000, help="mentions to write (default 1,000,000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--entities", type=int, default=0,
                    help="distinct entities (default: N / 10)")
    ap.add_argument("-o", "--output", default="-")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    n_entities = args.entities or max(1, args.n // 10)
    entities = []
    for _ in range(n_entities):
        if rng.random() < 0.9:
            canonical = person(rng)
            entities.append(("person", canonical, [canonical] + [variant(canonical, rng)
                                                                  for _ in range(rng.randint(0, 7))]))
        else:
            org = organisation(rng)
            entities.append(("org", org, [org_variant(org, rng) for _ in range(rng.randint(1, 5))]))
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    # Zipf-like popularity: entity k drawn with weight 1 / (k + 10).
    weights = [1.0 / (k + 10) for k in range(n_entities)]
    picks = rng.choices(range(n_entities), weights=weights, k=args.n)
    for k in picks:
        kind, _, forms = entities[k]
        name = forms[min(int(rng.expovariate(1.0)), len(forms) - 1)]
        typ = "" if rng.random() < 0.1 else kind
        out.write(f"{name}\t{typ}\n" if typ else f"{name}\n")
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
