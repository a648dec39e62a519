"""What lede's end-to-end test scripts share: the command line naming the
binaries under test, and a database indexed into a temporary directory."""
import argparse
import os
import subprocess
import sys
import tempfile
import unittest


def main(module, corpus=True, add_arguments=None):
    """Parses --index and --search (and --corpus unless corpus is False) plus
    what add_arguments adds, stores them as module.ARGS and runs the module's
    tests; unknown arguments go to unittest."""
    p = argparse.ArgumentParser()
    p.add_argument("--index", required=True)
    p.add_argument("--search", required=True)
    if corpus:
        p.add_argument("--corpus", required=True)
    if add_arguments:
        add_arguments(p)
    module.ARGS, rest = p.parse_known_args()
    unittest.main(module=module, argv=[sys.argv[0]] + rest, verbosity=2)


def index_into_temp(index_bin, paths, prefix, extra=()):
    """Indexes paths with lede-index into DIR/db in a new temporary DIR and
    returns (DIR, db path, lede-index's stdout). Raises when indexing fails."""
    tmp = tempfile.mkdtemp(prefix=prefix)
    db = os.path.join(tmp, "db")
    env = dict(os.environ)
    env.pop("LEDE_DB", None)
    r = subprocess.run([index_bin, "--db", db, *extra, *paths], capture_output=True, text=True,
                       env=env, timeout=300)
    if r.returncode != 0:
        raise AssertionError("lede-index failed: " + r.stderr + r.stdout)
    return tmp, db, r.stdout
