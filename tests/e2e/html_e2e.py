#!/usr/bin/env python3
"""End-to-end tests for HTML pages: lede-index reads a folder of saved pages
(.html, .htm, gzip-compressed .html.gz), and every page is searchable with the
title, date, source and URL the page gives about itself; --extract and
--explain work on pages; broken pages give a result or a clear skip reason,
never a crash. The pages are written here, in a temporary directory."""
import gzip
import json
import os
import shutil
import subprocess
import tempfile
import unittest

from e2e_common import main

ARGS = None

STORY = [
    "The city council voted on Tuesday to rebuild the old harbour bridge, ending a debate "
    "that has divided residents for more than a decade.",
    "Engineers told the council that the bridge, which opened in 1931, can no longer carry "
    "buses, and that repairs would cost almost as much as a new span.",
    "Opponents of the plan said the money would be better spent on the ferry service, which "
    "has lost two boats to breakdowns this year.",
]


def page(title, site, date, url, story, charset="utf-8", extra=""):
    paras = "".join(f"<p>{p}</p>" for p in story)
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='{charset}'>"
            f"<title>{title} | {site}</title>"
            f"<meta property='og:title' content='{title}'>"
            f"<meta property='og:site_name' content='{site}'>"
            f"<meta property='article:published_time' content='{date}T08:00:00+01:00'>"
            f"<link rel='canonical' href='{url}'></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
            f"<article><h1>{title}</h1><p class='byline'>By A. Reporter</p>"
            f"<figure><img src='a.jpg'><figcaption>A photo caption about turnips</figcaption></figure>"
            f"<div class='story-body'>{paras}</div>{extra}</article>"
            f"<aside><h3>Most read</h3><ul><li><a href='/x'>Zebra crossing vote fails again</a>"
            f"</li></ul></aside><footer>Copyright {site}</footer></body></html>")


class HtmlPagesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="lede-html-e2e-")
        cls.pages = os.path.join(cls.tmp, "pages")
        os.makedirs(cls.pages)
        def w(name, data):
            with open(os.path.join(cls.pages, name), "wb") as f:
                f.write(data)

        w("bridge.html", page("Council votes to rebuild harbour bridge", "Harbour Times",
                              "2020-05-12", "https://harbour.example/city/bridge",
                              STORY).encode())
        ferry = [s.replace("bridge", "ferry").replace("council", "ferry board") for s in STORY]
        w("ferry.htm", page("Ferry board orders two new boats", "Coast Daily", "2021-07-01",
                            "https://coast.example/ferry-boats", ferry).encode())
        # A legacy charset named by <meta charset>.
        cafe = [s + " Café owners welcomed it." for s in STORY]
        w("cafe.html", page("Harbour café wins award", "Harbour Times", "2019-03-03",
                            "https://harbour.example/cafe", cafe,
                            charset="windows-1252").encode("cp1252"))
        # Compressed pages are read as well.
        tram = [s.replace("bridge", "tramway") for s in STORY]
        w("tram.html.gz", gzip.compress(page("Tramway plan approved", "Rail News", "2018-01-09",
                                             "https://rail.example/tram", tram).encode()))
        # Broken pages: unclosed markup still gives its text; binary and empty
        # files are skipped with a reason.
        w("broken.html", b"<html><body><div><p>Unclosed markup about a lighthouse keeper who "
                         b"retired after forty years of service on the northern cape <b><i>")
        w("binary.html", b"\x00\x01\x02\x03" * 64)
        w("empty.html", b"")
        cls.db = os.path.join(cls.tmp, "db")
        cls.index = subprocess.run([ARGS.index, "--db", cls.db, cls.pages], capture_output=True,
                                   text=True, timeout=300, env=cls.env())

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    @staticmethod
    def env():
        e = dict(os.environ)
        e.pop("LEDE_DB", None)
        e["NO_COLOR"] = "1"
        return e

    def search(self, *args):
        r = subprocess.run([ARGS.search, "--db", self.db, "--format", "json", *args],
                           capture_output=True, text=True, timeout=60, env=self.env())
        self.assertIn(r.returncode, (0, 1), r.stderr)
        return json.loads(r.stdout)["results"]

    def test_indexing_never_crashes_and_names_skipped_pages(self):
        self.assertIn(self.index.returncode, (0, 1), self.index.stderr + self.index.stdout)
        out = self.index.stdout + self.index.stderr
        self.assertIn("binary.html", out)
        self.assertIn("empty.html", out)

    def test_pages_are_searchable_with_their_metadata(self):
        hits = self.search("harbour bridge")
        self.assertTrue(hits)
        top = hits[0]
        self.assertEqual(top["title"], "Council votes to rebuild harbour bridge")
        self.assertEqual(top["date"], "2020-05-12")
        self.assertEqual(top["source"], "Harbour Times")
        if "url" in top:  # shown where the printer carries it
            self.assertEqual(top["url"], "https://harbour.example/city/bridge")

    def test_htm_gzip_and_legacy_charset_pages(self):
        self.assertEqual(self.search("ferry boats")[0]["title"], "Ferry board orders two new boats")
        self.assertEqual(self.search("tramway")[0]["date"], "2018-01-09")
        hits = self.search("café")
        self.assertTrue(hits)
        self.assertEqual(hits[0]["title"], "Harbour café wins award")

    def test_furniture_is_not_indexed(self):
        # Navigation, captions and asides are not the story.
        self.assertEqual(self.search("turnips"), [])
        self.assertEqual(self.search("zebra"), [])

    def test_broken_markup_still_gives_its_text(self):
        self.assertTrue(self.search("lighthouse keeper"))

    def test_extract_prints_url_title_and_body(self):
        r = subprocess.run([ARGS.index, "--extract", os.path.join(self.pages, "bridge.html")],
                           capture_output=True, text=True, timeout=60, env=self.env())
        self.assertEqual(r.returncode, 0, r.stderr)
        j = json.loads(r.stdout.splitlines()[0])
        self.assertEqual(j["url"], "https://harbour.example/city/bridge")
        self.assertEqual(j["title"], "Council votes to rebuild harbour bridge")
        self.assertEqual(j["date"], "2020-05-12")
        self.assertIn("no longer carry buses", j["body"])
        self.assertNotIn("Sport", j["body"])

    def test_explain_gives_a_reason_per_block(self):
        r = subprocess.run([ARGS.index, "--explain", os.path.join(self.pages, "bridge.html")],
                           capture_output=True, text=True, timeout=60, env=self.env())
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stdout.splitlines()
        nav = [l for l in lines if l.rstrip().endswith("] Home News Sport")]
        self.assertTrue(nav, r.stdout)
        self.assertIn("DROP [navigation", nav[0])
        self.assertTrue(any("KEEP" in l and "no longer carry buses" in l for l in lines))
        self.assertTrue(any("DROP [figure caption]" in l for l in lines))
        self.assertIn("url:      https://harbour.example/city/bridge", lines)


if __name__ == "__main__":
    main(__import__(__name__), corpus=False)
