// Ids are looked up directly; paths and bare names fall back to one pass
// over the id terms (about a second per million articles), which only a
// reference that is not an id pays.
#include "searcher/article_ref.h"

#include <filesystem>
#include <vector>

#include "common/error.h"
#include "common/index/schema.h"

namespace lede {
namespace {

namespace fs = std::filesystem;

bool EndsWithPart(const std::string& path, const std::string& tail) {
  if (tail.empty() || tail.size() > path.size()) return false;
  if (path.compare(path.size() - tail.size(), tail.size(), tail) != 0) return false;
  return path.size() == tail.size() || path[path.size() - tail.size() - 1] == '/';
}

// The spellings of one file: as given made absolute, and with symbolic links
// resolved (an archive reached through a link).
std::vector<std::string> Spellings(const std::string& ref, const std::string& cwd) {
  fs::path p(ref);
  if (p.is_relative() && !cwd.empty()) p = fs::path(cwd) / p;
  std::vector<std::string> out{p.lexically_normal().string()};
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(p, ec);
  if (!ec && canonical.string() != out[0]) out.push_back(canonical.string());
  return out;
}

std::string StoredPath(const Xapian::Database& db, Xapian::docid docid) {
  return schema::DecodeData(db.get_document(docid).get_data()).path;
}

}  // namespace

std::string ResolveArticleRef(const Xapian::Database& db, const std::string& ref,
                              const std::string& cwd) {
  if (ref.empty()) throw QueryError("an empty article id");
  for (const std::string& id : {ref, ref + ".txt"})
    if (db.term_exists(schema::IdTerm(id))) return id;

  const std::vector<std::string> spellings = Spellings(ref, cwd);
  const bool bare = ref.find('/') == std::string::npos;
  std::vector<std::string> by_name;  // bare-name matches
  const std::string prefix(schema::FieldOf(schema::FieldId::kId).prefix);
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    const std::string term = *t;
    const std::string id(schema::IdOfTerm(term).value_or(""));
    for (const std::string& path : spellings) {
      if (!EndsWithPart(path, id)) continue;
      const Xapian::PostingIterator p = db.postlist_begin(*t);
      if (p == db.postlist_end(*t)) continue;
      const std::string stored = StoredPath(db, *p);
      if (stored == ref || Spellings(stored, cwd)[0] == path) return id;
    }
    if (bare) {
      const size_t slash = id.find_last_of('/');
      const std::string name = slash == std::string::npos ? id : id.substr(slash + 1);
      if (name == ref || name == ref + ".txt") by_name.push_back(id);
    }
  }
  // A file that exists but whose path no id ends (ids that are not relative
  // paths): compare with every stored path. Slow, and only ever paid here.
  std::error_code ec;
  if (by_name.empty() && fs::is_regular_file(spellings[0], ec)) {
    for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
      const schema::StoredArticle a = schema::DecodeData(db.get_document(*p).get_data());
      for (const std::string& path : spellings)
        if (a.path == path || (!a.path.empty() && Spellings(a.path, cwd)[0] == path)) return a.id;
    }
  }
  if (by_name.size() == 1) return by_name[0];
  if (by_name.size() > 1)
    throw QueryError("'" + ref + "' names " + std::to_string(by_name.size()) +
                     " articles (e.g. " + by_name[0] + " and " + by_name[1] +
                     "): give the id or the path");
  throw QueryError("no article with id or path '" + ref +
                   "' in the database (give an id from the JSON or TSV output, or the path "
                   "the text output prints)");
}

}  // namespace lede
