#!/usr/bin/env python3
"""End-to-end: what a user installs. `cmake --install` into a temporary prefix
gives both binaries, three man pages, completions for three shells and the
docs, and the installed lede-search answers --version and a query; the .deb
CPack builds holds the same files under /usr and depends on the libraries the
binaries link; the completions know every option --help lists. Offline."""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

ARGS = None

# Every file an install puts under its prefix, docs/*.md aside (checked apart).
EXPECTED = {
    "bin/lede-index", "bin/lede-search",
    "share/man/man1/lede-index.1", "share/man/man1/lede-search.1", "share/man/man7/lede.7",
    "share/bash-completion/completions/lede-index",
    "share/bash-completion/completions/lede-search",
    "share/zsh/vendor-completions/_lede-index", "share/zsh/vendor-completions/_lede-search",
    "share/fish/vendor_completions.d/lede-index.fish",
    "share/fish/vendor_completions.d/lede-search.fish",
    "share/doc/lede/README.md",
}


def run(cmd, **kw):
    env = dict(os.environ)
    for k in ("LEDE_DB", "DESTDIR"):
        env.pop(k, None)
    env["XDG_CONFIG_HOME"] = tempfile.gettempdir() + "/lede-no-config"
    env.update(kw.pop("env_extra", {}))
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300, **kw)


def doc_pages():
    return {"share/doc/lede/" + f for f in os.listdir(os.path.join(ARGS.source, "docs"))
            if f.endswith(".md")}


class InstallTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="lede-e2e-install-")
        cls.prefix = os.path.join(cls.tmp, "prefix")
        r = run(["cmake", "--install", ARGS.build, "--prefix", cls.prefix])
        assert r.returncode == 0, r.stdout + r.stderr

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def files(self):
        out = set()
        for root, _, names in os.walk(self.prefix):
            for n in names:
                out.add(os.path.relpath(os.path.join(root, n), self.prefix))
        return out

    def test_installs_binaries_man_pages_completions_and_docs(self):
        self.assertEqual(self.files(), EXPECTED | doc_pages())
        for page in ("man1/lede-index.1", "man1/lede-search.1", "man7/lede.7"):
            with open(os.path.join(self.prefix, "share/man", page)) as f:
                roff = f.read()
            self.assertIn(".TH", roff)  # roff, built from docs/man/*.scd
            self.assertIn(".SH NAME", roff.upper().replace('"', ""))

    def test_installed_binaries_run_from_the_prefix(self):
        search = os.path.join(self.prefix, "bin", "lede-search")
        index = os.path.join(self.prefix, "bin", "lede-index")
        r = run([search, "--version"])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stdout, r"^lede-search \d+\.\d+\.\d+\nXapian 1\.")
        db = os.path.join(self.tmp, "db")
        r = run([index, "--db", db, ARGS.corpus])
        self.assertEqual(r.returncode, 0, r.stderr)
        r = run([search, "--db", db, "--json", "Geneva communiqué"], cwd=self.tmp)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn('"results"', r.stdout)
        r = run([search, "--db", db, "-l", "geneva"], cwd=self.tmp)
        for p in r.stdout.splitlines():
            self.assertTrue(os.path.isfile(os.path.join(self.tmp, p)), p)

    def test_bash_completion_loads_and_completes(self):
        script = ("source %s; COMP_WORDS=(lede-search --for); COMP_CWORD=1; _lede_search; "
                  "echo ${COMPREPLY[@]}; COMP_WORDS=(lede-search --format j); COMP_CWORD=2; "
                  "_lede_search; echo ${COMPREPLY[@]}") % os.path.join(
                      self.prefix, "share/bash-completion/completions/lede-search")
        r = run(["bash", "-c", script])
        self.assertEqual(r.stdout.splitlines(), ["--format", "json jsonl"], r.stderr)


class ScriptsInstallTest(unittest.TestCase):
    def test_puts_lede_under_home_local_without_root(self):
        home = tempfile.mkdtemp(prefix="lede-e2e-home-")
        self.addCleanup(shutil.rmtree, home, True)
        # The test's own build (already built: nothing is compiled again).
        r = run([os.path.join(ARGS.source, "scripts", "install"), "--build-dir", ARGS.build],
                env_extra={"HOME": home, "PATH": "/usr/bin:/bin"})
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        local = os.path.join(home, ".local")
        self.assertIn('export PATH="%s/bin:$PATH"' % local, r.stdout)
        r = run([os.path.join(local, "bin", "lede-search"), "--version"])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(os.path.isfile(os.path.join(local, "share/man/man7/lede.7")))
        # With the prefix on PATH, the command is found by name and no hint is given.
        path = os.path.join(local, "bin") + ":/usr/bin:/bin"
        r = run([os.path.join(ARGS.source, "scripts", "install"), "--build-dir", ARGS.build],
                env_extra={"HOME": home, "PATH": path})
        self.assertNotIn("not on your PATH", r.stdout)
        r = run(["sh", "-c", "lede-index --version"], env_extra={"PATH": path})
        self.assertTrue(r.stdout.startswith("lede-index "), r.stdout + r.stderr)


