#!/usr/bin/env python3
"""End-to-end: lede-index on a folder mixing every input format (.txt, .html,
.warc.gz, .jsonl) plus files it does not read; every article searchable with
its title, date, source and URL; per-article incremental updates inside WARC
and JSONL files; --extract and --explain FILE#N on every format; broken
input (truncated and corrupt WARC, bad JSON lines) reported and skipped with
the right exit codes. Fixtures are made here."""
import gzip
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_common  # noqa: E402

ARGS = None


def run(cmd, **kw):
    env = dict(os.environ)
    env.pop("LEDE_DB", None)
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300, **kw)


def gz(data):
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as g:
        g.write(data)
    return buf.getvalue()


SERIAL = [0]


def warc_record(wtype, uri, date, content_type, block):
    SERIAL[0] += 1
    head = "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%032x>\r\n" % (wtype, SERIAL[0])
    if uri:
        head += "WARC-Target-URI: %s\r\n" % uri
    if date:
        head += "WARC-Date: %s\r\n" % date
    head += "Content-Type: %s\r\nContent-Length: %d\r\n\r\n" % (content_type, len(block))
    return head.encode() + block + b"\r\n\r\n"


def response(uri, date, html, status=200, ctype="text/html; charset=utf-8"):
    body = html.encode("utf-8")
    http = ("HTTP/1.1 %d X\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
            % (status, ctype, len(body))).encode() + body
    return warc_record("response", uri, date, "application/http; msgtype=response", http)


def page(title, site, date, words, url=None):
    """A news page: metadata in <head>, navigation and footer around the story."""
    paras = "".join("<p>%s</p>" % p for p in (
        "The %s story begins with a long first paragraph about %s and the people who "
        "followed it closely over many weeks of talks in the capital." % (words, words),
        "A second paragraph gives officials' statements on %s, with figures from the "
        "ministry and reactions from the opposition parties." % words,
        "In the third paragraph observers say the %s matter will return next month when "
        "the council meets again to decide." % words))
    head = '<meta property="og:title" content="%s"><meta property="og:site_name" content="%s">' \
           '<meta property="article:published_time" content="%sT09:00:00Z">' % (title, site, date)
    if url:
        head += '<link rel="canonical" href="%s">' % url
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s | %s</title>%s"
            "</head><body><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a>"
            "</li><li><a href=\"/sport\">Sport</a></li></ul></nav><main><article><h1>%s</h1>%s"
            "</article></main><footer><p>Copyright %s. All rights reserved.</p></footer>"
            "</body></html>" % (title, site, head, title, paras, site))


def jline(**fields):
    return json.dumps(fields) + "\n"


TEXT_BODY = ("The {w} report was published after months of work by the committee.\n\n"
             "Members of the committee said the {w} findings would shape policy for years, "
             "and that the next steps would be announced soon.\n\n"
             "Critics said the {w} process had been slow but welcomed the outcome.\n")


class FormatsTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="lede-formats-")
        self.dir = os.path.join(self.tmp, "in")
        self.db = os.path.join(self.tmp, "db")
        os.makedirs(self.dir)
        self.write("plain.txt", "Text dump about zanzibarite\n\nMarch 3, 2021\n\n" +
                   TEXT_BODY.format(w="zanzibarite"))
        self.write("page.html", page("Harbour plan for quellstone", "Coastal Times", "2022-05-06",
                                     "quellstone", "https://coastal.example/quellstone"))
        records = [
            warc_record("warcinfo", "", "2024-01-01T00:00:00Z", "application/warc-fields",
                        b"software: test\r\n"),
            warc_record("request", "https://w.example/a", "2024-01-01T00:00:01Z",
                        "application/http; msgtype=request", b"GET /a HTTP/1.1\r\n\r\n"),
            response("https://w.example/a", "2024-01-01T00:00:01Z",
                     page("Bridge vote on morvantine", "Wire Daily", "2023-02-03", "morvantine")),
            response("https://w.example/logo.png", "2024-01-01T00:00:02Z", "\x89PNG",
                     ctype="image/png"),
            response("https://w.example/b", "2024-01-01T00:00:03Z",
                     page("Rail strike over plombishade", "Wire Daily", "2023-04-05",
                          "plombishade")),
        ]
        self.write_bytes("crawl.warc.gz", b"".join(gz(r) for r in records))
        self.write("feed.jsonl",
                   jline(title="Grain prices and tessaline", date="2020-07-08", source="Farm Post",
                         url="https://farm.example/tessaline",
                         text=TEXT_BODY.format(w="tessaline")) +
                   jline(headline="Dam repairs near vorlakite", publishedAt="2020-09-10T11:00:00Z",
                         publisher={"name": "Valley News"}, link="https://valley.example/vorlakite",
                         body=TEXT_BODY.format(w="vorlakite")) +
                   '{"title": "broken line", "text": \n' +
                   jline(title="Museum opens for ostrabine", date="2019-01-02",
                         source="City Wire", url="https://city.example/ostrabine",
                         html=page("ignored title", "x", "2001-01-01", "ostrabine")))
        self.write_bytes("manual.pdf", b"%PDF-1.4")
        self.write_bytes("scan.pdf", b"%PDF-1.4")
        self.write_bytes("slides.docx", b"PK\x03\x04")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def write(self, name, text):
        self.write_bytes(name, text.encode("utf-8"))

    def write_bytes(self, name, data):
        with open(os.path.join(self.dir, name), "wb") as f:
            f.write(data)

    def index(self, *extra, paths=None):
        return run([ARGS.index, "--db", self.db, *extra, *(paths or [self.dir])])

    def search(self, *words):
        # Every article, near-identical copies included: the fixtures share their page text.
        r = run([ARGS.search, "--db", self.db, "--format", "json", "--all-copies", *words])
        self.assertIn(r.returncode, (0, 1), r.stderr)
        return json.loads(r.stdout)["results"]

    def one(self, word):
        hits = self.search(word)
        self.assertEqual(len(hits), 1, "%s: %s" % (word, [h["id"] for h in hits]))
        return hits[0]

    def test_every_format_searchable_with_metadata(self):
        r = self.index()
        self.assertEqual(r.returncode, 0, r.stderr + r.stdout)
        self.assertIn("ignored: 2 .pdf, 1 .docx", r.stdout)
        self.assertRegex(r.stderr, r"feed\.jsonl.*line 3.*not valid JSON")
        expect = {
            "zanzibarite": ("Text dump about zanzibarite", "2021-03-03", None, None),
            "quellstone": ("Harbour plan for quellstone", "2022-05-06", "Coastal Times",
                           "https://coastal.example/quellstone"),
            "morvantine": ("Bridge vote on morvantine", "2023-02-03", "Wire Daily",
                           "https://w.example/a"),
            "plombishade": ("Rail strike over plombishade", "2023-04-05", "Wire Daily",
                            "https://w.example/b"),
            "tessaline": ("Grain prices and tessaline", "2020-07-08", "Farm Post",
                          "https://farm.example/tessaline"),
            "vorlakite": ("Dam repairs near vorlakite", "2020-09-10", "Valley News",
                          "https://valley.example/vorlakite"),
            "ostrabine": ("Museum opens for ostrabine", "2019-01-02", "City Wire",
                          "https://city.example/ostrabine"),
        }
        for word, (title, date, source, url) in expect.items():
            h = self.one(word)
            self.assertEqual(h["title"], title, word)
            self.assertEqual(h["date"], date, word)
            if source:
                self.assertEqual(h["source"], source, word)
            self.assertEqual(h.get("url"), url, word)
        # WARC ids: the file, then the record's URL.
        self.assertEqual(self.one("morvantine")["id"], "in/crawl.warc.gz#https://w.example/a")
        # The text printer shows the URL too.
        t = run([ARGS.search, "--db", self.db, "--color", "never", "morvantine"])
        self.assertIn("https://w.example/a", t.stdout)

    def test_incremental_updates_per_article(self):
        self.assertEqual(self.index().returncode, 0)
        # The WARC grows by one page; the JSONL loses a line and changes another.
        with open(os.path.join(self.dir, "crawl.warc.gz"), "ab") as f:
            f.write(gz(response("https://w.example/c", "2024-02-01T00:00:00Z",
                                page("Ferry news on dulcetrane", "Wire Daily", "2024-01-30",
                                     "dulcetrane"))))
        self.write("feed.jsonl",
                   jline(title="Grain prices and tessaline", date="2020-07-08", source="Farm Post",
                         url="https://farm.example/tessaline",
                         text=TEXT_BODY.format(w="tessaline") +
                         "\nIn a new paragraph the minister said that brindlewort exports would "
                         "double next year once the agreement is signed by both countries.\n") +
                   jline(title="Museum opens for ostrabine", date="2019-01-02",
                         source="City Wire", url="https://city.example/ostrabine",
                         html=page("ignored title", "x", "2001-01-01", "ostrabine")))
        r = self.index("--report", os.path.join(self.tmp, "report.jsonl"))
        self.assertEqual(r.returncode, 0, r.stderr + r.stdout)
        self.assertRegex(r.stdout, r"\b1 added, 1 updated, \d+ unchanged, 1 removed")
        self.assertEqual(self.one("dulcetrane")["url"], "https://w.example/c")
        self.assertEqual(self.one("brindlewort")["url"], "https://farm.example/tessaline")
        self.assertEqual(self.search("vorlakite"), [])
        self.one("morvantine")  # untouched records of a changed file stay
        with open(os.path.join(self.tmp, "report.jsonl")) as f:
            outcomes = [json.loads(line) for line in f]
        removed = [o for o in outcomes if o["outcome"] == "removed"]
        self.assertEqual([o["id"] for o in removed], ["in/feed.jsonl#https://valley.example/vorlakite"])
        # A third run changes nothing.
        r = self.index()
        self.assertRegex(r.stdout, r"\b0 added, 0 updated, \d+ unchanged, 0 removed")

    def test_extract_and_explain_on_every_format(self):
        r = run([ARGS.index, "--extract", self.dir])
        self.assertEqual(r.returncode, 2, r.stderr)  # the bad JSON line
        arts = [json.loads(line) for line in r.stdout.splitlines()]
        by_title = {a["title"]: a for a in arts}
        self.assertEqual(len(arts), 7, [a["title"] for a in arts])
        self.assertEqual(by_title["Rail strike over plombishade"]["url"], "https://w.example/b")
        self.assertEqual(by_title["Dam repairs near vorlakite"]["source"], "Valley News")
        self.assertIn("plombishade", by_title["Rail strike over plombishade"]["body"])
        self.assertNotIn("Copyright", by_title["Rail strike over plombishade"]["body"])
        crawl = os.path.join(self.dir, "crawl.warc.gz")
        feed = os.path.join(self.dir, "feed.jsonl")
        for target, title in ((crawl + "#2", "Rail strike over plombishade"),
                              (crawl + "#https://w.example/a", "Bridge vote on morvantine"),
                              (feed + "#4", "Museum opens for ostrabine"),
                              (os.path.join(self.dir, "page.html"), "Harbour plan for quellstone")):
            e = run([ARGS.index, "--explain", target])
            self.assertEqual(e.returncode, 0, target + e.stderr)
            self.assertIn(title, e.stdout, target)
            self.assertIn("KEEP", e.stdout, target)
        e = run([ARGS.index, "--explain", crawl + "#9"])
        self.assertEqual(e.returncode, 2)
        self.assertIn("no record", e.stderr)

    def test_broken_input_reported_and_skipped(self):
        good = [response("https://b.example/%d" % i, "2024-01-01T00:00:00Z",
                         page("Broken crawl page %d calderine" % i, "Site", "2023-01-0%d" % (i + 1),
                              "calderine%d" % i)) for i in range(4)]
        members = [gz(r) for r in good]
        wrecked = bytearray(members[1])
        for k in range(20, 60):
            wrecked[k] ^= 0x5A
        members[1] = bytes(wrecked)
        data = b"".join(members)
        broken = os.path.join(self.tmp, "broken")
        os.makedirs(broken)
        with open(os.path.join(broken, "corrupt.warc.gz"), "wb") as f:
            f.write(data)
        with open(os.path.join(broken, "cut.warc.gz"), "wb") as f:
            f.write(gz(good[0].replace(b"b.example/0", b"c.example/0")) +
                    gz(good[2].replace(b"b.example/2", b"c.example/2"))[:-40])
        r = self.index(paths=[broken])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("corrupt.warc.gz", r.stderr)
        self.assertIn("corrupt gzip data", r.stderr)
        self.assertIn("cut.warc.gz", r.stderr)
        self.assertIn("truncated", r.stderr)
        hits = self.search("calderine")  # title words
        urls = sorted(h["url"] for h in hits)
        self.assertEqual(urls, ["https://b.example/0", "https://b.example/2", "https://b.example/3",
                                "https://c.example/0"])
        # Nothing readable at all: exit 2.
        only_bad = os.path.join(self.tmp, "bad")
        os.makedirs(only_bad)
        with open(os.path.join(only_bad, "x.jsonl"), "w") as f:
            f.write("not json\n{\"title\": \"no text\"}\n")
        with open(os.path.join(only_bad, "y.warc.gz"), "wb") as f:
            f.write(b"\x1f\x8b\x08garbage")
        r = run([ARGS.index, "--db", os.path.join(self.tmp, "db2"), only_bad])
        self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
        self.assertIn("x.jsonl", r.stderr)
        self.assertIn("line 1", r.stderr)
        self.assertIn("line 2", r.stderr)

    def test_field_mapping(self):
        d = os.path.join(self.tmp, "custom")
        os.makedirs(d)
        with open(os.path.join(d, "export.ndjson"), "w") as f:
            f.write(json.dumps({"heading": "Custom keys for fenwickite", "story": TEXT_BODY.format(
                w="fenwickite"), "when": "2018-06-07", "outlet": "Custom Herald",
                "permalink": "https://custom.example/f"}) + "\n")
        r = run([ARGS.index, "--db", self.db, "--field", "title=heading", "--field", "text=story",
                 "--field", "date=when", "--field", "source=outlet", "--field", "url=permalink", d])
        self.assertEqual(r.returncode, 0, r.stderr + r.stdout)
        h = self.one("fenwickite")
        self.assertEqual((h["title"], h["date"], h["source"], h["url"]),
                         ("Custom keys for fenwickite", "2018-06-07", "Custom Herald",
                          "https://custom.example/f"))
        bad = run([ARGS.index, "--db", self.db, "--field", "author=by", d])
        self.assertEqual(bad.returncode, 2)
        self.assertIn("--field", bad.stderr)

    def test_include_still_decides(self):
        r = self.index("--include", "*.jsonl")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(".warc.gz", r.stdout.split("ignored:")[1])
        self.assertEqual(self.search("morvantine"), [])
        self.one("tessaline")


if __name__ == "__main__":
    e2e_common.main(sys.modules[__name__], corpus=False)
