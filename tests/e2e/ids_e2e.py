#!/usr/bin/env python3
"""Article ids never collide and stay stable: the same relative name under two
folders, two folders of the same name, a rerun, a rebuild, a moved archive,
a file given alone (docs/schema.md, "Ids")."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

import e2e_common

ARGS = None


def write(path, title, body):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(title + "\n\n" + body + "\n")


class IdsTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="lede-ids-")
        self.db = os.path.join(self.tmp, "db")
        self.env = dict(os.environ)
        self.env.pop("LEDE_DB", None)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def p(self, *parts):
        return os.path.join(self.tmp, *parts)

    def index(self, *paths, extra=()):
        r = subprocess.run([ARGS.index, "--db", self.db, *extra, *paths], capture_output=True,
                           text=True, env=self.env, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr + r.stdout)
        return r.stdout + r.stderr

    def ids(self, query):
        r = subprocess.run([ARGS.search, "--db", self.db, "--format", "json", "--all-copies",
                            "-n", "50", query], capture_output=True, text=True, env=self.env,
                           timeout=60)
        self.assertIn(r.returncode, (0, 1), r.stderr)
        return sorted(h["id"] for h in json.loads(r.stdout)["results"])

    def two_stories(self):
        write(self.p("b", "story.txt"), "Bananas arrive",
              "A ship full of bananas reached the northern harbour on a cold morning. "
              "Fruit prices at the market rose sharply.")
        write(self.p("a", "story.txt"), "Apples harvested",
              "Farmers in the valley harvested apples before the first frost came. "
              "Fruit prices at the market rose sharply.")

    def test_same_name_in_two_folders_keeps_both(self):
        self.two_stories()
        self.index(self.p("b"))
        out = self.index(self.p("a"))
        self.assertIn("1 added, 0 updated", out)
        self.assertEqual(self.ids("bananas"), ["b/story.txt"])
        self.assertEqual(self.ids("apples"), ["a/story.txt"])
        # Given together, in one run: both too.
        shutil.rmtree(self.db)
        self.assertIn("2 added", self.index(self.p("b"), self.p("a")))
        self.assertEqual(self.ids("bananas OR apples"), ["a/story.txt", "b/story.txt"])

    def test_folders_of_the_same_name_get_distinct_stable_names(self):
        write(self.p("x", "news", "s.txt"), "Volcano erupts",
              "The volcano erupted at dawn and ash covered the nearby villages.")
        write(self.p("y", "news", "s.txt"), "Election held",
              "Voters went to the polls in the capital under heavy rain on Sunday.")
        self.index(self.p("x", "news"))
        self.index(self.p("y", "news"))
        self.assertEqual(self.ids("volcano"), ["news/s.txt"])
        self.assertEqual(self.ids("election"), ["news~2/s.txt"])
        # Stable: a rerun in the other order changes nothing.
        out = self.index(self.p("y", "news"), self.p("x", "news"))
        self.assertIn("0 added, 0 updated, 2 unchanged, 0 removed", out)
        self.assertEqual(self.ids("election"), ["news~2/s.txt"])
        # A rebuild keeps the names the database gave out.
        self.index(self.p("y", "news"), self.p("x", "news"), extra=["--rebuild"])
        self.assertEqual(self.ids("volcano"), ["news/s.txt"])
        self.assertEqual(self.ids("election"), ["news~2/s.txt"])

    def test_moved_archive_keeps_its_ids(self):
        write(self.p("old", "corpus", "d", "s.txt"), "Bridge opens",
              "The new bridge over the river opened to traffic on Friday afternoon.")
        self.index(self.p("old", "corpus"))
        self.assertEqual(self.ids("bridge"), ["corpus/d/s.txt"])
        os.makedirs(self.p("new"))
        os.rename(self.p("old", "corpus"), self.p("new", "corpus"))
        out = self.index(self.p("new", "corpus"))
        self.assertIn("0 added, 1 updated", out)
        self.assertEqual(self.ids("bridge"), ["corpus/d/s.txt"])
        r = subprocess.run([ARGS.search, "--db", self.db, "--format", "json", "bridge"],
                           capture_output=True, text=True, env=self.env, timeout=60)
        path = json.loads(r.stdout)["results"][0]["path"]
        self.assertTrue(path.endswith(os.path.join("new", "corpus", "d", "s.txt")), path)
        self.assertIn("1 unchanged", self.index(self.p("new", "corpus")))

    def test_file_given_alone_has_the_id_of_its_folder(self):
        self.two_stories()
        self.index(self.p("a", "story.txt"))
        self.assertEqual(self.ids("apples"), ["a/story.txt"])
        out = self.index(self.p("a"))  # the folder after the file: the same article
        self.assertIn("0 added, 1 updated", out)
        self.assertEqual(self.ids("apples"), ["a/story.txt"])

    def test_ids_work_with_like_and_extract(self):
        self.two_stories()
        for k, text in enumerate(["The orchestra played a new symphony in the old hall.",
                                  "Engineers tested the rocket engine in the desert.",
                                  "The museum opened an exhibition of ancient coins."]):
            write(self.p("c", f"{k}.txt"), f"Other {k}", text)
        self.index(self.p("b"), self.p("a"), self.p("c"))
        r = subprocess.run([ARGS.search, "--db", self.db, "--format", "json", "--like",
                            "a/story.txt"], capture_output=True, text=True, env=self.env,
                           timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(json.loads(r.stdout)["results"][0]["id"], "b/story.txt")
        r = subprocess.run([ARGS.index, "--extract", self.p("b"), self.p("a")],
                           capture_output=True, text=True, env=self.env, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(sorted(json.loads(l)["id"] for l in r.stdout.splitlines()),
                         ["a/story.txt", "b/story.txt"])


if __name__ == "__main__":
    e2e_common.main(__import__(__name__), corpus=False)
