#!/usr/bin/env python3
"""End-to-end test of scripts/eval-ranking (issue 7) on a tiny made-up
collection: run file shape and order, scoring when the scorer exists,
pass-through of lede-search arguments, and clear errors."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

ARGS = None
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__))))
SCRIPT = os.path.join(REPO, "scripts", "eval-ranking")

DOCS = {
    "1": "wing in a propeller slipstream .\nan experimental study of a wing in a propeller "
         "slipstream was made to measure the lift increase due to the slipstream .\n",
    "2": "heat conduction in composite slabs .\nthe heat conduction equations are solved "
         "for slabs made of two layers .\n",
    "3": "boundary layer on a flat plate .\nthe boundary layer in shear flow past a flat "
         "plate is computed ; a wing is mentioned once .\n",
}
# Unrelated documents, so that word statistics look like a collection's.
for _i, _topic in enumerate(["rocket fuel pumps", "radar antennas", "turbine blade cooling",
                             "landing gear loads", "cabin noise", "ice on rotors",
                             "jet engine intake", "satellite orbits"], start=4):
    DOCS[str(_i)] = "%s .\na report on %s and their testing .\n" % (_topic, _topic)
QUERIES = "q1\tlift of a wing in a slipstream\nq2\theat conduction in slabs\n"
QRELS = "q1\t1\t4\nq2\t2\t3\n"


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


class EvalRankingTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="lede-eval-e2e-")
        cls.coll = os.path.join(cls.tmp, "coll")
        os.makedirs(os.path.join(cls.coll, "docs"))
        for doc_id, text in DOCS.items():
            with open(os.path.join(cls.coll, "docs", doc_id + ".txt"), "w") as f:
                f.write(text)
        with open(os.path.join(cls.coll, "queries.tsv"), "w") as f:
            f.write(QUERIES)
        with open(os.path.join(cls.coll, "qrels.tsv"), "w") as f:
            f.write(QRELS)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def eval(self, *extra, scorer=None):
        cmd = [SCRIPT, self.coll, "--lede-bin", ARGS.build,
               "--scorer", scorer or os.path.join(self.tmp, "no-scorer.py")]
        return run(cmd + list(extra))

    def test_writes_ranked_run_file_without_scorer(self):
        out = os.path.join(self.tmp, "run.jsonl")
        r = self.eval("--run-out", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("not scored", r.stdout)
        lines = [json.loads(l) for l in open(out)]
        self.assertEqual([l["qid"] for l in lines], ["q1", "q2"])
        self.assertEqual(lines[0]["ids"][0], "1")
        self.assertIn("3", lines[0]["ids"])
        self.assertEqual(lines[1]["ids"], ["2"])

    def test_both_extraction_modes_index_every_document(self):
        for mode in ("plain", "default"):
            out = os.path.join(self.tmp, mode + ".jsonl")
            r = self.eval("--extraction", mode, "--run-out", out)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn("11 files seen, 11 added", r.stdout)
            self.assertEqual(json.loads(open(out).readline())["ids"][0], "1", mode)

    def test_scores_with_the_scorer_when_present(self):
        scorer = os.path.join(os.path.dirname(REPO), "shared", "eval", "score-ranking.py")
        if not os.path.exists(scorer):
            self.skipTest("no shared scorer next to the repository")
        r = self.eval(scorer=scorer)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("ndcg@10", r.stdout)
        self.assertIn("queries scored: 2", r.stdout)

    def test_passes_unknown_arguments_to_lede_search(self):
        r = self.eval("--ranking", "prf=0,title=0")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("--ranking prf=0,title=0", r.stdout)
        r = self.eval("--ranking", "zeta=1")
        self.assertEqual(r.returncode, 1)
        self.assertIn("unknown ranking option", r.stderr)
        self.assertEqual(len(r.stderr.strip().splitlines()), 1, r.stderr)

    def test_table_over_a_directory_of_collections(self):
        r = run([SCRIPT, self.tmp, "--lede-bin", ARGS.build, "--variant", "noprf=--ranking prf=0"])
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stdout.splitlines()
        header = next(l for l in lines if l.startswith("collection"))
        for system in ("fts5", "previous", "lede", "noprf"):
            self.assertIn(system + " nDCG@10/MRR/P@10", header)
        rows = {tuple(l.split()[:2]): l for l in lines if l.startswith(("coll ", "pooled "))}
        self.assertEqual(set(rows), {("coll", g) for g in ("all", "short", "long")} |
                         {("pooled", g) for g in ("all", "short", "long")})
        # Both queries have 3 content words ("lift of a wing in a slipstream").
        self.assertRegex(rows[("coll", "short")], r"^coll\s+short\s+2 \|")
        self.assertRegex(rows[("coll", "long")], r"^coll\s+long\s+0$")
        self.assertRegex(rows[("coll", "all")], r"^coll\s+all\s+2 \|")
        # Both queries find their one relevant document first: MRR 1 everywhere.
        self.assertRegex(rows[("coll", "all")], r"\| 1\.000 1\.000 0\.100 ")

    def test_bad_collection_is_a_one_line_error(self):
        r = run([SCRIPT, os.path.join(self.tmp, "nope"), "--lede-bin", ARGS.build])
        self.assertEqual(r.returncode, 2)
        self.assertTrue(r.stderr.startswith("eval-ranking: error: "), r.stderr)
        self.assertEqual(len(r.stderr.strip().splitlines()), 1, r.stderr)
        r = run([SCRIPT, self.coll, "--lede-bin", os.path.join(self.tmp, "nobuild")])
        self.assertEqual(r.returncode, 2)
        self.assertIn("--lede-bin", r.stderr)


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--build", required=True, help="build directory (indexer/, searcher/)")
    ARGS, rest = p.parse_known_args()
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)
