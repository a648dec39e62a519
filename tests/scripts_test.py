#!/usr/bin/env python3
"""Smoke test for the benchmark harness (scripts/gen-corpus, scripts/bench).

No timing is asserted: only determinism, the shape of the generated files,
argument errors, and that bench prints its tables (FTS5 only, and the
"lede failed" path with missing binaries).
"""
import os
import re
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
GEN = os.path.join(REPO, "scripts", "gen-corpus")
BENCH = os.path.join(REPO, "scripts", "bench")
FAILURES = []


def check(cond, msg):
    if not cond:
        FAILURES.append(msg)
        print("FAIL: " + msg)


def run(*cmd):
    return subprocess.run(list(cmd), capture_output=True, text=True, timeout=300)


def read_dir(d):
    return {f: open(os.path.join(d, f), "rb").read() for f in sorted(os.listdir(d))}


def main():
    tmp = tempfile.mkdtemp(prefix="lede-scripts-test-")
    a, b, c = (os.path.join(tmp, x) for x in ("a", "b", "c"))

    r1 = run(GEN, "20", a, "--seed", "7")
    r2 = run(GEN, "20", b, "--seed", "7", "--jobs", "1")
    r3 = run(GEN, "20", c, "--seed", "8")
    for r in (r1, r2, r3):
        check(r.returncode == 0, "gen-corpus failed: %s" % r.stderr.strip())
    if FAILURES:
        return 1

    fa, fb, fc = read_dir(a), read_dir(b), read_dir(c)
    check(fa == fb, "same seed gave different files")
    check(open(a + ".queries.tsv", "rb").read() == open(b + ".queries.tsv", "rb").read(),
          "same seed gave different queries")
    check(fa != fc, "different seeds gave the same files")

    check(len(fa) == 20, "want 20 files, got %d" % len(fa))
    for name, data in fa.items():
        check(re.fullmatch(r"\d{3}_[0-9a-f]{16}\.txt", name) is not None, "bad name " + name)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            check(False, name + " is not UTF-8")
            continue
        check(1000 <= len(data) <= 40000, "%s: odd size %d" % (name, len(data)))
        blocks = [blk for blk in re.split(r"\n\s*\n", text) if blk.strip()]
        long_paras = [blk for blk in blocks if "\n" not in blk.strip()
                      and len(blk.split()) >= 6 and blk.rstrip().endswith(".")]
        check(len(long_paras) >= 3, "%s: fewer than 3 body paragraphs" % name)
        check(text.endswith("\n"), name + ": no final newline")
    total = sum(len(d) for d in fa.values())
    check(2500 <= total / len(fa) <= 9000, "average size %d far from ~5 KB" % (total / len(fa)))
    alltext = b"".join(fa.values()).decode("utf-8")
    datelike = re.compile(r"\d{4}-\d{2}-\d{2}|[A-Z][a-z]+\.? \d{1,2}, \d{4}|\(\w[\w/ -]*\) (--|-|\u2014)"
                          r"|, [A-Z][\w ]+ \u2013|\d{2}/\d{2}/\d{4}|\d{1,2} [A-Z][a-z]{2} \d{4}")
    dated = sum(1 for d in fa.values() if datelike.search(d.decode("utf-8")))
    check(dated >= 15, "only %d/20 files have a dateline or timestamp" % dated)

    classes = {}
    for line in open(a + ".queries.tsv", encoding="utf-8"):
        cls, sep, q = line.rstrip("\n").partition("\t")
        check(sep == "\t" and q.strip() != "", "bad query line %r" % line)
        classes[cls] = classes.get(cls, 0) + 1
        if cls == "phrase":
            check(q.startswith('"') and q.endswith('"'), "phrase not quoted: %r" % q)
        if cls == "two":
            check(len(q.split()) == 2, "two-term query %r" % q)
    check(set(classes) == {"common", "two", "rare", "phrase"}, "classes: %s" % classes)
    check("We recommend:" in alltext or "Most Popular" in alltext or "Share this:" in alltext
          or "Check Also" in alltext or "You might also like" in alltext,
          "no trailing boilerplate found")

    # Argument errors: one line, exit 2.
    r = run(GEN, "abc", os.path.join(tmp, "x"))
    check(r.returncode == 2 and "N must be" in r.stderr, "gen-corpus abc: %r" % r.stderr)
    r = run(GEN, "20", a)
    check(r.returncode == 2 and "not empty" in r.stderr, "gen-corpus into non-empty dir")
    r = run(BENCH, os.path.join(tmp, "missing"))
    check(r.returncode == 2 and "not a directory" in r.stderr, "bench missing dir: %r" % r.stderr)
    r = run(GEN, "--help")
    check(r.returncode == 0 and "usage" in r.stdout, "gen-corpus --help")
    r = run(BENCH, "--help")
    check(r.returncode == 0 and "usage" in r.stdout, "bench --help")

    # bench, FTS5 only.
    r = run(BENCH, a, "--fts5-only")
    check(r.returncode == 0, "bench --fts5-only exit %d: %s" % (r.returncode, r.stderr))
    out = r.stdout
    for want in ("warm", "## Floor", "read all files", "tokenize", "SQLite FTS5",
                 "docs/s", "peak RSS", "index % raw", "p50", "p95", "p99",
                 "| common |", "| two |", "| rare |", "| phrase |", "| all |"):
        check(want in out, "bench output lacks %r" % want)

    # bench with missing lede binaries: FTS5 figures still printed, lede failure said, exit 1.
    r = run(BENCH, a, "--lede-bin", os.path.join(tmp, "no-such-build"))
    check(r.returncode == 1, "bench with missing lede: exit %d, want 1" % r.returncode)
    check("SQLite FTS5" in r.stdout and "lede FAILED" in r.stdout,
          "bench with missing lede: output lacks FTS5 table or failure line")

    # bench --sizes: corpora generated under the directory, one growth row per size.
    sizes_dir = os.path.join(tmp, "sizes")
    r = run(BENCH, sizes_dir, "--sizes", "20,30", "--fts5-only", "--quiet")
    check(r.returncode == 0, "bench --sizes exit %d: %s" % (r.returncode, r.stderr))
    check(os.path.isfile(os.path.join(sizes_dir, "c20.queries.tsv"))
          and len(os.listdir(os.path.join(sizes_dir, "c30"))) == 30, "bench --sizes corpora")
    growth = r.stdout.rsplit("## Growth with the collection", 1)[-1]
    check("| 20 |" in growth and "| 30 |" in growth, "bench --sizes growth rows: %r" % growth)
    r = run(BENCH, sizes_dir, "--sizes", "10x")
    check(r.returncode == 2 and "--sizes" in r.stderr, "bench --sizes 10x: %r" % r.stderr)

    if FAILURES:
        print("%d failure(s); files kept in %s" % (len(FAILURES), tmp))
        return 1
    subprocess.run(["rm", "-rf", tmp])
    print("scripts_test: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
