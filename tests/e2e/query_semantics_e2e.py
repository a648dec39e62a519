#!/usr/bin/env python3
"""End-to-end tests of what a query means and of the same answer for the
same articles: several words put the articles with all of them first (and
are what is counted), --any, -word exclusions on the command line, words
that match nothing, -n 0 and an offset past the end, wildcards and their
limit, French elisions, --explain adding up, and identical results whether
the articles were indexed in one run, with --rebuild, in two runs or into
shards."""
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))
import e2e_common  # noqa: E402

ARGS = None

# Words no article shares, so that nothing looks like a near-duplicate copy.
RNG = random.Random(20261206)
SYLLABLES = ["ka", "lo", "mi", "ne", "pu", "ra", "si", "to", "vu", "ze", "bo", "da", "fi", "gu"]


def filler(n):
    return " ".join("".join(RNG.choice(SYLLABLES) for _ in range(4)) for _ in range(n))


FRENCH = ("Le président à l'Élysée\n\n"
          "Le président de la République a reçu hier à l'Élysée les représentants des "
          "syndicats. Valéry Giscard d'Estaing avait déjà dit qu'il fallait écouter les "
          "travailleurs et les entreprises de la région parisienne. Les discussions ont "
          "duré toute la journée et reprendront la semaine prochaine avec le gouvernement. "
          "Le ministre a indiqué que les négociations seraient difficiles mais nécessaires "
          "pour l'avenir du pays et de ses habitants.\n")


def articles():
    """id -> text. Sixty articles of exactly the same shape mention the
    harbor once (equal BM25 weights: ties only the article id can order);
    others have both or one of two rarer words."""
    docs = {}
    for i in range(60):
        docs["tie/%02d.txt" % i] = "Report %s\n\nThe harbor %s.\n" % (filler(2), filler(30))
    for i in range(6):
        docs["both/%d.txt" % i] = ("Talks %s\n\nThe blinken and lavrov meeting %s lavrov.\n"
                                  % (filler(2), filler(20 + i)))
    for i in range(12):
        docs["one/%02d.txt" % i] = ("News %s\n\nOnly blinken blinken spoke %s.\n"
                                   % (filler(2), filler(15 + i)))
    for i in range(4):
        docs["geneva/%d.txt" % i] = ("Syria %s\n\nSyria talks in geneva %s.\n"
                                    % (filler(2), filler(25 + i)))
    for i in range(5):
        docs["syria/%d.txt" % i] = "Syria %s\n\nSyria talks %s.\n" % (filler(2), filler(25 + i))
    for i in range(3):
        docs["nego/%d.txt" % i] = ("Deal %s\n\nThe %s went on %s.\n"
                                  % (filler(2), ["negotiations", "negotiators", "negotiate"][i],
                                     filler(20)))
    # A wildcard past the limit: 600 different words starting with "zq".
    docs["many/words.txt"] = "Words\n\n" + " ".join("zq%s%d" % (filler(1), i)
                                                   for i in range(600)) + "\n"
    docs["fr/elysee.txt"] = FRENCH
    # The same wire story filed three times the same day, and a later one:
    # in a date order the copies tie on date and score, and only the
    # article id can pick the one shown and order the copies.
    wire = ("Ceasefire talks resume\n\nGENEVA, Dec. 3 (Xinhua) -- The ceasefire talks resumed "
            "on Tuesday in Geneva, where envoys met for a third day. %s.\n" % filler(30))
    for name in ("wire/c.txt", "wire/a.txt", "wire/b.txt"):
        docs[name] = wire
    docs["wire/later.txt"] = wire.replace("Dec. 3", "Dec. 9").replace("third", "ninth")
    return docs


def write(root, docs, only=None):
    for rel, text in docs.items():
        if only is not None and rel not in only:
            continue
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)



