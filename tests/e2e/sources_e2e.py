#!/usr/bin/env python3
"""End-to-end tests for publishers and agencies: who published an article and
whose copy it carries are read, stored, shown, faceted and filtered apart.

The seed 000 is People's Daily's page carrying a Xinhua story; its text dump
credits Xinhua in the dateline but never names People's Daily (no notice, no
site name survived the dump), so lede finds no publisher in it and the test
says so; `lede-index --publisher` names the publisher of an archive of one
site's pages, as a user who saved them knows it. Pages whose text or metadata
name their publisher are written here, in a temporary directory."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

from e2e_common import index_into_temp, main

ARGS = None
SEED = "000_6ff154a62b2e8375.txt"


def run(cmd, **kw):
    env = dict(os.environ)
    env.pop("LEDE_DB", None)
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120, **kw)


class SeedCorpus(unittest.TestCase):
    """corpus/ as it is, then 000 indexed with --publisher beside the others."""

    @classmethod
    def setUpClass(cls):
        cls.tmp, cls.plain_db, _ = index_into_temp(ARGS.index, [ARGS.corpus], "lede-src-")
        cls.db = os.path.join(cls.tmp, "named")
        seed = os.path.join(ARGS.corpus, SEED)
        others = sorted(os.path.join(ARGS.corpus, f) for f in os.listdir(ARGS.corpus)
                        if f.endswith(".txt") and f != SEED)
        for extra, paths in ((["--publisher", "People's Daily"], [seed]), ([], others)):
            r = run([ARGS.index, "--db", cls.db, *extra, *paths])
            if r.returncode != 0:
                raise AssertionError(r.stderr)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def search(self, db, *args):
        return run([ARGS.search, "--db", db, *args])

    def json(self, db, *args):
        r = self.search(db, "--json", *args)
        self.assertEqual(r.returncode, 0, r.stderr)
        return json.loads(r.stdout)

    def ids(self, *args, db=None):
        r = self.search(db or self.db, "--json", *args)
        if r.returncode == 1:
            return []
        self.assertEqual(r.returncode, 0, r.stderr)
        return sorted(os.path.basename(h["id"])[:3] for h in json.loads(r.stdout)["results"])

    def test_text_names_the_agency_only(self):
        r = run([ARGS.index, "--extract", os.path.join(ARGS.corpus, SEED)])
        self.assertEqual(r.returncode, 0, r.stderr)
        a = json.loads(r.stdout)
        self.assertEqual((a["agency"], a["publisher"], a["source"]), ("Xinhua", None, "Xinhua"))
        h = {os.path.basename(x["id"])[:3]: x
             for x in self.json(self.plain_db, "--all-copies", "syria")["results"]}
        self.assertEqual((h["000"]["agency"], h["000"]["publisher"]), ("Xinhua", None))
        # VOA names its own reporters: it published 002; no agency is credited.
        self.assertEqual((h["002"]["publisher"], h["002"]["agency"]), ("VOA", None))

    def test_seed_000_publisher_and_agency(self):
        j = self.json(self.db, "--all-copies", "syria")
        h = {os.path.basename(x["id"])[:3]: x for x in j["results"]}
        self.assertEqual((h["000"]["publisher"], h["000"]["agency"], h["000"]["source"]),
                         ("People's Daily", "Xinhua", "Xinhua"))
        r = run([ARGS.index, "--publisher", "People's Daily", "--explain",
                 os.path.join(ARGS.corpus, SEED)])
        self.assertIn("publisher: People's Daily from \"given with --publisher\"", r.stdout)
        self.assertIn("agency:   Xinhua from \"MOSCOW, Dec. 3 (Xinhua)\"", r.stdout)

    def test_source_matches_either_name(self):
        self.assertIn("000", self.ids("--source", "Xinhua", "syria"))
        self.assertEqual(self.ids("--source", "People's Daily", "syria"), ["000"])
        self.assertEqual(self.ids("--source", "people’s daily", "syria"), ["000"])  # curly, case
        self.assertEqual(self.ids("syria source:\"People's Daily\""), ["000"])
        self.assertEqual(self.ids("syria source:xinhua"), ["000"])

    def test_publisher_and_agency_apart(self):
        self.assertEqual(self.ids("--agency", "Xinhua", "syria"), ["000"])
        self.assertEqual(self.ids("--publisher", "Xinhua", "syria"), [])
        self.assertEqual(self.ids("--publisher", "People's Daily", "--agency", "xinhua", "syria"),
                         ["000"])
        self.assertEqual(self.ids("--agency", "People's Daily", "syria"), [])
        self.assertEqual(self.ids("--publisher", "VOA", "--publisher", "People's Daily", "syria"),
                         ["000", "002"])
        self.assertEqual(self.ids("syria agency:sana"), ["001"])
        self.assertEqual(self.ids("syria publisher:voa"), ["002"])
        r = self.search(self.db, "--agency", "--", "syria")
        self.assertEqual(r.returncode, 2)
        r = self.search(self.db, "--agency", "*", "syria")
        self.assertEqual(r.returncode, 2)
        self.assertIn("invalid agency", r.stderr)
        self.assertEqual(len(r.stderr.strip().splitlines()), 1, r.stderr)

    def test_facets_list_both(self):
        f = self.json(self.db, "--facets", "syria")["facets"]
        pubs = {v["value"]: v["count"] for v in f["publisher"]["values"]}
        agencies = {v["value"]: v["count"] for v in f["agency"]["values"]}
        self.assertEqual(pubs, {"People's Daily": 1, "VOA": 1})
        self.assertEqual(f["publisher"]["unknown"], 3)
        self.assertEqual(agencies, {"Xinhua": 1, "SANA": 1, "TBP": 1})
        self.assertEqual(f["agency"]["unknown"], 2)
        out = self.search(self.db, "--facets", "--color", "never", "syria").stdout
        self.assertIn("publishers: People's Daily 1 · VOA 1 · unknown 3", out)
        self.assertIn("agencies: SANA 1 · TBP 1 · Xinhua 1 · unknown 2", out)

    def test_text_printer_shows_both(self):
        out = self.search(self.db, "--color", "never", "--source", "xinhua", "syria").stdout
        self.assertIn("2012-12-04 · Xinhua via People's Daily · ", out)
        out = self.search(self.db, "--color", "never", "--show", "corpus/" + SEED).stdout
        self.assertIn("Xinhua via People's Daily", out)

    def test_bad_publisher_is_a_usage_error(self):
        r = run([ARGS.index, "--publisher", "", "--extract", os.path.join(ARGS.corpus, SEED)])
        self.assertEqual(r.returncode, 2)
        self.assertIn("publisher", r.stderr)


class PagesNameTheirPublisher(unittest.TestCase):
    """A text dump with the site's own lines, an HTML page with og:site_name,
    a JSON line with publisher and agency fields."""

    DUMP = "\n".join([
        "Skip to main content",
        "The Harbour Courier - Back to home",
        "News",
        "Sport",
        "",
        "Bridge vote ends a decade of argument",
        "",
        "WELLINGTON, March 3 (AFP) -- The city council voted on Tuesday to rebuild the old "
        "harbour bridge over the quellstone estuary, ending a debate that has divided residents "
        "for more than a decade.",
        "",
        "Engineers told the council that the bridge, which opened in 1931, can no longer carry "
        "buses, and that repairs would cost almost as much as a new span.",
        "",
        "Support The Harbour Courier",
        "© 2024 Harbour News & Media Limited. All rights reserved.",
    ])
    PAGE = ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            "<title>Ferry service cut | Coast Gazette</title>"
            "<meta property='og:title' content='Ferry service cut'>"
            "<meta property='og:site_name' content='Coast Gazette'>"
            "<meta property='article:published_time' content='2024-03-05T08:00:00Z'></head><body>"
            "<article><h1>Ferry service cut</h1>"
            "<p>OSLO, March 5 (Reuters) - The ferry service across the quellstone estuary will "
            "be cut to two boats a day from April, the operator said on Tuesday, after losing "
            "two boats to breakdowns this year.</p>"
            "<p>Residents said the cut would leave the island without a morning crossing for "
            "the first time since the service began in 1952.</p></article></body></html>")

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="lede-src-pages-")
        d = os.path.join(cls.tmp, "in")
        os.mkdir(d)
        with open(os.path.join(d, "bridge.txt"), "w", encoding="utf-8") as f:
            f.write(cls.DUMP)
        with open(os.path.join(d, "ferry.html"), "w", encoding="utf-8") as f:
            f.write(cls.PAGE)
        with open(os.path.join(d, "feed.jsonl"), "w", encoding="utf-8") as f:
            f.write(json.dumps({"title": "Quellstone harvest", "date": "2024-03-06",
                                "publisher": "Valley News", "agency": "dpa",
                                "text": "The quellstone harvest was the largest in years, "
                                        "farmers said on Wednesday."}) + "\n")
        cls.dir = d
        cls.db = os.path.join(cls.tmp, "db")
        r = run([ARGS.index, "--db", cls.db, d])
        if r.returncode != 0:
            raise AssertionError(r.stderr)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_extract_reads_both(self):
        r = run([ARGS.index, "--extract", self.dir])
        self.assertEqual(r.returncode, 0, r.stderr)
        got = {a["title"]: (a["publisher"], a["agency"])
               for a in map(json.loads, r.stdout.splitlines())}
        self.assertEqual(got["Bridge vote ends a decade of argument"],
                         ("The Harbour Courier", "AFP"))
        self.assertEqual(got["Ferry service cut"], ("Coast Gazette", "Reuters"))
        self.assertEqual(got["Quellstone harvest"], ("Valley News", "dpa"))

    def test_filters_and_facets(self):
        def ids(*args):
            r = run([ARGS.search, "--db", self.db, "--json", *args])
            if r.returncode == 1:
                return []
            self.assertEqual(r.returncode, 0, r.stderr)
            return sorted(h["title"] for h in json.loads(r.stdout)["results"])
        self.assertEqual(ids("--source", "harbour courier", "quellstone"),
                         ["Bridge vote ends a decade of argument"])
        self.assertEqual(ids("--source", "AFP", "quellstone"),
                         ["Bridge vote ends a decade of argument"])
        self.assertEqual(ids("--agency", "reuters", "quellstone"), ["Ferry service cut"])
        self.assertEqual(ids("--publisher", "reuters", "quellstone"), [])
        r = run([ARGS.search, "--db", self.db, "--json", "--facets", "quellstone"])
        f = json.loads(r.stdout)["facets"]
        self.assertEqual({v["value"] for v in f["publisher"]["values"]},
                         {"The Harbour Courier", "Coast Gazette", "Valley News"})
        self.assertEqual({v["value"] for v in f["agency"]["values"]}, {"AFP", "Reuters", "dpa"})


if __name__ == "__main__":
    main(__import__(__name__))
