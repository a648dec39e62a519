#!/usr/bin/env python3
"""End-to-end tests of lede-search's features (issue 4): filters, facets,
sorting and paging, near-duplicate collapsing, output formats, batch, colors
and terminal safety, spelling suggestions, --explain, malformed queries and
--like. Runs the real binaries on corpus/ and on the fixture articles in
tests/data/search/ (what corpus/ lacks: copies of one story, a 1963 article,
an accented source, escape sequences)."""
import fcntl
import json
import os
import pty
import re
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import termios
import unittest

from e2e_common import main

ARGS = None
HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(os.path.dirname(HERE), "data", "search")

C000 = "corpus/000_6ff154a62b2e8375.txt"  # 2012-12-04 Xinhua
C001 = "corpus/001_1c3bda8c987c5d10.txt"  # SANA, no date
C002 = "corpus/002_ef892e6c562261fc.txt"  # 2012-12-28 VOA
C003 = "corpus/003_441265355e3af056.txt"  # 2014-01-22 TBP
C004 = "corpus/004_7f3ecc1138e4dd58.txt"  # no source, no date
UNDATED = {C001, C004}


def run(cmd, env=None, stdin=None):
    full_env = dict(os.environ)
    full_env.pop("LEDE_DB", None)
    full_env.pop("NO_COLOR", None)
    if env:
        full_env.update(env)
    return subprocess.run(cmd, capture_output=True, env=full_env, input=stdin, timeout=300)


def text(r):
    return r.stdout.decode("utf-8", "replace")


class Base(unittest.TestCase):
    DB = None

    def search(self, *args, env=None, stdin=None, db=None):
        return run([ARGS.search, "--db", db or self.DB, *args], env=env, stdin=stdin)

    def json(self, *args, db=None):
        r = self.search("--format", "json", *args, db=db)
        self.assertIn(r.returncode, (0, 1), r.stderr.decode())
        return json.loads(r.stdout)

    def ids(self, *args, db=None):
        return [h["id"] for h in self.json("-n", "100", *args, db=db)["results"]]

    def assertError(self, r, *needles):
        self.assertEqual(r.returncode, 2, text(r) + r.stderr.decode())
        lines = r.stderr.decode().strip().splitlines()
        self.assertEqual(len(lines), 1, r.stderr.decode())
        self.assertTrue(lines[0].startswith("lede-search: error: "), lines[0])
        for n in needles:
            self.assertIn(n, lines[0])