class CompletionTest(unittest.TestCase):
    def test_completions_know_every_option_help_lists(self):
        for binary in (ARGS.index_bin, ARGS.search_bin):
            name = os.path.basename(binary)
            help_text = run([binary, "--help"]).stdout
            options = set(re.findall(r"(?<![\w-])--[a-z][a-z0-9-]*", help_text.split("Examples:")[0]))
            self.assertIn("--db", options)
            comp = os.path.join(ARGS.source, "completions")
            for path in ("lede.bash", "_" + name, name + ".fish"):
                with open(os.path.join(comp, path)) as f:
                    text = f.read()
                if path.endswith(".fish"):
                    known = {"--" + o for o in re.findall(r"-l ([a-z0-9-]+)", text)}
                else:
                    known = set(re.findall(r"--[a-z][a-z0-9-]*", text))
                self.assertEqual(options - known, set(), (name, path))


    @unittest.skipUnless(shutil.which("fish"), "fish is not installed")
    def test_fish_completes(self):
        comp = os.path.join(ARGS.source, "completions")
        r = run(["fish", "-c", "source %s/lede-search.fish; complete -C 'lede-search --format '"
                 % comp])
        self.assertEqual(sorted(l.split("\t")[0] for l in r.stdout.splitlines()),
                         ["json", "jsonl", "text", "tsv"], r.stderr)

    @unittest.skipUnless(shutil.which("zsh"), "zsh is not installed")
    def test_zsh_completions_parse_and_register(self):
        comp = os.path.join(ARGS.source, "completions")
        r = run(["zsh", "-fc", "fpath=(%s $fpath); autoload -U compinit; compinit -u -d %s; "
                 "print ${_comps[lede-search]} ${_comps[lede-index]}"
                 % (comp, os.path.join(tempfile.mkdtemp(prefix="lede-zcomp-"), "zcompdump"))])
        self.assertEqual(r.stdout.strip(), "_lede-search _lede-index", r.stderr)


class PackageTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="lede-e2e-deb-")
        r = run(["cpack", "-G", "DEB", "--config", os.path.join(ARGS.build, "CPackConfig.cmake"),
                 "-B", cls.tmp])
        assert r.returncode == 0, r.stdout + r.stderr
        debs = [f for f in os.listdir(cls.tmp) if f.endswith(".deb")]
        assert len(debs) == 1, debs
        cls.deb = os.path.join(cls.tmp, debs[0])

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_file_list(self):
        self.assertRegex(os.path.basename(self.deb), r"^lede_\d+\.\d+\.\d+_[a-z0-9]+\.deb$")
        r = run(["dpkg-deb", "-c", self.deb])
        self.assertEqual(r.returncode, 0, r.stderr)
        files = set()
        for line in r.stdout.splitlines():
            path = line.split()[-1]
            if not path.endswith("/"):
                files.add(path[len("./usr/"):] if path.startswith("./usr/") else path)
        self.assertEqual(files, EXPECTED | doc_pages())

    def test_control_fields(self):
        fields = {}
        for key in ("Package", "Version", "Depends", "Architecture"):
            fields[key] = run(["dpkg-deb", "-f", self.deb, key]).stdout.strip()
        self.assertEqual(fields["Package"], "lede")
        self.assertRegex(fields["Version"], r"^\d+\.\d+\.\d+$")
        for lib in ("libxapian30", "libutf8proc", "libuchardet", "libc6", "libstdc++6"):
            self.assertIn(lib, fields["Depends"])
        # Stripped: a packaged binary carries no debug sections.
        x = os.path.join(self.tmp, "x")
        subprocess.run(["dpkg-deb", "-x", self.deb, x], check=True)
        r = run(["readelf", "-S", os.path.join(x, "usr/bin/lede-search")])
        self.assertNotIn(".debug_info", r.stdout)


def main():
    global ARGS
    p = argparse.ArgumentParser()
    p.add_argument("--build", required=True)
    p.add_argument("--source", required=True)
    p.add_argument("--corpus", required=True)
    p.add_argument("--index-bin", required=True)
    p.add_argument("--search-bin", required=True)
    ARGS, rest = p.parse_known_args()
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)


if __name__ == "__main__":
    main()
