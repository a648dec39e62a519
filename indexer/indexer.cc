// The indexing pipeline: walk → load/decode → collection statistics →
// extract → build document → write, with a summary of every file's fate.
#include "indexer/indexer.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "common/extract.h"
#include "common/normalize.h"
#include "common/schema.h"
#include "indexer/article_loader.h"
#include "indexer/index_writer.h"

namespace lede {
namespace {

using Clock = std::chrono::steady_clock;

// Texts kept in memory between the statistics pass and the indexing pass, up
// to this many bytes; beyond it files are read again.
constexpr size_t kTextCacheBytes = 512u << 20;

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

std::string StripTxt(const std::string& name) {
  const std::string ext = ".txt";
  if (name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0)
    return name.substr(0, name.size() - ext.size());
  return name;
}

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Everything the passes share.
struct Collection {
  WalkResult walk;
  std::vector<std::optional<LoadedFile>> cache;  // by index in walk.files
  LineStats stats;
  std::map<std::string, std::string> aliases;
};

void Warn(std::ostream& err, bool quiet, const std::string& path, const std::string& why) {
  if (!quiet) err << "lede-index: skipped " << path << ": " << why << "\n";
}

// First pass: read every file once to gather the recurring-line statistics.
Collection Gather(const IndexOptions& options) {
  Collection c;
  if (!options.sources_file.empty()) c.aliases = LoadSourceAliases(options.sources_file);
  c.walk = Walk(options.paths, options.walk);
  c.cache.resize(c.walk.files.size());
  if (options.plain) return c;  // clean text needs no boilerplate evidence
  size_t cached = 0;
  for (size_t i = 0; i < c.walk.files.size(); ++i) {
    LoadOutcome lo = LoadArticleFile(c.walk.files[i].path);
    if (!lo.file) continue;  // reported in the indexing pass
    c.stats.AddFile(lo.file->text);
    if (cached + lo.file->text.size() <= kTextCacheBytes) {
      cached += lo.file->text.size();
      c.cache[i] = std::move(lo.file);
    }
  }
  return c;
}

LoadOutcome Load(Collection& c, size_t i) {
  if (c.cache[i]) {
    LoadOutcome lo;
    lo.file = std::move(c.cache[i]);
    c.cache[i].reset();
    return lo;
  }
  return LoadArticleFile(c.walk.files[i].path);
}

ExtractContext ContextFor(const Collection& c, const IndexOptions& options) {
  ExtractContext ctx;
  ctx.line_stats = &c.stats;
  ctx.source_aliases = &c.aliases;
  ctx.plain = options.plain;
  return ctx;
}

nlohmann::json DateJson(const Article& a) {
  return a.date ? nlohmann::json(FormatIsoDate(*a.date)) : nlohmann::json(nullptr);
}

}  // namespace

std::map<std::string, std::string> LoadSourceAliases(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError("cannot read source alias file " + path);
  std::map<std::string, std::string> out;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    std::string t = Trim(line);
    if (t.empty() || t[0] == '#') continue;
    size_t eq = t.find('=');
    if (eq == std::string::npos) eq = t.find('\t');
    if (eq == std::string::npos)
      throw InputError(path + ":" + std::to_string(n) +
                       ": expected 'alias = Canonical Name', got: " + t);
    std::string alias = Trim(t.substr(0, eq));
    std::string canonical = Trim(t.substr(eq + 1));
    if (alias.empty() || canonical.empty())
      throw InputError(path + ":" + std::to_string(n) + ": empty alias or name");
    out[NormalizeTerm(alias)] = canonical;
  }
  return out;
}