class CorpusFeatures(Base):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="lede-e2e-search-")
        cls.DB = os.path.join(cls.tmp, "db")
        r = run([ARGS.index, "--db", cls.DB, ARGS.corpus])
        assert r.returncode == 0, r.stderr

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    # --- filters -------------------------------------------------------
    def test_since_until_are_inclusive_and_rounded(self):
        self.assertEqual(set(self.ids("--since", "2012-12", "--until", "2013", "syria")),
                         {C000, C002})
        self.assertEqual(set(self.ids("--until", "2012", "syria")), {C000, C002})
        self.assertEqual(set(self.ids("--until", "2012-12-28", "syria")), {C000, C002})
        self.assertEqual(set(self.ids("--until", "2012-12-27", "syria")), {C000})
        self.assertEqual(set(self.ids("--since", "2012-12-28", "syria")), {C002, C003})
        self.assertEqual(set(self.ids("--since", "2014-01-22", "--until", "2014-01-22", "syria")),
                         {C003})

    def test_date_in_query(self):
        cases = {
            "syria date:2012..2013": {C000, C002},
            "syria date:2012-12..2013-01": {C000, C002},
            "syria date:2012": {C000, C002},
            "syria date:2012-12": {C000, C002},
            "syria date:2013-01-22": set(),
            "syria date:2014-01-22": {C003},
            "syria date:2012..": {C000, C002, C003},
            "syria date:..2013": {C000, C002},
            "syria date:2012-12-05..2012-12-28": {C002},
        }
        for q, want in cases.items():
            self.assertEqual(set(self.ids(q)), want, q)

    def test_unknown_dates_are_excluded_by_date_filters(self):
        self.assertTrue(UNDATED <= set(self.ids("syria")))
        for args in (["--since", "1900"], ["--until", "2100"], ["date:1900..2100"]):
            got = set(self.ids(*args, "syria"))
            self.assertFalse(got & UNDATED, args)
            self.assertEqual(got, {C000, C002, C003}, args)

    def test_relative_dates(self):
        # corpus/ ends in 2014: nothing in the last week, everything in 100 years.
        r = self.search("--since", "7d", "syria")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(self.search("syria date:30d..").returncode, 1)
        self.assertEqual(set(self.ids("--since", "100y", "syria")), {C000, C002, C003})
        self.assertEqual(set(self.ids("syria date:1000w..")), {C000, C002, C003})

    def test_invalid_dates_exit_2_with_an_example(self):
        for args in (["--since", "2012-13", "syria"], ["--until", "12/2012", "syria"],
                     ["syria date:2012-13"], ["syria date:2013..2012"],
                     ["--since", "2014", "--until", "2012", "syria"], ["date:2012-02-30"]):
            for fmt in ("text", "json"):
                r = self.search("--format", fmt, *args)
                self.assertError(r, "e.g.")

    def test_sources_are_ored_and_case_insensitive(self):
        self.assertEqual(set(self.ids("--source", "xinhua", "--source", "VOA", "syria")),
                         {C000, C002})
        self.assertEqual(set(self.ids("--source", "XINHUA", "syria")), {C000})
        self.assertEqual(set(self.ids("syria source:voa")), {C002})
        self.assertEqual(set(self.ids("syria source:Voa --since 2013".split()[0], "source:Voa")),
                         {C002})
        self.assertEqual(self.search("--source", "nosuchoutlet", "syria").returncode, 1)
        self.assertEqual(set(self.ids("--source", "sana", "--source", "tbp", "--since", "2013",
                                      "syria")), {C003})

    def test_filters_never_change_the_ranking_of_what_remains(self):
        for q in ("syria", "lavrov kerry talks", "russia opposition"):
            full = self.json("-n", "100", q)["results"]
            for args in (["--source", "xinhua", "--source", "voa", "--source", "tbp"],
                         ["--since", "2012-12-10"], ["--until", "2013"]):
                sub = self.json("-n", "100", *args, q)["results"]
                kept = {h["id"] for h in sub}
                # Same order, same scores (up to float summation order).
                self.assertEqual([(h["id"], round(h["score"], 9)) for h in sub],
                                 [(h["id"], round(h["score"], 9)) for h in full
                                  if h["id"] in kept], (q, args))

    def test_query_filters_rank_like_flag_filters(self):
        # Ranking (pseudo-relevance feedback included) must not see the filter.
        cases = (("russia opposition date:2012..2013", "russia opposition",
                  ["--since", "2012", "--until", "2013"]),
                 ("syria talks source:voa source:xinhua", "syria talks",
                  ["--source", "voa", "--source", "xinhua"]))
        for in_query, words, flags in cases:
            a = [(h["id"], round(h["score"], 9)) for h in self.json(in_query)["results"]]
            b = [(h["id"], round(h["score"], 9)) for h in self.json(*flags, words)["results"]]
            self.assertTrue(a)
            self.assertEqual(a, b, in_query)

    # --- facets --------------------------------------------------------
    def test_facets_count_all_matches(self):
        j = self.json("--facets", "-n", "1", "syria")
        self.assertEqual(len(j["results"]), 1)
        f = j["facets"]
        self.assertEqual(f["counts"], "articles")
        self.assertEqual(f["articles"], 5)
        src = {v["value"]: v["count"] for v in f["source"]["values"]}
        self.assertEqual(src, {"Xinhua": 1, "VOA": 1, "TBP": 1, "SANA": 1})
        self.assertEqual(f["source"]["unknown"], 1)
        # The credit apart: VOA names its own reporters (publisher), the
        # others credit an agency in a dateline or a credit line.
        self.assertEqual(f["publisher"], {"values": [{"value": "VOA", "count": 1}], "unknown": 4})
        agencies = {v["value"]: v["count"] for v in f["agency"]["values"]}
        self.assertEqual(agencies, {"Xinhua": 1, "TBP": 1, "SANA": 1})
        self.assertEqual(f["agency"]["unknown"], 2)
        self.assertEqual(f["year"]["values"], [{"value": "2012", "count": 2},
                                               {"value": "2014", "count": 1}])
        self.assertEqual(f["year"]["unknown"], 2)
        self.assertEqual(f["month"]["values"], [{"value": "2012-12", "count": 2},
                                                {"value": "2014-01", "count": 1}])
        self.assertEqual(f["month"]["unknown"], 2)
        self.assertTrue(j["total"]["exact"])
        # Facets follow the filters.
        f = self.json("--facets", "--source", "voa", "syria")["facets"]
        self.assertEqual(f["articles"], 1)

    def test_facets_text_histogram(self):
        out = text(self.search("--facets", "syria"))
        self.assertIn("publishers: VOA 1 · unknown 4", out)
        self.assertIn("agencies: SANA 1 · TBP 1 · Xinhua 1 · unknown 2", out)
        self.assertIn("by month:", out)
        bars = {m.group(1): (int(m.group(2)), len(m.group(3)))
                for m in re.finditer(r"^  (\d{4}-\d\d) +(\d+) ?(█*)$", out, re.M)}
        self.assertEqual(bars["2012-12"][0], 2)
        self.assertEqual(bars["2013-06"], (0, 0))  # gaps show
        self.assertEqual(bars["2014-01"][0], 1)
        self.assertGreater(bars["2012-12"][1], bars["2014-01"][1])
        self.assertIn("date unknown: 2", out)

    # --- sorting and paging --------------------------------------------
    def test_sort_by_date_undated_last_ties_by_relevance(self):
        by_score = self.json("-n", "100", "syria")["results"]
        undated = [h["id"] for h in by_score if h["id"] in UNDATED]
        self.assertEqual(self.ids("--sort", "newest", "syria"), [C003, C002, C000] + undated)
        self.assertEqual(self.ids("--sort", "oldest", "syria"), [C000, C002, C003] + undated)
        self.assertEqual(self.ids("--sort", "relevance", "syria"), [h["id"] for h in by_score])
        self.assertEqual(self.search("--sort", "date", "syria").returncode, 2)

    def test_limit_and_offset_page_through(self):
        full = self.ids("syria")
        self.assertEqual([h["id"] for h in self.json("-n", "2", "syria")["results"]], full[:2])
        page = [h["id"] for h in self.json("-n", "2", "--offset", "2", "syria")["results"]]
        self.assertEqual(page, full[2:4])
        ranks = [h["rank"] for h in self.json("-n", "2", "--offset", "2", "syria")["results"]]
        self.assertEqual(ranks, [3, 4])

    # --- output formats --------------------------------------------------
    def test_json_shape(self):
        j = self.json("Geneva communiqué")
        self.assertEqual(j["format"], "lede.search/1")
        self.assertEqual(j["query"], "Geneva communiqué")
        for k in ("estimate", "lower_bound", "upper_bound", "exact", "counts"):
            self.assertIn(k, j["total"])
        self.assertEqual(j["total"]["counts"], "stories")
        h = j["results"][0]
        for k in ("rank", "score", "id", "path", "title", "date", "date_precision", "source",
                  "language", "snippet", "snippet_highlights", "title_highlights", "copies"):
            self.assertIn(k, h)
        self.assertEqual(h["copies"]["count"], 1)
        d = [x for x in j["results"] if x["id"] == C000]
        if d:
            self.assertEqual((d[0]["date"], d[0]["date_precision"], d[0]["source"]),
                             ("2012-12-04", "day", "Xinhua"))
        for b, e in h["snippet_highlights"]:
            self.assertTrue(0 <= b < e <= len(h["snippet"].encode()))

    def test_jsonl_and_tsv(self):
        r = self.search("--format", "jsonl", "syria")
        lines = [json.loads(l) for l in text(r).splitlines()]
        self.assertEqual([l["id"] for l in lines], self.ids("syria"))
        r = self.search("--format", "tsv", "syria")
        rows = text(r).splitlines()
        header = rows[0].split("\t")
        self.assertEqual(header[:3], ["rank", "score", "id"])
        self.assertEqual(len(rows), 6)
        for row in rows[1:]:
            self.assertEqual(len(row.split("\t")), len(header))
        self.assertNotIn("\x1b", text(self.search("--format", "tsv", "--color=always", "syria")))

    def test_count_is_exact_and_alone(self):
        r = self.search("--count", "lavrov")
        self.assertEqual(r.returncode, 0)
        self.assertEqual(text(r).strip(), "5")
        self.assertEqual(text(self.search("--count", "--source", "voa", "lavrov")).strip(), "1")
        r = self.search("--count", "zzyzxqwv")
        self.assertEqual((r.returncode, text(r).strip()), (1, "0"))

    def test_exit_status_in_every_format(self):
        for fmt in ("text", "json", "jsonl", "tsv"):
            self.assertEqual(self.search("--format", fmt, "syria").returncode, 0, fmt)
            self.assertEqual(self.search("--format", fmt, "zzyzxqwv").returncode, 1, fmt)
            self.assertEqual(self.search("--format", fmt, "syria date:2012-13").returncode, 2, fmt)

    def test_batch_thousand_queries_one_process(self):
        queries = ["syria", "zzyzxqwv", "syria date:2012-13", "", "lavrov --nothing",
                   "geneva source:xinhua"] * 166 + ["syria"] * 4
        self.assertEqual(len(queries), 1000)
        r = self.search("--batch", "-", stdin="\n".join(queries).encode() + b"\n")
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = [json.loads(l) for l in text(r).splitlines()]
        self.assertEqual(len(lines), 1000)
        self.assertEqual([l["query"] for l in lines], queries)
        for l, q in zip(lines, queries):
            self.assertEqual(l["format"], "lede.search/1")
            if q in ("syria date:2012-13", ""):
                self.assertEqual(l["error"]["exit_code"], 2)
                self.assertIsInstance(l["error"]["message"], str)
                self.assertNotIn("results", l)
            else:
                self.assertNotIn("error", l)
        self.assertEqual(lines[0]["results"][0]["id"], self.ids("syria")[0])
        self.assertEqual([h["id"] for h in lines[5]["results"]], [C000])
        # Filters from the command line apply to every query of the batch.
        r = self.search("--batch", "-", "--source", "voa", stdin=b"syria\n")
        self.assertEqual([h["id"] for h in json.loads(r.stdout)["results"]], [C002])

    # --- terminal --------------------------------------------------------
    def test_colors_only_when_asked_or_on_a_terminal(self):
        self.assertNotIn("\x1b[", text(self.search("syria")))
        self.assertIn("\x1b[", text(self.search("--color=always", "syria")))
        self.assertNotIn("\x1b[", text(self.search("--color=never", "syria")))
        out, _ = self.in_terminal(["syria"], cols=100)
        self.assertIn("\x1b[", out)
        out, _ = self.in_terminal(["syria"], cols=100, env={"NO_COLOR": "1"})
        self.assertNotIn("\x1b[", out)

    def in_terminal(self, args, cols, env=None):
        """Runs lede-search on a pseudo-terminal cols wide; returns its output."""
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, cols, 0, 0))
        full_env = dict(os.environ)
        full_env.pop("NO_COLOR", None)
        full_env.update(env or {})
        p = subprocess.Popen([ARGS.search, "--db", self.DB, *args], stdout=slave,
                             stderr=subprocess.PIPE, env=full_env)
        os.close(slave)
        chunks = []
        while True:
            ready, _, _ = select.select([master], [], [], 30)
            if not ready:
                break
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        p.wait(timeout=30)
        os.close(master)
        return b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n"), p.returncode

    def test_results_fit_the_terminal_width(self):
        for cols in (60, 80):
            out, code = self.in_terminal(["--facets", "--explain", "syria talks"], cols=cols)
            self.assertEqual(code, 0)
            plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
            for line in plain.splitlines():
                self.assertLessEqual(len(line), cols, repr(line))

    def test_spelling_suggestion_when_nothing_matches(self):
        r = self.search("comunique")
        self.assertEqual(r.returncode, 1)
        self.assertIn("did you mean: communique?", text(r))
        j = self.json("geneva comunique AND lavrov")
        if not j["results"]:
            self.assertEqual(j["suggestion"], "geneva communique AND lavrov")
        j = self.json("negotiatons")
        self.assertEqual(j["suggestion"], "negotiations")
        r = self.search("--format", "tsv", "comunique")
        self.assertIn("did you mean: communique?", r.stderr.decode())
        self.assertNotIn("suggestion", self.json("zzyzxqwv"))

    def test_explain_shows_terms_and_weights(self):
        j = self.json("--explain", "geneva communiqué")
        top = j["results"][0]
        terms = {t["term"]: t["weight"] for t in top["explain"]}
        self.assertIn("geneva", terms)
        self.assertIn("communiqu", terms)
        self.assertTrue(all(w > 0 for w in terms.values()))
        out = text(self.search("--explain", "geneva communiqué"))
        self.assertRegex(out, r"why: score [0-9.]+ = \S+ [0-9.]+")
        self.assertNotIn("explain", self.json("geneva")["results"][0])

    def test_malformed_queries_fall_back(self):
        for q in ('"Geneva communiqué', "(geneva OR", "syria AND", "lavrov AND (kerry",
                  "multi-agent", "AT&T", "C++", "geneva)", "NOT", "+-syria", "title:",
                  "date:", "source:", '"', "((("):
            for fmt in ("text", "json"):
                r = self.search("--format", fmt, q)
                self.assertIn(r.returncode, (0, 1, 2), q)
                err = r.stderr.decode()
                self.assertNotIn("terminate", err)
                if r.returncode == 2:
                    # Only "no searchable words" may fail, as one line.
                    self.assertError(r, "no searchable words")
                elif fmt == "json":
                    json.loads(r.stdout)
        for fmt in ("text", "json", "tsv"):
            r = self.search("--format", fmt, "syria AND")
            self.assertEqual(r.returncode, 0)
            self.assertIn("lede-search: note: query syntax not understood", r.stderr.decode())
            self.assertIn("plain terms", r.stderr.decode())
            if fmt != "json":  # JSON carries it as "note"; stdout is results only
                self.assertNotIn("plain terms", text(r))

    def test_malformed_query_keeps_its_filters(self):
        r = self.search("--format", "json", "date:2012..2013 source:voa syria AND")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("plain terms", r.stderr.decode())
        self.assertEqual([h["id"] for h in json.loads(r.stdout)["results"]], [C002])
        self.assertError(self.search("date:2012-13 syria AND"), "e.g.")

    def test_like_lists_similar_articles(self):
        j = self.json("--like", C000)
        ids = [h["id"] for h in j["results"]]
        self.assertTrue(ids)
        self.assertNotIn(C000, ids)
        self.assertEqual(j["query"], "like:" + C000)
        self.assertEqual(self.ids("--like", C000[:-4]), ids)  # ".txt" may be left out
        self.assertEqual(set(self.ids("--like", C000, "--source", "voa")), {C002})
        r = self.search("--like", "nope.txt")
        self.assertError(r, "no article with id")
        self.assertEqual(self.search("--like", C000, "syria").returncode, 2)
        self.assertTrue(text(self.search("--format", "tsv", "--like", C001)).startswith("rank\t"))

    def test_help_shows_an_example_of_each(self):
        out = text(run([ARGS.search, "--help"]))
        for flag in ("--source", "--since", "date:2012..2013", "date:2012-12..2013-01",
                     "--facets", "--sort newest", "--all-copies", "--offset", "--count",
                     "--format", "--batch", "--explain", "--like", "--color", "7d"):
            self.assertIn(flag, out.split("Examples:")[1], flag)


