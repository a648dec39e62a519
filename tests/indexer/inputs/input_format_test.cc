#include "indexer/inputs/input_format.h"

#include <gtest/gtest.h>

#include "indexer/walker.h"

namespace lede {
namespace {

TEST(InputFormat, ByName) {
  struct Case {
    const char* name;
    std::optional<InputFormat> format;
  } cases[] = {
      {"a.txt", InputFormat::kText},          {"dir/page.html", InputFormat::kHtml},
      {"PAGE.HTM", InputFormat::kHtml},       {"p.html.gz", InputFormat::kHtml},
      {"crawl.warc.gz", InputFormat::kWarc},  {"crawl.WARC", InputFormat::kWarc},
      {"x.jsonl", InputFormat::kJsonl},       {"x.ndjson.gz", InputFormat::kJsonl},
      {"x.json", std::nullopt},               {"x.pdf", std::nullopt},
      {"x.gz", std::nullopt},                 {"html", std::nullopt},
      {".txt", std::nullopt},
  };
  for (const Case& c : cases) EXPECT_EQ(FormatOfName(c.name), c.format) << c.name;
  EXPECT_EQ(FormatOfInput("notes.md"), InputFormat::kText);
}

TEST(InputFormat, DefaultGlobsSelectEveryKnownName) {
  for (const char* name : {"a.txt", "b.html", "c.htm", "d.warc.gz", "e.jsonl", "f.ndjson",
                           "g.HTML", "h.jsonl.gz"}) {
    bool any = false;
    for (const std::string& g : DefaultIncludeGlobs()) any |= GlobMatch(g, name);
    EXPECT_TRUE(any) << name;
  }
  for (const char* name : {"a.pdf", "b.docx", "c.json", "d.warc.bz2"}) {
    bool any = false;
    for (const std::string& g : DefaultIncludeGlobs()) any |= GlobMatch(g, name);
    EXPECT_FALSE(any) << name;
  }
}

TEST(InputFormat, ExtensionForTheSummary) {
  EXPECT_EQ(ExtensionOf("report.PDF"), ".pdf");
  EXPECT_EQ(ExtensionOf("dir.v2/archive.tar.gz"), ".tar.gz");
  EXPECT_EQ(ExtensionOf("data.gz"), ".gz");
  EXPECT_EQ(ExtensionOf("Makefile"), "(no extension)");
  EXPECT_EQ(ExtensionOf(".hidden"), "(no extension)");
  EXPECT_EQ(ExtensionOf("a.b.docx"), ".docx");
}

}  // namespace
}  // namespace lede
