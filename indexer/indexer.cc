// The indexing pipeline: walk → load/decode → collection statistics →
// extract → build document → write, with a summary of every file's fate.
#include "indexer/indexer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "common/extract/extract.h"
#include "common/extract/line_features.h"
#include "common/text/normalize.h"
#include "common/index/schema.h"
#include "common/index/stem.h"
#include "indexer/article_loader.h"
#include "indexer/bulk_path.h"
#include "indexer/file_identity.h"
#include "indexer/index_writer.h"
#include "indexer/memory_budget.h"
#include "indexer/path_text.h"
#include "indexer/pipeline.h"
#include "indexer/progress.h"
#include "indexer/report.h"
#include "indexer/stop_signal.h"

namespace lede {
namespace {

using Clock = std::chrono::steady_clock;

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// Everything the passes share.
struct Collection {
  WalkResult walk;
  std::vector<std::optional<LoadedFile>> cache;  // by index in walk.files
  LineStats stats;
  std::map<std::string, std::string> aliases;
};

MemoryBudget BudgetOf(const IndexOptions& options) {
  return MemoryBudget{options.memory ? options.memory : DefaultMemoryBytes()};
}

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
  const MemoryBudget budget = BudgetOf(options);
  LineCounter counter(budget.LineCounterBytes());
  size_t cached = 0;
  for (size_t i = 0; i < c.walk.files.size(); ++i) {
    LoadOutcome lo = LoadArticleFile(c.walk.files[i].path);
    if (!lo.file) continue;  // reported in the indexing pass
    counter.AddFile(lo.file->text);
    if (cached + lo.file->text.size() <= budget.TextCacheBytes()) {
      cached += lo.file->text.size();
      c.cache[i] = std::move(lo.file);
    }
  }
  c.stats = counter.Finish();
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

// ---- lede-index (update or rebuild) -------------------------------------

// What happens to one walked file, decided before anything is extracted.
struct Work {
  size_t file = 0;                  // index in walk.files
  Xapian::docid replaces = 0;       // the earlier version, 0 for a new file
  std::string why;                  // report reason
  std::string stamp, content_hash;  // as read
};

struct Tally {
  size_t added = 0, updated = 0, unchanged = 0, removed = 0, skipped = 0;
  size_t repaired = 0, cut = 0;
  std::map<std::string, size_t> skip_reasons;
};

// Where a root lives, independent of how it was spelled on the command line
// ("corpus", "./corpus/", "/abs/corpus" are one root).
std::string CanonicalRoot(const std::string& arg) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::weakly_canonical(std::filesystem::absolute(arg), ec);
  if (ec) p = std::filesystem::absolute(arg, ec).lexically_normal();
  std::string s = p.string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

// What, besides a file's bytes, decides its extraction: a root indexed with
// other settings is re-extracted whole.
std::string ExtractSettings(const IndexOptions& options,
                            const std::map<std::string, std::string>& aliases) {
  std::string s = options.plain ? "plain" : "dump";
  for (const auto& [alias, name] : aliases) s += "\n" + alias + "=" + name;
  return ContentHash(s);
}

// Takes a stored article out of the statistics; one stored without keys
// was never counted.
void SubtractKeys(LineCounter* counter, const std::vector<uint64_t>& keys) {
  if (!keys.empty()) counter->SubtractKeys(keys);
}

// Metadata counts; anything unreadable counts as 0.
size_t ParseCount(const std::string& s) {
  size_t n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + static_cast<size_t>(c - '0');
  }
  return n;
}

bool UnderUnlisted(const std::vector<std::string>& unlisted, const std::string& id) {
  for (const std::string& rel : unlisted) {
    if (rel.empty() || id.compare(0, rel.size() + 1, rel + "/") == 0) return true;
  }
  return false;
}

void PrintSummary(std::ostream& out, const Tally& t, size_t seen, double secs,
                  const IndexOptions& options, int stop_signal) {
  char timing[64];
  std::snprintf(timing, sizeof timing, "%.2f s", secs);
  out << "lede-index: " << (stop_signal ? "interrupted: " : "") << seen << " files seen, "
      << t.added << " added, " << t.updated << " updated, " << t.unchanged << " unchanged, "
      << t.removed << " removed, " << t.skipped << " skipped";
  if (!t.skip_reasons.empty()) {
    out << " (";
    bool first = true;
    for (const auto& [reason, count] : t.skip_reasons) {
      out << (first ? "" : "; ") << count << " " << reason;
      first = false;
    }
    out << ")";
  }
  if (t.repaired) out << ", " << t.repaired << " with undecodable bytes replaced";
  if (t.cut) out << ", " << t.cut << " with lines over " << (kMaxLineBytes >> 10) << " KiB cut";
  out << " in " << timing << "; database " << options.db_path;
  if (stop_signal && options.rebuild) out << " left unchanged (rebuild abandoned)";
  out << "\n";
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
  ReportWriter report(options.report_file);
  std::map<std::string, std::string> aliases;
  if (!options.sources_file.empty()) aliases = LoadSourceAliases(options.sources_file);
  Progress progress(err, options.progress);
  const WalkResult walk = Walk(options.paths, options.walk);

  const unsigned threads = options.threads ? options.threads : DefaultWorkerThreads();
  const MemoryBudget budget = BudgetOf(options);
  const unsigned writers = options.writers ? options.writers : threads;
  // Nothing to keep: built aside in parallel parts like a rebuild.
  const bool bulk = options.rebuild || TakesBulkPath(options.db_path);
  // Xapian holds a writer's documents in memory until it flushes them.
  const unsigned batch =
      options.batch_size ? options.batch_size
                         : std::min(bulk ? kRebuildBatch : kUpdateBatch,
                                    budget.DocsPerWriter(writers));
  IndexWriter writer(options.db_path, bulk, batch, options.shards, writers);
  const bool fresh = options.rebuild || writer.DocCount() == 0;
  const std::string settings = ExtractSettings(options, aliases);

  Tally t;
  auto skip = [&](const std::string& path, const std::string& id, const std::string& reason,
                  const std::string& detail) {
    ++t.skipped;
    ++t.skip_reasons[reason];
    Warn(err, options.quiet, DisplayPath(path), reason + detail);
    report.Add(path, id, kOutcomeSkipped, reason + detail);
  };
  for (const SkippedPath& s : walk.skipped) skip(s.path, "", s.reason, "");

  // Per root: its canonical key, whether its extraction settings changed,
  // the articles indexed from it, the directories that could not be listed.
  struct Root {
    std::string key;
    bool settings_changed = false;
    std::unordered_set<Xapian::docid> docs;
    std::vector<std::string> unlisted;
  };
  std::map<std::string, Root> roots;  // by command-line argument
  for (const std::string& arg : options.paths) {
    if (roots.count(arg)) continue;
    Root r;
    r.key = CanonicalRoot(arg);
    r.settings_changed = writer.GetMetadata(schema::RootSettingsKey(r.key)) != settings;
    for (Xapian::docid d : writer.DocsUnderRoot(r.key)) r.docs.insert(d);
    // A new root: every article written from now on uses these settings, so
    // they are recorded with the first batch (a killed first run then
    // resumes without re-extracting what it committed).
    if (r.docs.empty()) writer.SetMetadata(schema::RootSettingsKey(r.key), settings);
    roots.emplace(arg, std::move(r));
  }
  for (const UnlistedDir& u : walk.unlisted) roots[u.root].unlisted.push_back(u.rel);
  // New roots' settings are durable before any article: the shards of a
  // sharded database commit on their own, and every one must carry them.
  writer.Commit();

  // Pass 1 (plan): compare each file with what the database holds; read only
  // files whose stamp changed, and keep their text for pass 2. The database
  // lookups come first (Xapian objects belong to this thread); reading,
  // decoding, hashing and the line keys then run on the worker threads, and
  // this thread decides each file's fate in walk order.
  std::vector<Work> work;
  std::vector<std::optional<LoadedFile>> cache(walk.files.size());
  size_t cached_bytes = 0;
  // The new texts' line keys are counted as they are read and not kept:
  // pass 2 takes them again from the text it extracts.
  LineCounter counter(budget.LineCounterBytes());
  std::unordered_set<Xapian::docid> seen, remove;
  std::unordered_set<std::string> ids;
  struct Plan {
    bool duplicate = false, unchanged = false;
    std::optional<IndexWriter::Existing> old;
    bool ours = false;
    std::string stamp;
  };
  std::vector<Plan> plans(walk.files.size());
  for (size_t i = 0; i < walk.files.size() && !StopSignal(); ++i) {
    const InputFile& f = walk.files[i];
    Plan& plan = plans[i];
    if (!ids.insert(f.id).second) {
      plan.duplicate = true;
      continue;
    }
    plan.old = writer.Find(f.id);
    const Root& root = roots[f.root];
    plan.ours = plan.old && root.docs.count(plan.old->docid) && !root.settings_changed;
    plan.stamp = FileStamp(f.size, f.mtime_ns);
    plan.unchanged = plan.ours && plan.old->file_stamp == plan.stamp;
  }
  struct Loaded {
    LoadOutcome lo;
    std::vector<uint64_t> line_keys;
  };
  auto read = [&](size_t i) {
    Loaded l;
    if (plans[i].duplicate || plans[i].unchanged) return l;
    l.lo = LoadArticleFile(walk.files[i].path);
    if (l.lo.file) l.line_keys = LineStats::KeysOf(l.lo.file->text);
    return l;
  };
  progress.Start("checking", walk.files.size());
  size_t checked = 0;
  auto decide = [&](size_t i, Loaded&& l) {
    if (StopSignal()) return false;
    progress.Update(++checked, 0);
    const InputFile& f = walk.files[i];
    const Plan& plan = plans[i];
    if (plan.duplicate) {
      skip(f.path, f.id, "duplicate id (same relative path under two roots)", "");
      return true;
    }
    const std::optional<IndexWriter::Existing>& old = plan.old;
    if (old) seen.insert(old->docid);
    if (plan.unchanged) {
      ++t.unchanged;
      report.Add(f.path, f.id, kOutcomeUnchanged, "same size and modification time");
      return true;
    }
    LoadOutcome& lo = l.lo;
    if (!lo.file) {
      std::string detail;
      if (old && lo.unreadable) {
        detail = "; the indexed version is kept";
      } else if (old) {
        detail = "; its earlier article is removed";
        remove.insert(old->docid);
      }
      skip(f.path, f.id, lo.skip_reason, detail);
      return true;
    }
    if (plan.ours && old->content_hash == lo.content_hash) {
      writer.SetStamp(old->docid, plan.stamp);
      ++t.unchanged;
      report.Add(f.path, f.id, kOutcomeUnchanged, "same content (only touched)");
      return true;
    }
    const Root& root = roots[f.root];
    Work w;
    w.file = i;
    w.stamp = plan.stamp;
    w.content_hash = lo.content_hash;
    counter.AddKeys(l.line_keys);
    if (old) {
      w.replaces = old->docid;
      w.why = !root.docs.count(old->docid) ? "indexed before under another root"
              : root.settings_changed      ? "extraction settings changed"
                                           : "content changed";
    } else {
      w.why = "new file";
    }
    if (cached_bytes + lo.file->text.size() <= budget.TextCacheBytes()) {
      cached_bytes += lo.file->text.size();
      cache[i] = std::move(lo.file);
    }
    work.push_back(std::move(w));
    return true;
  };
  const size_t planned = StopSignal() ? 0 : walk.files.size();
  RunOrdered<Loaded>(planned, threads, 8 * size_t{threads}, read, decide);
  const auto planned_at = Clock::now();
  progress.Clear();

  // Articles whose files are gone: under a root given now, not seen in the
  // walk, and not inside a directory that could not be listed.
  std::vector<std::pair<Xapian::docid, schema::StoredArticle>> gone;
  if (!StopSignal()) {
    for (const auto& [arg, root] : roots) {
      for (Xapian::docid d : root.docs) {
        if (seen.count(d) || remove.count(d)) continue;
        schema::StoredArticle a = writer.Stored(d);
        if (UnderUnlisted(root.unlisted, a.id)) continue;
        remove.insert(d);
        gone.emplace_back(d, std::move(a));
      }
    }
  }

  // The collection's line statistics as they will be once this run is done:
  // what the database holds, minus replaced and removed versions, plus the
  // new texts. Needed only when something is extracted.
  LineStats stats;
  auto load = [&](const Work& w) -> LoadOutcome {
    LoadOutcome lo;
    if (cache[w.file]) {
      lo.file = std::move(cache[w.file]);
      cache[w.file].reset();
      lo.content_hash = w.content_hash;
      return lo;
    }
    return LoadArticleFile(walk.files[w.file].path);
  };
  if (!options.plain && !work.empty() && !StopSignal()) {
    writer.AddStoredLineStats(&counter);
    for (const Work& w : work)
      if (w.replaces) SubtractKeys(&counter, writer.LineKeysOf(w.replaces));
    for (Xapian::docid d : remove) SubtractKeys(&counter, writer.LineKeysOf(d));
    stats = counter.Finish();
  }

  // Pass 2: extract → build the document → write.
  ExtractContext ctx;
  ctx.line_stats = &stats;
  ctx.source_aliases = &aliases;
  ctx.plain = options.plain;
  const auto stats_at = Clock::now();
  progress.Start("indexing", work.size());
  size_t done = 0;
  // Reading, decoding and extraction run on worker threads; this
  // thread takes the results in input order and does all the writing and
  // bookkeeping, exactly as a one-threaded run would.
  struct Prepared {
    LoadOutcome lo;
    schema::PreparedArticle pa;  // the document too: built here, not by the writer
  };
  auto prepare = [&](size_t k) {
    const Work& w = work[k];
    const InputFile& f = walk.files[w.file];
    Prepared p;
    p.lo = load(w);
    if (!p.lo.file) return p;
    Article a = Extract(p.lo.file->text, ctx);
    schema::StoredArticle sa;
    sa.id = f.id;
    // Absolute, so lede-search can print a path that opens from anywhere.
    std::error_code ec;
    const std::filesystem::path absolute = std::filesystem::absolute(f.path, ec);
    sa.path = ec ? f.path : absolute.lexically_normal().string();
    sa.title = a.title;
    sa.date = a.date;
    sa.source = a.source;
    sa.language = a.language;
    sa.body = a.Body();
    sa.root = roots.find(f.root)->second.key;
    sa.file_stamp = w.stamp;
    sa.content_hash = p.lo.content_hash;
    // The keys of the text as extracted. (Pass 1 counted the text it read:
    // a file changed in between is stored as it is now, under its old stamp,
    // so the next run reads it again.)
    sa.line_keys = LineStats::KeysOf(p.lo.file->text);
    std::string().swap(p.lo.file->text);  // not needed any more: free it early
    if (sa.body.empty() && sa.title.empty()) {
      p.pa.article = std::move(sa);  // skipped by write
    } else {
      p.pa = schema::PrepareArticle(std::move(sa), StemmerNamed("english"));
    }
    return p;
  };
  auto write = [&](size_t k, Prepared&& p) {
    if (StopSignal()) return false;
    const Work& w = work[k];
    const InputFile& f = walk.files[w.file];
    LoadOutcome& lo = p.lo;
    const schema::StoredArticle& sa = p.pa.article;
    progress.Update(++done, t.added + t.updated);
    if (!lo.file) {  // changed again since pass 1
      std::string detail;
      if (w.replaces && !lo.unreadable) {
        detail = "; its earlier article is removed";
        remove.insert(w.replaces);
        gone.emplace_back(w.replaces, schema::StoredArticle{});
      }
      skip(f.path, f.id, lo.skip_reason, detail);
      return true;
    }
    if (sa.body.empty() && sa.title.empty()) {
      std::string detail;
      if (w.replaces) {
        detail = "; its earlier article is removed";
        remove.insert(w.replaces);
        gone.emplace_back(w.replaces, schema::StoredArticle{});
      }
      skip(f.path, f.id, "no article text found", detail);
      return true;
    }
    writer.Put(std::move(p.pa), w.replaces);
    ++(w.replaces ? t.updated : t.added);
    if (lo.file->repaired) ++t.repaired;
    std::string why = w.why;
    if (lo.file->lines_cut) {
      ++t.cut;
      why += "; " + std::to_string(lo.file->lines_cut) + " line(s) over " +
             std::to_string(kMaxLineBytes >> 10) + " KiB cut";
    }
    report.Add(f.path, f.id, kOutcomeIndexed, why);
    return true;
  };
  RunOrdered<Prepared>(work.size(), threads, 8 * size_t{threads}, prepare, write);
  progress.Clear();

  const int stop = StopSignal();
  if (!stop) {
    for (Xapian::docid d : remove) {
      writer.Remove(d);
      ++t.removed;
    }
    for (const auto& [d, a] : gone)
      if (!a.id.empty()) report.Add(a.path, a.id, kOutcomeRemoved, "file gone");
    for (const auto& [arg, root] : roots)
      writer.SetMetadata(schema::RootSettingsKey(root.key), settings);
  }

  // How stale the older articles' boilerplate evidence has become.
  const std::string base_meta = writer.GetMetadata(schema::kMetaStatsBase);
  const size_t changed = t.added + t.updated + t.removed;
  size_t drift = 0, base = 0;
  if (fresh || base_meta.empty()) {
    base = writer.DocCount();
    // An interrupted first run is no baseline yet: the run that completes it
    // extracts the rest with the same full statistics and becomes one.
    if (!stop) {
      writer.SetMetadata(schema::kMetaStatsDrift, "0");
      writer.SetMetadata(schema::kMetaStatsBase, std::to_string(base));
    }
  } else {
    drift = ParseCount(writer.GetMetadata(schema::kMetaStatsDrift)) + changed;
    base = ParseCount(base_meta);
    writer.SetMetadata(schema::kMetaStatsDrift, std::to_string(drift));
  }
  const size_t now_docs = writer.DocCount();

  const auto indexed_at = Clock::now();
  if (stop && options.rebuild) {
    // An unfinished rebuild is dropped (by ~IndexWriter): the old database
    // stays as it was. A new database built in bulk keeps what was done, as
    // an update would; only a kill leaves it empty.
  } else {
    writer.Finish();
  }
  if (std::getenv("LEDE_INDEX_TIMINGS")) {  // for benchmarks: where the wall time went
    auto secs = [](Clock::time_point a, Clock::time_point b) {
      return std::chrono::duration<double>(b - a).count();
    };
    char line[200];
    std::snprintf(line, sizeof line,
                  "lede-index: timings: plan %.2f s, statistics %.2f s, extract and write "
                  "%.2f s, finish (commit, merge/compact, swap) %.2f s\n",
                  secs(start, planned_at), secs(planned_at, stats_at), secs(stats_at, indexed_at),
                  secs(indexed_at, Clock::now()));
    err << line;
  }
  report.Close();

  const double secs = std::chrono::duration<double>(Clock::now() - start).count();
  PrintSummary(out, t, walk.files.size() + walk.skipped.size(), secs, options, stop);
  if (!options.plain && now_docs >= 5 && drift * 5 > std::max(base, now_docs)) {
    out << "lede-index: note: " << drift << " articles added, changed or removed since every "
        << "article was last extracted together; the recurring-line statistics of older "
        << "articles are stale: lede-index --rebuild re-extracts them all\n";
  }
  if (stop) return 128 + stop;
  return (t.added + t.updated + t.unchanged == 0 && t.skipped > 0) ? kExitError : kExitMatch;
}

int RunExtract(const IndexOptions& options, std::ostream& out, std::ostream& err) {
  Collection c = Gather(options);
  const ExtractContext ctx = ContextFor(c, options);
  int status = kExitMatch;
  for (const SkippedPath& s : c.walk.skipped) {
    Warn(err, false, DisplayPath(s.path), s.reason);
    status = kExitError;
  }
  for (size_t i = 0; i < c.walk.files.size(); ++i) {
    const InputFile& f = c.walk.files[i];
    LoadOutcome lo = Load(c, i);
    if (!lo.file) {
      Warn(err, false, DisplayPath(f.path), lo.skip_reason);
      status = kExitError;
      continue;
    }
    Article a = Extract(lo.file->text, ctx);
    nlohmann::json j;
    j["id"] = f.id;  // the id lede-search prints and --like/--show take
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
    for (const SkippedPath& s : c.walk.skipped) Warn(err, false, DisplayPath(s.path), s.reason);
    throw InputError("no article file to explain");
  }
  for (size_t i = 0; i < c.walk.files.size(); ++i) {
    const InputFile& f = c.walk.files[i];
    LoadOutcome lo = Load(c, i);
    if (!lo.file) {
      Warn(err, false, DisplayPath(f.path), lo.skip_reason);
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
      if (text.size() > 100)
        text = std::string(Utf8Prefix(text, 97)) + "...";  // never cut a UTF-8 sequence
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