def in_archive(article_id):
    """An id without its archive's name ("articles/syria/0.txt" -> "syria/0.txt"):
    the databases compared here index the same files from differently named
    folders."""
    return article_id.split("/", 1)[1]

class QuerySemanticsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="lede-semantics-e2e-")
        cls.docs = articles()
        cls.root = os.path.join(cls.tmp, "articles")
        write(cls.root, cls.docs)
        cls.db = os.path.join(cls.tmp, "one.db")
        cls.index(cls.db, [cls.root])

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    @classmethod
    def index(cls, db, paths, *extra):
        r = subprocess.run([ARGS.index, "--db", db, "-q", *extra, *paths], capture_output=True,
                           text=True, timeout=300)
        if r.returncode != 0:
            raise AssertionError("lede-index failed: " + r.stderr + r.stdout)

    def search(self, *args, db=None):
        return subprocess.run([ARGS.search, "--db", db or self.db, *args], capture_output=True,
                              text=True, timeout=120)

    def json(self, *args, db=None):
        r = self.search("--format", "json", *args, db=db)
        self.assertIn(r.returncode, (0, 1), r.stderr)
        return json.loads(r.stdout), r

    def ids(self, *args, db=None):
        return [in_archive(h["id"]) for h in self.json(*args, db=db)[0]["results"]]

    # --- several words: all of them first

    def test_articles_with_every_word_come_first_and_are_counted(self):
        ids = self.ids("-n", "50", "blinken lavrov")
        self.assertEqual(len(ids), 18)
        self.assertTrue(all(i.startswith("both/") for i in ids[:6]), ids)
        self.assertTrue(all(i.startswith("one/") for i in ids[6:]), ids)
        r = self.search("--count", "blinken lavrov")
        self.assertEqual((r.returncode, r.stdout.strip()), (0, "6"))
        j, _ = self.json("--facets", "blinken lavrov")
        self.assertEqual(j["total"]["estimate"], 6)
        self.assertEqual(j["facets"]["articles"], 6)

    def test_ranks_continue_across_the_partial_matches(self):
        page = self.json("-n", "4", "--offset", "4", "blinken lavrov")[0]["results"]
        self.assertEqual([h["rank"] for h in page], [5, 6, 7, 8])
        whole = self.ids("-n", "50", "blinken lavrov")
        self.assertEqual([in_archive(h["id"]) for h in page], whole[4:8])
        self.assertEqual(self.ids("-n", "3", "--offset", "8", "blinken lavrov"), whole[8:11])

    def test_any_is_plain_or(self):
        r = self.search("--any", "--count", "blinken lavrov")
        self.assertEqual(r.stdout.strip(), "18")
        ids = self.ids("--any", "-n", "50", "blinken lavrov")
        self.assertEqual(sorted(ids), sorted(self.ids("-n", "50", "blinken lavrov")))

    def test_no_article_with_every_word_shows_partial_matches_and_names_the_word(self):
        r = self.search("blinken zzqqxx")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("no article has all the words", r.stderr)
        self.assertIn("no article contains: zzqqxx", r.stderr)
        self.assertIn("blinken", r.stdout.lower())
        self.assertIn("no story has every word; 18 have some", r.stdout)
        r = self.search("--count", "blinken zzqqxx")
        self.assertEqual((r.returncode, r.stdout.strip()), (0, "0"))
        self.assertIn("zzqqxx", r.stderr)
        j, _ = self.json("blinken zzqqxx")
        self.assertEqual(j["total"]["partial"], 18)
        self.assertIn("zzqqxx", j["note"])

    # --- command line

    def test_dash_word_after_the_query_excludes_it(self):
        r = self.search("--format", "tsv", "syria", "-geneva", "-n", "20")
        self.assertEqual(r.returncode, 0, r.stderr)
        ids = [in_archive(line.split("\t")[2]) for line in r.stdout.splitlines()[1:]]
        self.assertEqual(sorted(ids), sorted("syria/%d.txt" % i for i in range(5)))
        r2 = self.search("--format", "tsv", "-n", "20", "syria", "-geneva")
        self.assertEqual(r2.stdout, r.stdout)
        self.assertEqual(self.search("--count", "syria", "-geneva").stdout.strip(), "5")
        # An option's value that starts with a dash is still the option's.
        r = self.search("--format", "json", "syria", "--source", "-x")
        self.assertIn(r.returncode, (0, 1), r.stderr)

    def test_nothing_shown_says_how_many_matched(self):
        for args in (("-n", "0"), ("--offset", "500")):
            r = self.search(*args, "syria")
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn("9 matching stories for: syria; none shown", r.stdout)
            self.assertNotIn("no results", r.stdout)

    def test_wildcards_expand_over_word_forms_with_a_limit(self):
        self.assertEqual(sorted(self.ids("negotiat*")), ["nego/0.txt", "nego/1.txt", "nego/2.txt"])
        r = self.search("zq*")
        self.assertEqual(r.returncode, 2)
        self.assertIn("wildcard", r.stderr)
        self.assertEqual(r.stderr.count("\n"), 1, r.stderr)

    def test_french_elisions_are_split(self):
        self.assertEqual(self.ids("Élysée"), ["fr/elysee.txt"])
        self.assertEqual(self.ids("Estaing"), ["fr/elysee.txt"])
        self.assertEqual(self.ids("l'Élysée"), ["fr/elysee.txt"])

    def test_explain_parts_add_up_to_the_score(self):
        for q in ("blinken lavrov", "syria talks geneva meeting report"):
            j, _ = self.json("--explain", "-n", "5", q)
            for h in j["results"]:
                parts = h["explain"]
                self.assertTrue(parts, h)
                self.assertAlmostEqual(sum(p["weight"] for p in parts), h["score"], places=6)

    # --- same articles, same answer

    def test_same_results_however_the_database_was_built(self):
        rebuilt = os.path.join(self.tmp, "rebuilt.db")
        self.index(rebuilt, [self.root], "--rebuild", "--threads", "2")
        shards = os.path.join(self.tmp, "shards.db")
        self.index(shards, [self.root], "--shards", "2")
        # Two runs, the second half of the files first: other docids.
        staged = os.path.join(self.tmp, "staged")
        names = sorted(self.docs)
        write(staged, self.docs, only=set(names[len(names) // 2:]))
        two_runs = os.path.join(self.tmp, "two-runs.db")
        self.index(two_runs, [staged])
        write(staged, self.docs)
        self.index(two_runs, [staged])
        queries = ["harbor", "blinken lavrov", "syria talks", "harbor report syria talks blinken",
                   "syria -geneva", "negotiat*", "ceasefire talks"]
        for q in queries:
            for extra in ((), ("--offset", "7"), ("--all-copies",), ("--sort", "newest"),
                          ("--sort", "oldest")):
                want = self.comparable(self.db, q, extra)
                for name, db in (("rebuild", rebuilt), ("shards", shards), ("two runs", two_runs)):
                    if name == "shards" and "*" in q:
                        # Xapian weighs a wildcard's words as one synonym
                        # whose frequency it estimates shard by shard.
                        continue
                    self.assertEqual(self.comparable(db, q, extra), want, (q, extra, name))
        # The tied articles come in id order.
        ties = self.ids("-n", "60", "harbor")
        self.assertEqual(ties, sorted(ties))
        self.assertEqual(len(ties), 60)

    def comparable(self, db, q, extra):
        j, _ = self.json("-n", "30", *extra, q, db=db)
        return [(h["rank"], round(h["score"], 9), in_archive(h["id"]),
                 [in_archive(c["id"]) for c in h.get("copies", {}).get("articles", [])])
                for h in j["results"]]


if __name__ == "__main__":
    e2e_common.main(sys.modules[__name__], corpus=False)
