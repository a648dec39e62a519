// Fuzz target: the loader's path for any file content: decode, cut long
// lines, gather line statistics, extract. Title and body come out valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

#include "common/extract/extract.h"
#include "common/text/decode.h"
#include "fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto decoded = lede::DecodeArticleBytes(bytes);
  const lede::ArticleText* text = std::get_if<lede::ArticleText>(&decoded);
  if (!text) return 0;
  lede::CheckUtf8(text->text, "DecodeArticleBytes");
  lede::LineCounter counter;
  counter.AddFile(text->text);
  counter.AddFile(text->text);  // every line recurs: the boilerplate path
  const lede::LineStats stats = counter.Finish();
  for (bool plain : {false, true}) {
    lede::ExtractContext ctx;
    ctx.line_stats = &stats;
    ctx.plain = plain;
    lede::Article a = lede::Extract(text->text, ctx);
    lede::CheckUtf8(a.title, "Extract title");
    lede::CheckUtf8(a.Body(), "Extract body");
  }
  return 0;
}
