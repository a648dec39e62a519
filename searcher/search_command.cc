// Single and batch query runs; in a batch a bad query is an error object on
// its line and the batch goes on.
#include "searcher/search_command.h"

#include <fstream>
#include <unordered_set>

#include "common/error.h"
#include "common/index/schema.h"
#include "common/index/stem.h"
#include "searcher/article_ref.h"
#include "searcher/index_reader.h"
#include "searcher/query_builder.h"
#include "searcher/snippet.h"
#include "searcher/terminal_safe.h"

namespace lede {
namespace {

int PrintOne(const SearchResult& r, const SearchOptions& o, std::ostream& out) {
  if (o.count_only) {
    out << r.estimate << "\n";
  } else if (o.files_only) {
    PrintPaths(r, o.style, o.nul_separated, out);
  } else {
    switch (o.format) {
      case OutputFormat::kText:
        PrintText(r, o.style, out);
        break;
      case OutputFormat::kJson:
        out << DumpJson(ResultToJson(r), 2) << "\n";
        break;
      case OutputFormat::kJsonl:
        for (const Hit& h : r.hits) out << DumpJson(HitToJson(h)) << "\n";
        break;
      case OutputFormat::kTsv:
        PrintTsv(r, true, out);
        break;
    }
  }
  return r.hits.empty() && r.estimate == 0 ? kExitNoMatch : kExitMatch;
}

int RunBatch(Searcher& searcher, const SearchOptions& o, std::istream& in, std::ostream& out) {
  bool any = false;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    nlohmann::json j;
    try {
      if (line.find_first_not_of(" \t") == std::string::npos) throw QueryError("empty query");
      SearchResult r = searcher.Search(line, o.query_options);
      j = ResultToJson(r);
      if (!r.hits.empty()) any = true;
    } catch (const QueryError& e) {
      j = ErrorToJson(line, e);
    } catch (const UsageError& e) {
      j = ErrorToJson(line, e);
    }
    out << DumpJson(j) << "\n";
  }
  return any ? kExitMatch : kExitNoMatch;
}

// The article ref names, with the query's words (if any) highlighted.
ShownArticle Show(IndexReader& reader, const SearchOptions& o) {
  return reader.WithRetry([&] {
    const Xapian::Database& db = reader.db();
    const std::string id = ResolveArticleRef(db, o.show_ref, o.style.cwd);
    ShownArticle shown;
    shown.article = schema::DecodeData(db.get_document(*db.postlist_begin(schema::IdTerm(id))).get_data());
    std::unordered_set<std::string> terms;
    if (!o.query.empty()) terms = QueryBuilder(db, o.today).Parse(o.query).highlight_terms;
    const Xapian::Stem& stemmer = StemmerNamed(StemmerGroupFor(shown.article.language));
    shown.title = HighlightAll(shown.article.title, terms, stemmer);
    const std::string& body = shown.article.body;
    for (size_t pos = 0; pos < body.size();) {
      size_t end = body.find("\n\n", pos);
      if (end == std::string::npos) end = body.size();
      if (end > pos) shown.paragraphs.push_back(HighlightAll(body.substr(pos, end - pos), terms, stemmer));
      pos = end + 2;
    }
    return shown;
  });
}

}  // namespace

int RunSearch(const SearchOptions& o, std::istream& in, std::ostream& out, std::ostream& err) {
  if (!o.show_ref.empty()) {
    IndexReader reader(o.db_path, o.remotes);
    const ShownArticle shown = Show(reader, o);
    if (o.format == OutputFormat::kJson)
      out << DumpJson(ArticleToJson(shown, o.style), 2) << "\n";
    else
      PrintArticle(shown, o.style, out);
    return kExitMatch;
  }
  std::string like_id;
  if (!o.like_id.empty()) {
    IndexReader reader(o.db_path, o.remotes);
    like_id = reader.WithRetry([&] { return ResolveArticleRef(reader.db(), o.like_id, o.style.cwd); });
  }
  Searcher searcher(o.db_path, o.today, o.remotes);
  if (!o.batch_file.empty()) {
    if (o.batch_file == "-") return RunBatch(searcher, o, in, out);
    std::ifstream f(o.batch_file);
    if (!f) throw InputError("cannot read batch file " + o.batch_file);
    return RunBatch(searcher, o, f, out);
  }
  SearchResult r = like_id.empty() ? searcher.Search(o.query, o.query_options)
                                   : searcher.Related(like_id, o.query_options);
  // A reinterpreted query is said on stderr in every format, so it shows
  // even when stdout goes to a script.
  if (!r.note.empty()) err << "lede-search: note: " << TerminalSafe(r.note) << "\n";
  if (!r.suggestion.empty() && (o.format != OutputFormat::kText || o.count_only))
    err << "lede-search: did you mean: " << TerminalSafe(r.suggestion) << "?\n";
  if (o.files_only && r.hits.size() < r.estimate)
    err << "lede-search: note: " << r.hits.size() << " of " << (r.exact ? "" : "about ")
        << r.estimate << " results listed (-n N for more)\n";
  return PrintOne(r, o, out);
}

}  // namespace lede