class FixtureFeatures(Base):
    """tests/data/search: copies of one story, 1963, accented source, escapes."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="lede-e2e-fixture-")
        cls.DB = os.path.join(cls.tmp, "db")
        r = run([ARGS.index, "--db", cls.DB, "--sources", os.path.join(FIXTURES, "sources.conf"),
                 FIXTURES])
        assert r.returncode == 0, r.stderr

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_near_identical_copies_collapse_to_one_story(self):
        j = self.json("geneva ceasefire")
        ids = [h["id"] for h in j["results"]]
        copies = {"search/geneva_xinhua.txt", "search/geneva_afp_copy.txt"}
        self.assertEqual(len(copies & set(ids)), 1, ids)
        self.assertIn("search/geneva_reuters_other.txt", ids)  # same subject, other story
        hit = [h for h in j["results"] if h["id"] in copies][0]
        self.assertEqual(hit["copies"]["count"], 2)
        self.assertEqual(sorted(hit["copies"]["sources"]), ["AFP", "Xinhua"])
        self.assertEqual({a["id"] for a in hit["copies"]["articles"]}, copies)
        self.assertEqual(j["total"]["counts"], "stories")
        out = text(self.search("geneva ceasefire"))
        self.assertRegex(out, r"2 copies of this story: (AFP, Xinhua|Xinhua, AFP)")
        self.assertIn("copies collapsed", out)

    def test_all_copies_lists_them(self):
        j = self.json("--all-copies", "geneva ceasefire")
        ids = [h["id"] for h in j["results"]]
        self.assertIn("search/geneva_xinhua.txt", ids)
        self.assertIn("search/geneva_afp_copy.txt", ids)
        self.assertEqual(j["total"]["counts"], "articles")
        self.assertEqual(text(self.search("--count", "geneva")).strip(), "2")
        self.assertEqual(text(self.search("--count", "--all-copies", "geneva")).strip(), "3")
        f = self.json("--facets", "geneva")["facets"]
        self.assertEqual(f["articles"], 3)  # facets count copies

    def test_pre_1970_dates(self):
        self.assertEqual(self.ids("kennedy date:1963"), ["search/dallas_1963.txt"])
        self.assertEqual(self.ids("--until", "1969", "dallas"), ["search/dallas_1963.txt"])
        self.assertEqual(self.ids("--since", "1963-11-22", "--until", "1963-11-22", "dallas"),
                         ["search/dallas_1963.txt"])
        self.assertEqual(self.ids("--sort", "oldest", "president OR geneva")[0],
                         "search/dallas_1963.txt")
        h = self.json("kennedy")["results"][0]
        self.assertEqual((h["date"], h["source"]), ("1963-11-22", "AP"))
        f = self.json("--facets", "--all-copies", "kennedy OR geneva")["facets"]
        self.assertEqual(f["year"]["values"][0], {"value": "1963", "count": 1})
        self.assertIn("1963", text(self.search("--facets", "kennedy OR geneva")))

    def test_accented_source_any_spelling(self):
        for name in ("Agência Brasil", "agencia brasil", "AGÊNCIA BRASIL", "agencia_brasil"):
            self.assertEqual(self.ids("--source", name, "harvest"), ["search/harvest_agencia.txt"], name)
        self.assertEqual(self.ids("harvest source:agência_brasil"), ["search/harvest_agencia.txt"])
        self.assertEqual(self.ids('harvest source:"Agencia Brasil"'), ["search/harvest_agencia.txt"])

    def test_escape_sequences_never_reach_the_terminal(self):
        for args in (["trapdoor"], ["--color=always", "trapdoor"], ["--explain", "trapdoor"],
                     ["--format", "tsv", "trapdoor"], ["--format", "json", "trapdoor"],
                     ["--format", "jsonl", "trapdoor"], ["--facets", "trapdoor"],
                     ["--color=always", "--all-copies", "--like", "search/hostile_escapes.txt"]):
            r = self.search(*args)
            self.assertIn(r.returncode, (0, 1), args)
            out = r.stdout
            if "--color=always" in args:
                # Only lede's own SGR sequences (ESC [ digits ; m) may remain.
                out = re.sub(rb"\x1b\[[0-9;]*m", b"", r.stdout)
            for b in (b"\x1b", b"\x07", b"\xc2\x9b"):
                self.assertNotIn(b, out, args)
            self.assertNotIn(b"\x1b", r.stderr)
        # JSON keeps the text, escaped: a consumer gets the original back.
        h = self.json("trapdoor")["results"][0]
        self.assertIn("\x1b]0;pwned\x07", h["title"])
        self.assertIn("\u009b", h["snippet"])
        # Batch lines escape the query too, errors included.
        r = self.search("--batch", "-", stdin=b"trapdoor \x1b[2J\n\x1b[2J date:2012-13\n")
        self.assertNotIn(b"\x1b", r.stdout)
        lines = [json.loads(l) for l in r.stdout.splitlines()]
        self.assertEqual(lines[0]["query"], "trapdoor \x1b[2J")
        self.assertEqual(lines[1]["error"]["exit_code"], 2)
        # Error messages quoting what was typed are scrubbed too.
        r = self.search("--since", "\x1b[2J", "trapdoor")
        self.assertError(r, "invalid date")
        self.assertNotIn(b"\x1b", r.stderr)


if __name__ == "__main__":
    main(sys.modules[__name__])
