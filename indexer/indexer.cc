// The indexing pipeline: walk → read files into records → plan (what
// changed) → collection statistics → extract → build document → write, with
// a summary of every record's fate.
#include "indexer/indexer.h"

#include <algorithm>
#include <cassert>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <unordered_set>
#include <variant>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "common/extract/extract.h"
#include "common/extract/line_features.h"
#include "common/extract/line_stats.h"
#include "common/extract/record.h"
#include "common/index/schema.h"
#include "common/index/stem.h"
#include "common/text/decode.h"
#include "common/text/normalize.h"
#include "common/text/utf8.h"
#include "indexer/archive_names.h"
#include "indexer/article_loader.h"
#include "indexer/bulk_path.h"
#include "indexer/file_identity.h"
#include "indexer/id_set.h"
#include "indexer/index_writer.h"
#include "indexer/inputs/record_target.h"
#include "indexer/memory_budget.h"
#include "indexer/path_text.h"
#include "indexer/pipeline.h"
#include "indexer/progress.h"
#include "indexer/report.h"
#include "indexer/stop_signal.h"

namespace lede {
namespace {

using Clock = std::chrono::steady_clock;

// Records written between two ReleaseFreedMemory calls in pass 2 (each walks
// every malloc arena: cheap at this spacing).
constexpr size_t kReleaseEvery = 5000;

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// A record decoded on a worker thread, with what the statistics count of it.
struct RecordText {
  Record record;  // its bytes dropped once decoded
  DecodedRecord decoded;
  std::vector<uint64_t> line_keys;  // RecordLineKeys, when asked for
};

// One file read and its records decoded: worker-thread work.
struct FileLoad {
  InputRead read;                 // the records' bytes moved into texts
  std::vector<RecordText> texts;  // one per record, in file order
};

FileLoad LoadFile(const InputFile& f, const std::string& file_id, bool line_keys,
                  const ReadOptions& options) {
  FileLoad load;
  load.read = ReadInputFile(f.path, file_id, options);
  for (Record& r : load.read.records) {
    RecordText t;
    t.decoded = DecodeRecord(r);
    std::string().swap(r.bytes);
    if (line_keys)
      if (const ArticleText* text = std::get_if<ArticleText>(&t.decoded))
        t.line_keys = RecordLineKeys(r.format, text->text);
    t.record = std::move(r);
    load.texts.push_back(std::move(t));
  }
  load.read.records.clear();
  return load;
}

// Everything --extract and --explain share: the walk, the collection's line
// statistics and the files' records, decoded once (up to kTextCacheBytes).
struct Collection {
  WalkResult walk;
  std::vector<std::string> archives;  // the archive names of walk.roots
  std::vector<std::optional<FileLoad>> cache;  // by index in walk.files
  LineStats stats;
  std::map<std::string, std::string> aliases;
  ReadOptions read;
};

MemoryBudget BudgetOf(const IndexOptions& options) {
  return MemoryBudget{options.memory ? options.memory : DefaultMemoryBytes()};
}

void Warn(std::ostream& err, bool quiet, const std::string& path, const std::string& why) {
  if (!quiet) err << "lede-index: skipped " << path << ": " << why << "\n";
}

size_t TextBytes(const FileLoad& load) {
  size_t n = 0;
  for (const RecordText& t : load.texts)
    if (const ArticleText* text = std::get_if<ArticleText>(&t.decoded)) n += text->text.size();
  return n;
}

std::vector<std::string> NameFilesWithoutDatabase(const std::vector<std::string>& paths,
                                                  const WalkResult& walk);
std::string FileIdOf(const std::vector<std::string>& archives, const InputFile& f);

Collection Gather(const IndexOptions& options) {
  Collection c;
  if (!options.sources_file.empty()) c.aliases = LoadSourceAliases(options.sources_file);
  c.walk = Walk(options.paths, options.walk);
  c.archives = NameFilesWithoutDatabase(options.paths, c.walk);
  c.read = options.read;
  c.cache.resize(c.walk.files.size());
  if (options.plain) return c;  // clean text needs no boilerplate evidence
  const MemoryBudget budget = BudgetOf(options);
  LineCounter counter(budget.LineCounterBytes());
  size_t cached = 0;
  for (size_t i = 0; i < c.walk.files.size(); ++i) {
    FileLoad load = LoadFile(c.walk.files[i], FileIdOf(c.archives, c.walk.files[i]), false, c.read);
    for (const RecordText& t : load.texts)
      if (const ArticleText* text = std::get_if<ArticleText>(&t.decoded))
        counter.AddKeys(RecordLineKeys(t.record.format, text->text));
    const size_t bytes = TextBytes(load);
    if (cached + bytes <= budget.TextCacheBytes()) {
      cached += bytes;
      c.cache[i] = std::move(load);
    }
  }
  c.stats = counter.Finish();
  return c;
}

FileLoad Load(Collection& c, size_t i) {
  if (c.cache[i]) {
    FileLoad load = std::move(*c.cache[i]);
    c.cache[i].reset();
    return load;
  }
  return LoadFile(c.walk.files[i], FileIdOf(c.archives, c.walk.files[i]), false, c.read);
}

ExtractContext ContextFor(const Collection& c, const IndexOptions& options) {
  ExtractContext ctx;
  ctx.line_stats = &c.stats;
  ctx.source_aliases = &c.aliases;
  ctx.plain = options.plain;
  ctx.publisher = options.publisher;
  return ctx;
}

nlohmann::json DateJson(const Article& a) {
  return a.date ? nlohmann::json(FormatIsoDate(*a.date)) : nlohmann::json(nullptr);
}

// Where a record is, for messages: the file, and the place inside it.
std::string Where(const Record& r) {
  return r.locator.empty() ? r.path : r.path + " (" + r.locator + ")";
}

// ---- lede-index (update or rebuild) -------------------------------------

struct Tally {
  size_t added = 0, updated = 0, unchanged = 0, removed = 0, skipped = 0;
  size_t repaired = 0, cut = 0;
  std::map<std::string, size_t> skip_reasons;
  // Parts of multi-article files that are not articles (InputRead::passed_over).
  std::map<std::string, size_t> passed_over;
};

// "12 .pdf, 3 .docx": most first, then by name.
std::string CountList(const std::map<std::string, size_t>& counts) {
  std::vector<std::pair<std::string, size_t>> v(counts.begin(), counts.end());
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string out;
  for (const auto& [name, n] : v) out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + name;
  return out;
}

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
  if (!options.publisher.empty()) s += "\npublisher=" + options.publisher;
  // A JSON-lines field mapping other than the default reads other fields.
  if (options.read.jsonl.keys != DefaultJsonlFields().keys)
    for (const auto& [field, keys] : options.read.jsonl.keys)
      for (const std::string& key : keys) s += "\nfield " + field + "=" + key;
  return ContentHash(s);
}

// Takes a stored article out of the statistics; one stored without keys
// was never counted.
void SubtractKeys(LineCounter* counter, const std::vector<uint64_t>& keys) {
  if (!keys.empty()) counter->SubtractKeys(keys);
}

bool IsDirectory(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_directory(path, ec);
}

// The id of a file: its archive's name, then its path in the archive
// (docs/schema.md, "Ids").
std::string FileId(const std::string& archive, const std::string& relative) {
  return archive + "/" + relative;
}

// The archive names the database gives out (lede.archive.* metadata).
ArchiveNames KnownArchives(IndexWriter& writer) {
  std::map<std::string, std::string> known;
  for (const std::string& v : writer.MetadataValuesUnder(schema::kMetaArchivePrefix)) {
    auto [name, path] = schema::DecodeArchive(v);
    if (!name.empty()) known[name] = path;
  }
  return ArchiveNames(std::move(known), IsDirectory);
}

std::string FileIdOf(const std::vector<std::string>& archives, const InputFile& f) {
  return FileId(archives[f.root], std::string(f.relative()));
}

// --extract and --explain name archives as a first indexing would: the
// archive name of each walked root.
std::vector<std::string> NameFilesWithoutDatabase(const std::vector<std::string>& paths,
                                                  const WalkResult& walk) {
  ArchiveNames names({}, [](const std::string&) { return true; });
  std::map<std::string, std::string> name_of;  // by command-line argument
  for (const std::string& arg : paths) {
    if (name_of.count(arg)) continue;
    const std::string key = CanonicalRoot(arg);
    name_of[arg] = names.NameFor(ArchiveOf(key, IsDirectory(key))).name;
  }
  std::vector<std::string> archives;
  for (const std::string& root : walk.roots) archives.push_back(name_of[root]);
  return archives;
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

void PrintSummary(std::ostream& out, const Tally& t, const WalkResult& walk, double secs,
                  const IndexOptions& options, int stop_signal) {
  const size_t seen = walk.files.size() + walk.skipped.size();
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
  if (!walk.ignored.empty()) out << ", ignored: " << CountList(walk.ignored);
  out << " in " << timing << "; database " << options.db_path;
  if (stop_signal && options.rebuild) out << " left unchanged (rebuild abandoned)";
  out << "\n";
  if (!t.passed_over.empty())
    out << "lede-index: not articles, passed over: " << CountList(t.passed_over) << "\n";
}

// A root given on the command line, as the database knows it.
struct Root {
  std::string key;   // CanonicalRoot
  std::string name;  // its archive's name: the first part of its articles' ids
  bool settings_changed = false;
  std::unordered_set<Xapian::docid> docs;  // indexed from it before this run
  std::vector<std::string> unlisted;       // directories that could not be listed
};

// What the database holds for one walked file, looked up before reading it.
struct FilePlan {
  bool duplicate = false;                       // its id was walked before, under another root
  bool unchanged = false;                       // every record's stamp equals the file's: not read
  std::vector<IndexWriter::Existing> existing;  // its records indexed before
};

// Files looked up at a time in the plan: the lookups run on this thread
// before their files are read, and only a window of plans is held.
constexpr size_t kPlanChunk = 4096;

// Why a record is written, for the report.
enum class Why : uint8_t { kNewFile, kNewRecord, kOtherRoot, kSettingsChanged, kContentChanged };

const char* WhyText(Why why) {
  switch (why) {
    case Why::kNewFile:
      return "new file";
    case Why::kNewRecord:
      return "new record";
    case Why::kOtherRoot:
      return "indexed before under another root";
    case Why::kSettingsChanged:
      return "extraction settings changed";
    case Why::kContentChanged:
      return "content changed";
  }
  return "";
}

// One record to extract and write, as the plan keeps it until then: a few
// bytes (a 1M-article build holds a million). Its path and file id are its
// walked file's; the rest of the Record (format, metadata) comes back with
// its text, from the text cache or a second read.
struct Work {
  uint32_t file = 0;   // index in walk.files
  uint32_t keyed = 0;  // a record inside a file of many: 1 + index in keyed_; 0: the whole file
  Xapian::docid replaces = 0;  // the earlier version, 0 for a new record
  Why why = Why::kNewFile;
  uint64_t content_hash = 0;  // ContentHashBits of the record's content hash
};

// What names a record inside a file of many (JSON lines, WARC).
struct KeyedRecord {
  std::string id, key, locator;
};

// A text the plan decoded and keeps for the apply pass.
struct CachedText {
  Record record;  // without its bytes
  ArticleText text;
};

// A record extracted and its document built, on a worker thread.
struct Prepared {
  Record record;                    // without its bytes
  std::optional<ArticleText> text;  // none: the record could not be read again
  std::string skip_reason;
  bool unreadable = false;
  schema::PreparedArticle pa;
};

// A removal to report once it is done.
struct Removal {
  std::string path, id, reason;
};

// One lede-index run: plan (compare every file and record with the
// database), then apply (extract and write what changed, remove what is
// gone), then finish (metadata, commit, summary).
class IndexRun {
 public:
  IndexRun(const IndexOptions& options, std::ostream& out, std::ostream& err)
      : options_(options),
        out_(out),
        err_(err),
        report_(options.report_file),
        progress_(err, options.progress),
        threads_(options.threads ? options.threads : DefaultWorkerThreads()),
        budget_(BudgetOf(options)),
        counter_(budget_.LineCounterBytes()) {}

  int Run();

 private:
  void OpenWriter();
  void OpenRoots();
  void Plan();
  FilePlan LookUp(size_t i);
  bool Decide(size_t i, const FilePlan& plan, FileLoad&& load);
  void DecideSkippedFile(const InputFile& f, const FilePlan& plan, const InputRead& read);
  void DecideRecord(size_t i, const FilePlan& plan, RecordText&& rt);
  std::string RecordIdOf(uint32_t ref) const;
  std::string FileIdOf(const InputFile& f) const { return lede::FileIdOf(archives_, f); }
  Root& RootOf(const InputFile& f) { return roots_[walk_.roots[f.root]]; }
  Record PlannedRecord(const Work& w) const;
  void FindGone();
  LineStats CollectionStats();
  void Apply(const LineStats& stats);
  Prepared Prepare(size_t k, const ExtractContext& ctx);
  bool Write(const Work& w, Prepared&& p);
  void RemoveLater(Xapian::docid docid, const std::string& path, const std::string& id,
                   const std::string& reason);
  void Skip(const std::string& path, const std::string& id, const std::string& reason,
            const std::string& detail);
  void RemoveGone();
  void UpdateDrift(bool fresh, int stop);
  void PrintTimings(Clock::time_point indexed_at) const;

  const IndexOptions& options_;
  std::ostream& out_;
  std::ostream& err_;
  ReportWriter report_;
  Progress progress_;
  const unsigned threads_;
  const MemoryBudget budget_;
  // The new texts' line keys are counted as they are read and not kept: the
  // apply pass takes them again from the text it extracts.
  LineCounter counter_;
  std::map<std::string, std::string> aliases_;
  std::string settings_;
  WalkResult walk_;
  std::unique_ptr<IndexWriter> writer_;
  Tally t_;
  std::map<std::string, Root> roots_;  // by command-line argument
  std::vector<std::string> archives_;  // the archive names of walk_.roots
  std::vector<Work> work_;
  std::vector<KeyedRecord> keyed_;  // Work::keyed, and RecordIdOf's keyed refs
  // The texts of work_[0, cache_.size()): the first ones, up to the budget;
  // once they are all taken, pass 2 gives their memory back.
  std::vector<CachedText> cache_;
  size_t cached_bytes_ = 0;
  bool cache_full_ = false;  // a text did not fit: the plan keeps no more
  // Ids met in this run, known by a reference RecordIdOf turns back into
  // the id: a walked file's index, or kKeyedRef | an index in keyed_.
  static constexpr uint32_t kKeyedRef = 0x80000000u;
  IdSet file_ids_{[this](uint32_t ref) { return FileIdOf(walk_.files[ref]); }};
  IdSet record_ids_{[this](uint32_t ref) { return RecordIdOf(ref); }};
  std::unordered_set<Xapian::docid> seen_, remove_;
  std::vector<Removal> removals_;
  size_t drift_ = 0, base_ = 0;
  Clock::time_point start_ = Clock::now(), planned_at_, stats_at_;
  size_t planned_rss_ = 0, indexed_rss_ = 0;  // PeakRssBytes after those phases
};

void IndexRun::Skip(const std::string& path, const std::string& id, const std::string& reason,
                    const std::string& detail) {
  ++t_.skipped;
  ++t_.skip_reasons[reason];
  Warn(err_, options_.quiet, DisplayPath(path), reason + detail);
  report_.Add(path, id, kOutcomeSkipped, reason + detail);
}

void IndexRun::RemoveLater(Xapian::docid docid, const std::string& path, const std::string& id,
                           const std::string& reason) {
  if (!remove_.insert(docid).second) return;
  if (!reason.empty()) removals_.push_back({path, id, reason});
}

void IndexRun::OpenWriter() {
  const unsigned writers = options_.writers ? options_.writers : threads_;
  // Nothing to keep: built aside in parallel parts like a rebuild.
  const bool bulk = options_.rebuild || TakesBulkPath(options_.db_path);
  // Xapian holds a writer's documents in memory until it flushes them.
  const unsigned batch = options_.batch_size ? options_.batch_size
                                             : std::min(bulk ? kRebuildBatch : kUpdateBatch,
                                                        budget_.DocsPerWriter(writers));
  writer_ = std::make_unique<IndexWriter>(options_.db_path, bulk, batch, options_.shards, writers);
}

// Per root: its canonical key, whether its extraction settings changed, the
// articles indexed from it, the directories that could not be listed.
void IndexRun::OpenRoots() {
  ArchiveNames names = KnownArchives(*writer_);
  for (const std::string& arg : options_.paths) {
    if (roots_.count(arg)) continue;
    Root r;
    r.key = CanonicalRoot(arg);
    r.name = names.NameFor(ArchiveOf(r.key, IsDirectory(r.key))).name;
    r.settings_changed = writer_->GetMetadata(schema::RootSettingsKey(r.key)) != settings_;
    for (Xapian::docid d : writer_->DocsUnderRoot(r.key)) r.docs.insert(d);
    // A new root: every article written from now on uses these settings, so
    // they are recorded with the first batch (a killed first run then
    // resumes without re-extracting what it committed).
    if (r.docs.empty()) writer_->SetMetadata(schema::RootSettingsKey(r.key), settings_);
    roots_.emplace(arg, std::move(r));
  }
  for (const UnlistedDir& u : walk_.unlisted) roots_[u.root].unlisted.push_back(u.rel);
  // Names are kept from the first batch on, so a killed run resumes with the
  // ids it began with.
  for (const auto& [name, path] : names.changed())
    writer_->SetMetadata(schema::ArchiveKey(name), schema::EncodeArchive(name, path));
  for (const std::string& root : walk_.roots) archives_.push_back(roots_[root].name);
  // New roots' settings are durable before any article: the shards of a
  // sharded database commit on their own, and every one must carry them.
  writer_->Commit();
}

FilePlan IndexRun::LookUp(size_t i) {
  const InputFile& f = walk_.files[i];
  FilePlan plan;
  const std::string id = FileIdOf(f);
  if (!file_ids_.Insert(id, static_cast<uint32_t>(i))) {
    plan.duplicate = true;
    return plan;
  }
  plan.existing = writer_->RecordsOfFile(id);
  const std::string stamp = FileStamp(f.size, f.mtime_ns);
  const Root& root = RootOf(f);
  plan.unchanged = !plan.existing.empty() && !root.settings_changed;
  for (const IndexWriter::Existing& e : plan.existing)
    plan.unchanged = plan.unchanged && root.docs.count(e.docid) && e.file_stamp == stamp;
  return plan;
}

// Pass 1 (plan): compare each file with what the database holds; read only
// files whose stamp changed, and keep their records' text for pass 2. The
// database lookups come first (Xapian objects belong to this thread);
// reading, decoding and the line keys then run on the worker threads, and
// this thread decides each record's fate in walk order.
void IndexRun::Plan() {
  const size_t n = walk_.files.size();
  if (n >= kKeyedRef) throw InputError("too many files for one run (" + std::to_string(n) + ")");
  file_ids_.Reserve(n);
  record_ids_.Reserve(n);
  const bool line_keys = !options_.plain;
  std::vector<FilePlan> plans;
  progress_.Start("checking", n);
  for (size_t begin = 0; begin < n && !StopSignal(); begin += kPlanChunk) {
    const size_t end = std::min(n, begin + kPlanChunk);
    plans.clear();
    for (size_t i = begin; i < end && !StopSignal(); ++i) plans.push_back(LookUp(i));
    if (StopSignal()) break;
    auto read = [&](size_t k) {
      if (plans[k].duplicate || plans[k].unchanged) return FileLoad();
      const InputFile& f = walk_.files[begin + k];
      return LoadFile(f, FileIdOf(f), line_keys, options_.read);
    };
    const size_t decided = RunOrdered<FileLoad>(
        end - begin, threads_, 8 * size_t{threads_}, read,
        [&](size_t k, FileLoad&& load) { return Decide(begin + k, plans[k], std::move(load)); });
    if (decided < end - begin) break;
  }
  progress_.Clear();
  file_ids_.Clear();
}

bool IndexRun::Decide(size_t i, const FilePlan& plan, FileLoad&& load) {
  if (StopSignal()) return false;
  progress_.Update(i + 1, 0);
  const InputFile& f = walk_.files[i];
  if (plan.duplicate) {
    Skip(f.path, FileIdOf(f), "duplicate id (same relative path under two roots)", "");
    return true;
  }
  for (const IndexWriter::Existing& e : plan.existing) seen_.insert(e.docid);
  if (plan.unchanged) {
    for (const IndexWriter::Existing& e : plan.existing) {
      ++t_.unchanged;
      report_.Add(f.path, e.id, kOutcomeUnchanged, "same size and modification time");
    }
    return true;
  }
  if (!load.read.skip_reason.empty()) {
    DecideSkippedFile(f, plan, load.read);
    return true;
  }
  for (const RecordProblem& p : load.read.problems)
    Skip(p.locator.empty() ? f.path : f.path + " (" + p.locator + ")", "", p.reason, p.detail);
  for (const auto& [reason, n] : load.read.passed_over) t_.passed_over[reason] += n;
  std::unordered_set<std::string> produced;
  for (RecordText& rt : load.texts) {
    produced.insert(rt.record.id);
    DecideRecord(i, plan, std::move(rt));
  }
  for (const IndexWriter::Existing& e : plan.existing)
    if (!produced.count(e.id)) RemoveLater(e.docid, f.path, e.id, "no longer in its file");
  return true;
}

// A file that could not be read, or holds nothing to index: its records
// indexed before are kept when it may still hold them (unreadable), else
// removed.
void IndexRun::DecideSkippedFile(const InputFile& f, const FilePlan& plan, const InputRead& read) {
  std::string detail;
  if (!plan.existing.empty()) {
    detail = read.unreadable ? "; the indexed version is kept" : "; its earlier article is removed";
    if (!read.unreadable)
      for (const IndexWriter::Existing& e : plan.existing) RemoveLater(e.docid, "", "", "");
  }
  Skip(f.path, FileIdOf(f), read.skip_reason, detail);
}

std::string IndexRun::RecordIdOf(uint32_t ref) const {
  return ref & kKeyedRef ? keyed_[ref & ~kKeyedRef].id : FileIdOf(walk_.files[ref]);
}

void IndexRun::DecideRecord(size_t i, const FilePlan& plan, RecordText&& rt) {
  Record& r = rt.record;
  const InputFile& f = walk_.files[i];
  // What PlannedRecord rebuilds from the walk (the readers name records so).
  assert(r.path == f.path && r.file_id == FileIdOf(f));
  const bool whole = r.key.empty() && r.locator.empty() && r.id == r.file_id;
  if (!whole) keyed_.push_back(KeyedRecord{r.id, r.key, r.locator});
  const uint32_t ref =
      whole ? static_cast<uint32_t>(i) : kKeyedRef | static_cast<uint32_t>(keyed_.size() - 1);
  if (!record_ids_.Insert(r.id, ref)) {
    if (!whole) keyed_.pop_back();
    Skip(Where(r), r.id, "duplicate id (same relative path under two roots)", "");
    return;
  }
  std::optional<IndexWriter::Existing> old;
  for (const IndexWriter::Existing& e : plan.existing)
    if (e.id == r.id) old = e;
  if (!old) old = writer_->Find(r.id);  // indexed before from another file or root
  if (old) seen_.insert(old->docid);
  if (const NotText* nt = std::get_if<NotText>(&rt.decoded)) {
    std::string detail;
    if (old) {
      detail = "; its earlier article is removed";
      RemoveLater(old->docid, "", "", "");
    }
    Skip(Where(r), r.id, std::string(NotTextReason(*nt)), detail);
    return;
  }
  const Root& root = RootOf(f);
  const bool ours = old && root.docs.count(old->docid) && !root.settings_changed;
  if (ours && old->content_hash == r.content_hash) {
    const std::string stamp = FileStamp(f.size, f.mtime_ns);
    if (old->file_stamp != stamp) writer_->SetStamp(old->docid, stamp);
    ++t_.unchanged;
    report_.Add(r.path, r.id, kOutcomeUnchanged,
                r.key.empty() ? "same content (only touched)" : "same content");
    return;
  }
  Work w;
  w.file = static_cast<uint32_t>(i);
  w.keyed = whole ? 0 : static_cast<uint32_t>(keyed_.size());
  counter_.AddKeys(rt.line_keys);
  if (old) {
    w.replaces = old->docid;
    w.why = !root.docs.count(old->docid) ? Why::kOtherRoot
            : root.settings_changed      ? Why::kSettingsChanged
                                         : Why::kContentChanged;
  } else {
    w.why = r.key.empty() ? Why::kNewFile : Why::kNewRecord;
  }
  const std::optional<uint64_t> hash = ContentHashBits(r.content_hash);
  assert(hash);  // the readers fill it with ContentHash
  w.content_hash = hash.value_or(0);
  ArticleText& text = std::get<ArticleText>(rt.decoded);
  // The first texts only, up to the budget, counting what the record holds
  // besides its text.
  const size_t bytes = sizeof(CachedText) + text.text.size() + r.id.size() + r.path.size() +
                       r.file_id.size() + r.key.size() + r.locator.size();
  if (!cache_full_ && cached_bytes_ + bytes <= budget_.TextCacheBytes()) {
    cached_bytes_ += bytes;
    cache_.push_back(CachedText{std::move(r), std::move(text)});
  } else {
    cache_full_ = true;
  }
  work_.push_back(w);
}

// Articles whose files are gone: under a root given now, not seen in the
// walk, and not inside a directory that could not be listed.
void IndexRun::FindGone() {
  if (StopSignal()) return;
  for (const auto& [arg, root] : roots_) {
    for (Xapian::docid d : root.docs) {
      if (seen_.count(d) || remove_.count(d)) continue;
      schema::StoredArticle a = writer_->Stored(d);
      if (UnderUnlisted(root.unlisted, a.id.substr(std::min(a.id.size(), root.name.size() + 1))))
        continue;
      RemoveLater(d, a.path, a.id, "file gone");
    }
  }
}

// The collection's line statistics as they will be once this run is done:
// what the database holds, minus replaced and removed versions, plus the new
// texts. Needed only when something is extracted.
LineStats IndexRun::CollectionStats() {
  if (options_.plain || work_.empty() || StopSignal()) return LineStats();
  writer_->AddStoredLineStats(&counter_);
  for (const Work& w : work_)
    if (w.replaces) SubtractKeys(&counter_, writer_->LineKeysOf(w.replaces));
  for (Xapian::docid d : remove_) SubtractKeys(&counter_, writer_->LineKeysOf(d));
  return counter_.Finish();
}

// The record's text again when the plan could not keep it: its file is read
// once more (a file changed since is taken as it is now, with its metadata).
std::optional<ArticleText> ReadAgain(Record* record, const ReadOptions& options,
                                     std::string* skip_reason, bool* unreadable) {
  InputRead read = ReadInputFile(record->path, record->file_id, options);
  *unreadable = read.unreadable;
  *skip_reason = read.skip_reason;
  for (Record& r : read.records) {
    if (r.id != record->id) continue;
    DecodedRecord d = DecodeRecord(r);
    record->format = r.format;
    record->charset = std::move(r.charset);
    record->meta = std::move(r.meta);
    if (ArticleText* text = std::get_if<ArticleText>(&d)) return std::move(*text);
    *skip_reason = std::string(NotTextReason(std::get<NotText>(d)));
    return std::nullopt;
  }
  if (skip_reason->empty()) *skip_reason = "no longer in its file";
  return std::nullopt;
}

// The record a Work stands for, as the plan saw it, without its format and
// metadata (ReadAgain fills them).
Record IndexRun::PlannedRecord(const Work& w) const {
  const InputFile& f = walk_.files[w.file];
  Record r;
  r.path = f.path;
  r.file_id = FileIdOf(f);
  if (w.keyed) {
    const KeyedRecord& k = keyed_[w.keyed - 1];
    r.id = k.id;
    r.key = k.key;
    r.locator = k.locator;
  } else {
    r.id = r.file_id;
  }
  r.content_hash = ContentHashText(w.content_hash);
  return r;
}

// On a worker thread: each k once, so cache_[k] is taken by one thread only.
Prepared IndexRun::Prepare(size_t k, const ExtractContext& ctx) {
  const Work& w = work_[k];
  Prepared p;
  if (k < cache_.size()) {
    p.record = std::move(cache_[k].record);
    p.text = std::move(cache_[k].text);
  } else {
    p.record = PlannedRecord(w);
    p.text = ReadAgain(&p.record, options_.read, &p.skip_reason, &p.unreadable);
  }
  if (!p.text) return p;
  const Record& r = p.record;
  // With the keys of the text as extracted. (The plan counted the text it
  // read: a file changed in between is stored as it is now, under its old
  // stamp, so the next run reads it again.)
  std::vector<uint64_t> line_keys;
  Article a = ExtractRecordAndKeys(r, *p.text, ctx, &line_keys);
  std::string().swap(p.text->text);  // not needed any more: free it early
  schema::StoredArticle sa;
  sa.id = r.id;
  // Absolute, so lede-search can print a path that opens from anywhere.
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(r.path, ec);
  sa.path = ec ? r.path : absolute.lexically_normal().string();
  sa.url = a.url;
  sa.title = a.title;
  sa.date = a.date;
  sa.publisher = a.publisher;
  sa.agency = a.agency;
  sa.language = a.language;
  sa.body = a.Body();
  sa.root = roots_.find(walk_.roots[walk_.files[w.file].root])->second.key;
  sa.file = r.file_id;
  sa.record_key = r.key;
  sa.file_stamp = FileStamp(walk_.files[w.file].size, walk_.files[w.file].mtime_ns);
  sa.content_hash = r.content_hash;
  sa.line_keys = std::move(line_keys);
  if (sa.body.empty() && sa.title.empty()) {
    p.pa.article = std::move(sa);  // skipped by Write
  } else {
    p.pa = schema::PrepareArticle(std::move(sa), StemmerNamed("english"));
  }
  return p;
}

bool IndexRun::Write(const Work& w, Prepared&& p) {
  if (StopSignal()) return false;
  const Record& r = p.record;
  const schema::StoredArticle& sa = p.pa.article;
  if (!p.text || (sa.body.empty() && sa.title.empty())) {
    std::string detail;
    if (w.replaces && !(p.unreadable && !p.text)) {
      detail = "; its earlier article is removed";
      RemoveLater(w.replaces, "", "", "");
    }
    Skip(Where(r), r.id, p.text ? "no article text found" : p.skip_reason, detail);
    return true;
  }
  writer_->Put(std::move(p.pa), w.replaces);
  ++(w.replaces ? t_.updated : t_.added);
  if (p.text->repaired) ++t_.repaired;
  std::string why = WhyText(w.why);
  if (p.text->lines_cut) {
    ++t_.cut;
    why += "; " + std::to_string(p.text->lines_cut) + " line(s) over " +
           std::to_string(kMaxLineBytes >> 10) + " KiB cut";
  }
  report_.Add(r.path, r.id, kOutcomeIndexed, why);
  return true;
}

// Pass 2 (apply): extract → build the document → write. Reading again,
// extraction and the documents run on worker threads; this thread takes the
// results in plan order and does all the writing and bookkeeping, exactly as
// a one-threaded run would.
void IndexRun::Apply(const LineStats& stats) {
  ExtractContext ctx;
  ctx.line_stats = &stats;
  ctx.source_aliases = &aliases_;
  ctx.plain = options_.plain;
  ctx.publisher = options_.publisher;
  if (!work_.empty()) writer_->ReserveArticles(work_.size());
  progress_.Start("indexing", work_.size());
  size_t done = 0;
  RunOrdered<Prepared>(
      work_.size(), threads_, 8 * size_t{threads_}, [&](size_t k) { return Prepare(k, ctx); },
      [&](size_t k, Prepared&& p) {
        progress_.Update(++done, t_.added + t_.updated);
        // The plan's texts are all taken: their memory goes back to the
        // system rather than idling in the arenas of the threads that read
        // them; and now and then what the workers and writers freed.
        if (k + 1 == cache_.size() || (k + 1) % kReleaseEvery == 0) ReleaseFreedMemory();
        return Write(work_[k], std::move(p));
      });
  progress_.Clear();
  // What the plan held per record is not needed any more; the merge that
  // follows is the run's other large allocation.
  std::vector<Work>().swap(work_);
  std::vector<CachedText>().swap(cache_);
  record_ids_.Clear();
  std::vector<KeyedRecord>().swap(keyed_);
  std::unordered_set<Xapian::docid>().swap(seen_);
  ReleaseFreedMemory();
}

void IndexRun::RemoveGone() {
  for (Xapian::docid d : remove_) {
    writer_->Remove(d);
    ++t_.removed;
  }
  for (const Removal& r : removals_) report_.Add(r.path, r.id, kOutcomeRemoved, r.reason);
  for (const auto& [arg, root] : roots_)
    writer_->SetMetadata(schema::RootSettingsKey(root.key), settings_);
}

// How stale the older articles' boilerplate evidence has become.
void IndexRun::UpdateDrift(bool fresh, int stop) {
  const std::string base_meta = writer_->GetMetadata(schema::kMetaStatsBase);
  const size_t changed = t_.added + t_.updated + t_.removed;
  if (fresh || base_meta.empty()) {
    base_ = writer_->DocCount();
    // An interrupted first run is no baseline yet: the run that completes it
    // extracts the rest with the same full statistics and becomes one.
    if (!stop) {
      writer_->SetMetadata(schema::kMetaStatsDrift, "0");
      writer_->SetMetadata(schema::kMetaStatsBase, std::to_string(base_));
    }
  } else {
    drift_ = ParseCount(writer_->GetMetadata(schema::kMetaStatsDrift)) + changed;
    base_ = ParseCount(base_meta);
    writer_->SetMetadata(schema::kMetaStatsDrift, std::to_string(drift_));
  }
}

void IndexRun::PrintTimings(Clock::time_point indexed_at) const {
  if (!std::getenv("LEDE_INDEX_TIMINGS")) return;  // for benchmarks: where the wall time went
  auto secs = [](Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double>(b - a).count();
  };
  char line[300];
  std::snprintf(line, sizeof line,
                "lede-index: timings: plan %.2f s, statistics %.2f s, extract and write "
                "%.2f s, finish (commit, merge/compact, swap) %.2f s\n",
                secs(start_, planned_at_), secs(planned_at_, stats_at_),
                secs(stats_at_, indexed_at), secs(indexed_at, Clock::now()));
  err_ << line;
  // Peak RSS is monotone: the growth each phase brought.
  std::snprintf(line, sizeof line,
                "lede-index: peak RSS: after plan %.1f MB, after extract and write %.1f MB, "
                "after finish %.1f MB\n",
                static_cast<double>(planned_rss_) / 1e6, static_cast<double>(indexed_rss_) / 1e6,
                static_cast<double>(PeakRssBytes()) / 1e6);
  err_ << line;
}

int IndexRun::Run() {
  if (!options_.sources_file.empty()) aliases_ = LoadSourceAliases(options_.sources_file);
  settings_ = ExtractSettings(options_, aliases_);
  walk_ = Walk(options_.paths, options_.walk);
  OpenWriter();
  const bool fresh = options_.rebuild || writer_->DocCount() == 0;
  for (const SkippedPath& s : walk_.skipped) Skip(s.path, "", s.reason, "");
  OpenRoots();

  Plan();
  planned_at_ = Clock::now();
  planned_rss_ = PeakRssBytes();
  FindGone();
  const LineStats stats = CollectionStats();
  stats_at_ = Clock::now();
  Apply(stats);

  const int stop = StopSignal();
  if (!stop) RemoveGone();
  UpdateDrift(fresh, stop);
  const size_t now_docs = writer_->DocCount();
  const auto indexed_at = Clock::now();
  indexed_rss_ = PeakRssBytes();
  // An unfinished rebuild is dropped (by ~IndexWriter): the old database
  // stays as it was. A new database built in bulk keeps what was done, as
  // an update would; only a kill leaves it empty.
  if (!(stop && options_.rebuild)) writer_->Finish();
  PrintTimings(indexed_at);
  report_.Close();

  const double secs = std::chrono::duration<double>(Clock::now() - start_).count();
  PrintSummary(out_, t_, walk_, secs, options_, stop);
  if (!options_.plain && now_docs >= 5 && drift_ * 5 > std::max(base_, now_docs)) {
    out_ << "lede-index: note: " << drift_ << " articles added, changed or removed since every "
         << "article was last extracted together; the recurring-line statistics of older "
         << "articles are stale: lede-index --rebuild re-extracts them all\n";
  }
  if (stop) return 128 + stop;
  return (t_.added + t_.updated + t_.unchanged == 0 && t_.skipped > 0) ? kExitError : kExitMatch;
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
  return IndexRun(options, out, err).Run();
}

namespace {

// Calls each(record, text) for every record of file i that decodes; warns
// about the rest. Returns false when something was skipped.
bool ForEachRecord(Collection& c, size_t i, std::ostream& err,
                   const std::function<void(const Record&, const ArticleText&)>& each) {
  const InputFile& f = c.walk.files[i];
  FileLoad load = Load(c, i);
  if (!load.read.skip_reason.empty()) {
    Warn(err, false, DisplayPath(f.path), load.read.skip_reason);
    return false;
  }
  bool ok = load.read.problems.empty();
  for (const RecordProblem& p : load.read.problems)
    Warn(err, false, DisplayPath(f.path) + (p.locator.empty() ? "" : " (" + p.locator + ")"),
         p.reason + p.detail);
  for (const RecordText& t : load.texts) {
    if (const NotText* nt = std::get_if<NotText>(&t.decoded)) {
      Warn(err, false, DisplayPath(Where(t.record)), std::string(NotTextReason(*nt)));
      ok = false;
      continue;
    }
    each(t.record, std::get<ArticleText>(t.decoded));
  }
  return ok;
}

}  // namespace

int RunExtract(const IndexOptions& options, std::ostream& out, std::ostream& err) {
  Collection c = Gather(options);
  const ExtractContext ctx = ContextFor(c, options);
  int status = kExitMatch;
  for (const SkippedPath& s : c.walk.skipped) {
    Warn(err, false, DisplayPath(s.path), s.reason);
    status = kExitError;
  }
  for (size_t i = 0; i < c.walk.files.size(); ++i) {
    const bool ok = ForEachRecord(c, i, err, [&](const Record& r, const ArticleText& text) {
      Article a = ExtractRecord(r, text, ctx);
      nlohmann::json j;
      j["id"] = r.id;  // the id lede-search prints and --like/--show take
      j["path"] = r.path;
      if (a.url) j["url"] = *a.url;
      j["title"] = a.title;
      j["date"] = DateJson(a);
      j["date_precision"] =
          a.date ? nlohmann::json(PrecisionName(a.date->precision)) : nlohmann::json(nullptr);
      // "source" is the credit lede-search prints: the agency, else the publisher.
      const std::optional<std::string>& credit = a.agency ? a.agency : a.publisher;
      j["source"] = credit ? nlohmann::json(*credit) : nlohmann::json(nullptr);
      j["publisher"] = a.publisher ? nlohmann::json(*a.publisher) : nlohmann::json(nullptr);
      j["agency"] = a.agency ? nlohmann::json(*a.agency) : nlohmann::json(nullptr);
      j["language"] = a.language.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.language);
      j["body"] = a.Body();
      out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    });
    if (!ok) status = kExitError;
  }
  return status;
}

namespace {

// The lines of a text, numbered from 1 (index 0 is line 1).
std::vector<std::string_view> NumberedLines(std::string_view t) {
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (pos <= t.size()) {
    size_t nl = t.find('\n', pos);
    if (nl == std::string_view::npos) nl = t.size();
    lines.push_back(t.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return lines;
}

void ExplainRecord(const Record& r, const ArticleText& text, const ExtractContext& ctx,
                   std::ostream& out) {
  Article a = ExtractRecord(r, text, ctx);
  out << "== " << Where(r) << " (" << text.encoding << ")\n";
  // Lines of the dump, numbered, with the decision and its reason.
  const std::vector<std::string_view> lines = NumberedLines(text.text);
  for (const LineDecision& d : a.lines) {
    // A page's units are its text blocks, which carry their own text.
    std::string line = !d.text.empty() ? d.text
                       : d.line_no >= 1 && static_cast<size_t>(d.line_no) <= lines.size()
                           ? std::string(lines[static_cast<size_t>(d.line_no) - 1])
                           : std::string();
    if (line.size() > 100)
      line = std::string(Utf8Prefix(line, 97)) + "...";  // never cut a UTF-8 sequence
    char head[32];
    std::snprintf(head, sizeof head, "%4d %s ", d.line_no, d.keep ? "KEEP" : "DROP");
    out << head << "[" << d.reason << "] " << line << "\n";
  }
  out << "title:    " << (a.title.empty() ? "(none)" : a.title) << "\n";
  out << "date:     "
      << (a.date ? FormatIsoDate(*a.date) + " (" + PrecisionName(a.date->precision) + ") from \"" +
                       a.date_evidence + "\""
                 : std::string("unknown"))
      << "\n";
  out << "publisher: "
      << (a.publisher ? *a.publisher + " from \"" + a.publisher_evidence + "\""
                      : std::string("unknown"))
      << "\n";
  out << "agency:   "
      << (a.agency ? *a.agency + " from \"" + a.agency_evidence + "\"" : std::string("unknown"))
      << "\n";
  out << "language: " << (a.language.empty() ? "unknown" : a.language) << "\n";
  if (a.url) out << "url:      " << *a.url << "\n";
}

}  // namespace

int RunExplain(const IndexOptions& options, std::ostream& out, std::ostream& err) {
  // FILE#N and FILE#URL name one article inside a file that holds many.
  IndexOptions targets = options;
  std::map<std::string, std::string> fragments;  // by path as walked
  for (std::string& p : targets.paths) {
    RecordTarget t = SplitRecordTarget(p);
    if (!t.fragment) continue;
    fragments[t.path] = *t.fragment;
    p = t.path;
  }
  Collection c = Gather(targets);
  const ExtractContext ctx = ContextFor(c, targets);
  if (c.walk.files.empty()) {
    for (const SkippedPath& s : c.walk.skipped) Warn(err, false, DisplayPath(s.path), s.reason);
    throw InputError("no article file to explain");
  }
  for (size_t i = 0; i < c.walk.files.size(); ++i) {
    auto fragment = fragments.find(c.walk.files[i].path);
    if (fragment == fragments.end()) {
      ForEachRecord(c, i, err, [&](const Record& r, const ArticleText& text) {
        ExplainRecord(r, text, ctx, out);
      });
      continue;
    }
    FileLoad load = Load(c, i);
    const std::string target = DisplayPath(fragment->first) + "#" + fragment->second;
    if (!load.read.skip_reason.empty()) throw InputError(target + ": " + load.read.skip_reason);
    std::vector<Record> records;
    for (const RecordText& t : load.texts) records.push_back(t.record);
    const std::optional<size_t> k = FindRecord(records, fragment->second);
    if (!k)
      throw InputError(target + ": no record with that number, key or URL (the file holds " +
                       std::to_string(records.size()) + " article" +
                       (records.size() == 1 ? "" : "s") + ")");
    const RecordText& t = load.texts[*k];
    if (const NotText* nt = std::get_if<NotText>(&t.decoded))
      throw InputError(target + ": " + std::string(NotTextReason(*nt)));
    ExplainRecord(t.record, std::get<ArticleText>(t.decoded), ctx, out);
  }
  return kExitMatch;
}

}  // namespace lede
