#!/usr/bin/env python3
"""End-to-end tests: index corpus/ with the real lede-index into a temporary
database and check lede-search's answers, output and exit codes."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from e2e_common import index_into_temp, main

ARGS = None


def run(cmd, env=None, stdin=None):
    full_env = dict(os.environ)
    full_env.pop("LEDE_DB", None)
    full_env["NO_COLOR"] = "1"
    if env:
        full_env.update(env)
    return subprocess.run(cmd, capture_output=True, text=True, env=full_env, input=stdin,
                          timeout=120)


class CorpusTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp, cls.db, cls.index_output = index_into_temp(ARGS.index, [ARGS.corpus], "lede-e2e-")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def search(self, *words, fmt="json", extra=(), env=None):
        return run([ARGS.search, "--db", self.db, "--format", fmt, *extra, *words], env=env)

    def ids(self, *words):
        r = self.search(*words)
        self.assertEqual(r.returncode, 0, r.stderr)
        return [h["id"] for h in json.loads(r.stdout)["results"]]

    def test_summary_counts_every_file(self):
        self.assertIn("5 files seen, 5 added, 0 updated, 0 unchanged, 0 removed, 0 skipped",
                      self.index_output)

    def test_geneva_communique_ranks_001_first(self):
        ids = self.ids("Geneva communiqué")
        self.assertEqual(ids[0], "corpus/001_1c3bda8c987c5d10.txt")

    def test_ranking_defaults_keep_matches_and_order_of_001(self):
        # Issue 7: title boost and feedback reorder, never add or drop matches;
        # the pre-issue-7 ranking (plain BM25 k1=1 b=0.5) is still reachable.
        old = ["--ranking", "k1=1,b=0.5,title=0,prf=0", "-n", "100"]
        for q in ("Geneva communiqué", "lavrov kerry", "syria talks", "un"):
            new_ids = self.ids(q, "-n", "100")
            r = self.search(q, extra=old)
            self.assertEqual(r.returncode, 0, r.stderr)
            old_ids = [h["id"] for h in json.loads(r.stdout)["results"]]
            self.assertEqual(sorted(new_ids), sorted(old_ids), q)
            if q == "Geneva communiqué":
                self.assertEqual(new_ids[0], "corpus/001_1c3bda8c987c5d10.txt")
                self.assertEqual(old_ids[0], "corpus/001_1c3bda8c987c5d10.txt")

    def test_bad_ranking_option_is_a_one_line_error(self):
        for spec in ("zeta=1", "k1=abc", "b=2"):
            r = self.search("geneva", extra=["--ranking", spec])
            self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
            self.assertEqual(len(r.stderr.strip().splitlines()), 1, r.stderr)
            self.assertTrue(r.stderr.startswith("lede-search: error: "), r.stderr)
            self.assertIn("ranking option", r.stderr)

    def test_accents_and_case_do_not_change_ranking(self):
        base = self.ids("Geneva communiqué")
        self.assertEqual(self.ids("Geneva communique"), base)
        self.assertEqual(self.ids("GENEVA COMMUNIQUE"), base)
        self.assertEqual(self.ids("geneva", "COMMUNIQUÉ"), base)

    def test_phrase_matches_only_001_and_highlights(self):
        r = self.search('"Geneva communiqué"')
        self.assertEqual(r.returncode, 0, r.stderr)
        res = json.loads(r.stdout)["results"]
        self.assertEqual([h["id"] for h in res], ["corpus/001_1c3bda8c987c5d10.txt"])
        snippet = res[0]["snippet"]
        self.assertIn("Communiqué", snippet)
        marked = [snippet.encode()[b:e].decode() for b, e in res[0]["snippet_highlights"]]
        self.assertIn("Geneva", marked)
        self.assertIn("Communiqué", marked)

    def test_text_output_marks_highlights(self):
        r = self.search('"Geneva communique"', fmt="text")
        self.assertEqual(r.returncode, 0)
        self.assertIn("[Geneva] [Communiqué]", r.stdout)
        self.assertIn("corpus/001_1c3bda8c987c5d10.txt", r.stdout)
        self.assertNotIn("\x1b[", r.stdout)  # not a terminal: no colors

    def test_stemming_finds_other_forms(self):
        self.assertIn("corpus/000_6ff154a62b2e8375.txt", self.ids("negotiate"))
        r = self.search("talk")
        res = json.loads(r.stdout)["results"]
        self.assertTrue(res)
        words = {h["snippet"].encode()[b:e].decode().lower()
                 for h in res for b, e in h["snippet_highlights"]}
        self.assertTrue(words & {"talks", "talking"}, words)

    def test_no_match_exits_1_with_clear_line(self):
        r = self.search("zzyzxqwv", fmt="text")
        self.assertEqual(r.returncode, 1)
        self.assertIn("no results", r.stdout)
        for fmt in ("json", "jsonl", "tsv"):
            self.assertEqual(self.search("zzyzxqwv", fmt=fmt).returncode, 1, fmt)

    def test_boolean_operators(self):
        self.assertNotIn("corpus/001_1c3bda8c987c5d10.txt", self.ids("lavrov", "NOT", "kerry"))
        both = self.ids("+kerry", "+lavrov")
        self.assertIn("corpus/001_1c3bda8c987c5d10.txt", both)

    def test_malformed_query_falls_back(self):
        r = self.search('"Geneva (communiqué', fmt="text")
        self.assertIn(r.returncode, (0, 1))
        self.assertNotIn("Traceback", r.stderr)

    def test_default_database_from_environment(self):
        env = {"LEDE_DB": self.db}
        r = run([ARGS.search, "Geneva"], env=env)
        self.assertEqual(r.returncode, 0, r.stderr)
        home = os.path.join(self.tmp, "home")
        os.makedirs(home)
        r = run([ARGS.index, ARGS.corpus], env={"HOME": home, "XDG_DATA_HOME": ""})
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(os.path.isdir(os.path.join(home, ".local/share/lede/index")))
        r = run([ARGS.search, "Geneva"], env={"HOME": home, "XDG_DATA_HOME": ""})
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_batch_runs_queries_in_order(self):
        r = run([ARGS.search, "--db", self.db, "--batch", "-"],
                stdin="Geneva communiqué\nzzyzxqwv\n\nlavrov\n")
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = [json.loads(l) for l in r.stdout.splitlines()]
        self.assertEqual([l["query"] for l in lines], ["Geneva communiqué", "zzyzxqwv", "", "lavrov"])
        self.assertEqual(lines[0]["results"][0]["id"], "corpus/001_1c3bda8c987c5d10.txt")
        self.assertEqual(lines[1]["results"], [])
        self.assertIn("error", lines[2])

    def test_database_with_other_settings_is_refused(self):
        other = os.path.join(self.tmp, "other")
        r = run([ARGS.index, "--db", other, ARGS.corpus])
        self.assertEqual(r.returncode, 0, r.stderr)
        meta = shutil.which("xapian-metadata")
        if not meta:
            self.skipTest("xapian-metadata (xapian-tools) not installed")
        subprocess.run([meta, "set", other, "lede.text_settings", "stemmer=german"], check=True)
        r = run([ARGS.search, "--db", other, "geneva"])
        self.assertEqual(r.returncode, 2)
        self.assertEqual(len(r.stderr.strip().splitlines()), 1, r.stderr)
        self.assertIn("text settings", r.stderr)
        self.assertIn("--rebuild", r.stderr)
        subprocess.run([meta, "set", other, "lede.schema_version", "999"], check=True)
        r = run([ARGS.search, "--db", other, "geneva"])
        self.assertEqual(r.returncode, 2)
        self.assertIn("schema version 999", r.stderr)

    def test_count(self):
        r = self.search("lavrov", fmt="text", extra=["--count"])
        self.assertEqual(r.returncode, 0)
        self.assertEqual(r.stdout.strip(), "5")


class ExtractionOnCorpusTest(unittest.TestCase):
    """Issue 3's checks on corpus/, through the real binaries: boilerplate is
    not findable, the story is, and the metadata is read from the text."""

    @classmethod
    def setUpClass(cls):
        cls.tmp, cls.db, _ = index_into_temp(ARGS.index, [ARGS.corpus], "lede-e2e-x-")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def ids(self, query):
        r = run([ARGS.search, "--db", self.db, "--format", "json", "--all-copies", "-n", "20", query])
        self.assertIn(r.returncode, (0, 1), r.stderr)
        return [h["id"] for h in json.loads(r.stdout)["results"]]

    def test_boilerplate_is_not_findable(self):
        for q in ['"Kim Jong Un"', '"Hong Kong"', "Ebola", '"Plain Mirror"', "Araghchi",
                  '"Selections for you"']:
            self.assertEqual(self.ids(q), [], q)

    def test_story_text_is_findable(self):
        expected = {
            '"sit down at the negotiating table"': "corpus/000_6ff154a62b2e8375.txt",
            '"Geneva communiqué"': "corpus/001_1c3bda8c987c5d10.txt",
            '"Opposition bristles"': "corpus/002_ef892e6c562261fc.txt",
            '"follow-up mechanism"': "corpus/003_441265355e3af056.txt",
            '"form a team"': "corpus/004_7f3ecc1138e4dd58.txt",
        }
        for q, doc in expected.items():
            self.assertEqual(self.ids(q), [doc], q)

    def test_metadata_read_from_the_text(self):
        r = run([ARGS.search, "--db", self.db, "--format", "json", "--all-copies", "-n", "10",
                 "lavrov OR syria OR russia"])
        got = {os.path.basename(h["id"])[:3]: (h["date"], h["source"]) for h in json.loads(r.stdout)["results"]}
        self.assertEqual(got["000"][1], "Xinhua")
        self.assertIn(got["000"][0], ("2012-12-04", "2012-12-03"))
        self.assertEqual(got["001"], (None, "SANA"))
        self.assertEqual(got["002"], ("2012-12-28", "VOA"))
        self.assertEqual(got["003"], ("2014-01-22", "TBP"))
        self.assertIsNone(got["004"][0])


class MultilingualTest(unittest.TestCase):
    """Articles are stemmed in their own language, CJK text is searchable."""

    @classmethod
    def setUpClass(cls):
        data = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "multilang")
        cls.tmp, cls.db, _ = index_into_temp(ARGS.index, [ARGS.corpus, data], "lede-e2e-ml-")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def results(self, query):
        r = run([ARGS.search, "--db", self.db, "--format", "json", query])
        self.assertIn(r.returncode, (0, 1), r.stderr)
        return json.loads(r.stdout)["results"]

    def test_japanese_words_are_found(self):
        res = self.results("平和条約")
        self.assertEqual([h["id"] for h in res], ["multilang/tokyo_ja.txt"])
        self.assertEqual(res[0]["language"], "ja")
        self.assertEqual([h["id"] for h in self.results("東京")], ["multilang/tokyo_ja.txt"])

    def test_german_articles_use_the_german_stemmer(self):
        # "Verhandlung" and "Verhandlungen" share a German stem, not an English one.
        res = self.results("Verhandlung")
        self.assertEqual([h["id"] for h in res], ["multilang/berlin_de.txt"])
        self.assertEqual(res[0]["language"], "de")
        self.assertTrue(res[0]["snippet_highlights"])
        # English queries still find English articles in the same database.
        self.assertIn("corpus/000_6ff154a62b2e8375.txt", [h["id"] for h in self.results("negotiate")])


class ErrorTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="lede-e2e-err-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def assertOneLineError(self, r, prog):
        self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
        lines = r.stderr.strip().splitlines()
        self.assertTrue(lines and lines[-1].startswith(prog + ": error: "), r.stderr)
        self.assertNotIn("Traceback", r.stderr)
        self.assertNotIn("terminate called", r.stderr)

    def test_missing_database(self):
        r = run([ARGS.search, "--db", os.path.join(self.tmp, "nope"), "x"])
        self.assertOneLineError(r, "lede-search")
        self.assertIn("no database", r.stderr)

    def test_not_a_database(self):
        bogus = os.path.join(self.tmp, "bogus")
        os.makedirs(bogus)
        with open(os.path.join(bogus, "file"), "w") as f:
            f.write("x")
        self.assertOneLineError(run([ARGS.search, "--db", bogus, "x"]), "lede-search")

    def test_no_query(self):
        self.assertOneLineError(run([ARGS.search, "--db", self.tmp]), "lede-search")

    def test_empty_date_is_an_error_not_no_filter(self):
        r = run([ARGS.search, "--db", self.tmp, "--since", "", "x"])
        self.assertOneLineError(r, "lede-search")
        self.assertIn("invalid date", r.stderr)

    def test_bad_flag(self):
        self.assertEqual(run([ARGS.search, "--no-such-flag", "x"]).returncode, 2)
        self.assertEqual(run([ARGS.index, "--no-such-flag", "x"]).returncode, 2)

    def test_help_exits_0(self):
        r = run([ARGS.search, "--help"])
        self.assertEqual(r.returncode, 0)
        self.assertIn("Examples", r.stdout)
        self.assertEqual(run([ARGS.index, "--help"]).returncode, 0)

    def test_index_nonexistent_path_reports_and_fails(self):
        db = os.path.join(self.tmp, "db")
        r = run([ARGS.index, "--db", db, os.path.join(self.tmp, "missing")])
        self.assertEqual(r.returncode, 2)
        self.assertIn("no such file or directory", r.stderr.lower())
        self.assertFalse(os.path.exists(db))  # an error, not an empty database

    def test_second_indexer_is_refused_while_locked(self):
        db = os.path.join(self.tmp, "db")
        big = os.path.join(self.tmp, "big")
        os.makedirs(big)
        for i in range(3000):
            with open(os.path.join(big, f"{i}.txt"), "w") as f:
                f.write(f"Title {i}\n\n" + ("Some article text about talks and more words. " * 40))
        first = subprocess.Popen([ARGS.index, "--db", db, big], stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
        try:
            # Wait until the first indexer holds the lock (its database exists).
            import time
            for _ in range(200):
                if os.path.exists(os.path.join(db, "flintlock")):
                    break
                time.sleep(0.02)
            r = run([ARGS.index, "--db", db, ARGS.corpus])
            if first.poll() is None:
                self.assertOneLineError(r, "lede-index")
                self.assertIn("locked", r.stderr)
        finally:
            first.wait()


if __name__ == "__main__":
    main(sys.modules[__name__])