int RunIndex(const IndexOptions& options, std::ostream& out, std::ostream& err) {
  const auto start = Clock::now();
  Collection c = Gather(options);
  IndexWriter writer(options.db_path, options.rebuild, options.batch_size);
  const ExtractContext ctx = ContextFor(c, options);

  std::map<std::string, size_t> skip_reasons;
  size_t indexed = 0, skipped = 0, repaired = 0;
  std::unordered_set<std::string> ids;
  for (const SkippedPath& s : c.walk.skipped) {
    ++skipped;
    ++skip_reasons[s.reason];
    Warn(err, options.quiet, s.path, s.reason);
  }
  for (size_t i = 0; i < c.walk.files.size(); ++i) {
    const InputFile& f = c.walk.files[i];
    if (!ids.insert(f.id).second) {
      ++skipped;
      ++skip_reasons["duplicate id (same relative path under two roots)"];
      Warn(err, options.quiet, f.path, "duplicate id " + f.id + " (same relative path under two roots)");
      continue;
    }
    LoadOutcome lo = Load(c, i);
    if (!lo.file) {
      ++skipped;
      ++skip_reasons[lo.skip_reason];
      Warn(err, options.quiet, f.path, lo.skip_reason);
      continue;
    }
    Article a = Extract(lo.file->text, ctx);
    schema::StoredArticle sa;
    sa.id = f.id;
    sa.path = f.path;
    sa.title = a.title;
    sa.date = a.date;
    sa.source = a.source;
    sa.language = a.language;
    sa.body = a.Body();
    if (sa.body.empty() && sa.title.empty()) {
      ++skipped;
      ++skip_reasons["no article text found"];
      Warn(err, options.quiet, f.path, "no article text found");
      continue;
    }
    writer.Put(sa);
    ++indexed;
    if (lo.file->repaired) ++repaired;
  }
  writer.Commit();

  const double secs = std::chrono::duration<double>(Clock::now() - start).count();
  const size_t seen = c.walk.files.size() + c.walk.skipped.size();
  char timing[64];
  std::snprintf(timing, sizeof timing, "%.2f s", secs);
  out << "lede-index: " << seen << " files seen, " << indexed << " indexed, " << skipped
      << " skipped";
  if (!skip_reasons.empty()) {
    out << " (";
    bool first = true;
    for (const auto& [reason, count] : skip_reasons) {
      out << (first ? "" : "; ") << count << " " << reason;
      first = false;
    }
    out << ")";
  }
  if (repaired) out << ", " << repaired << " with undecodable bytes replaced";
  out << " in " << timing << "; database " << options.db_path << "\n";
  return (indexed == 0 && skipped > 0) ? kExitError : kExitMatch;
}

int RunExtract(const IndexOptions& options, std::ostream& out, std::ostream& err) {
  Collection c = Gather(options);
  const ExtractContext ctx = ContextFor(c, options);
  int status = kExitMatch;
  for (const SkippedPath& s : c.walk.skipped) {
    Warn(err, false, s.path, s.reason);
    status = kExitError;
  }
  for (size_t i = 0; i < c.walk.files.size(); ++i) {
    const InputFile& f = c.walk.files[i];
    LoadOutcome lo = Load(c, i);
    if (!lo.file) {
      Warn(err, false, f.path, lo.skip_reason);
      status = kExitError;
      continue;
    }
    Article a = Extract(lo.file->text, ctx);
    nlohmann::json j;
    j["id"] = StripTxt(BaseName(f.id));
    j["path"] = f.path;
    j["title"] = a.title;
    j["date"] = DateJson(a);
    j["date_precision"] =
        a.date ? nlohmann::json(PrecisionName(a.date->precision)) : nlohmann::json(nullptr);
    j["source"] = a.source ? nlohmann::json(*a.source) : nlohmann::json(nullptr);
    j["language"] = a.language.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.language);
    j["body"] = a.Body();
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  return status;
}

int RunExplain(const IndexOptions& options, std::ostream& out, std::ostream& err) {
  Collection c = Gather(options);
  const ExtractContext ctx = ContextFor(c, options);
  if (c.walk.files.empty()) {
    for (const SkippedPath& s : c.walk.skipped) Warn(err, false, s.path, s.reason);
    throw InputError("no article file to explain");
  }
  for (size_t i = 0; i < c.walk.files.size(); ++i) {
    const InputFile& f = c.walk.files[i];
    LoadOutcome lo = Load(c, i);
    if (!lo.file) {
      Warn(err, false, f.path, lo.skip_reason);
      continue;
    }
    Article a = Extract(lo.file->text, ctx);
    out << "== " << f.path << " (" << lo.file->encoding << ")\n";
    // Lines of the dump, numbered, with the decision and its reason.
    std::vector<std::string> lines;
    {
      size_t pos = 0;
      const std::string& t = lo.file->text;
      while (pos <= t.size()) {
        size_t nl = t.find('\n', pos);
        if (nl == std::string::npos) nl = t.size();
        lines.push_back(t.substr(pos, nl - pos));
        pos = nl + 1;
      }
    }
    for (const LineDecision& d : a.lines) {
      std::string text = d.line_no >= 1 && static_cast<size_t>(d.line_no) <= lines.size()
                             ? lines[static_cast<size_t>(d.line_no) - 1]
                             : std::string();
      if (text.size() > 100) text = text.substr(0, 97) + "...";
      char head[32];
      std::snprintf(head, sizeof head, "%4d %s ", d.line_no, d.keep ? "KEEP" : "DROP");
      out << head << "[" << d.reason << "] " << text << "\n";
    }
    out << "title:    " << (a.title.empty() ? "(none)" : a.title) << "\n";
    out << "date:     "
        << (a.date ? FormatIsoDate(*a.date) + " (" + PrecisionName(a.date->precision) +
                         ") from \"" + a.date_evidence + "\""
                   : std::string("unknown"))
        << "\n";
    out << "source:   "
        << (a.source ? *a.source + " from \"" + a.source_evidence + "\"" : std::string("unknown"))
        << "\n";
    out << "language: " << (a.language.empty() ? "unknown" : a.language) << "\n";
  }
  return kExitMatch;
}

}  // namespace lede
