// One queue and one thread per part; the caller's thread only hands over.
#include "indexer/part_writers.h"

#include "common/error.h"

namespace lede {
namespace {

// Documents waiting per part: enough to ride out a slow commit of one part
// while the other keeps writing, small enough to bound memory.
constexpr size_t kQueueDepth = 64;


}  // namespace

PartWriters::PartWriters(std::vector<Xapian::WritableDatabase> parts,
                         std::vector<std::string> names, unsigned batch_size,
                         bool spelling_each_commit, PartRotation rotation)
    : parts_(std::move(parts)),
      names_(std::move(names)),
      batch_size_(batch_size == 0 ? 1 : batch_size),
      spelling_each_commit_(spelling_each_commit),
      rotation_(std::move(rotation)),
      state_(parts_.size()) {
  if (rotation_.docs_per_part == 0) rotation_.docs_per_part = 1;
  threads_.reserve(parts_.size());
  for (size_t k = 0; k < parts_.size(); ++k) threads_.emplace_back([this, k] { Run(k); });
}

PartWriters::~PartWriters() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  work_cv_.notify_all();
  room_cv_.notify_all();
  for (std::thread& t : threads_) t.join();
}

void PartWriters::ThrowIfFailed() {
  if (!failure_.empty()) throw IndexError(failure_);
}

void PartWriters::Add(size_t k, Xapian::Document doc,
                      std::vector<std::pair<std::string, unsigned>> spelling, Xapian::docid docid,
                      bool replaces) {
  {
    std::unique_lock<std::mutex> lock(mu_);
    room_cv_.wait(lock, [&] { return !failure_.empty() || state_[k].queue.size() < kQueueDepth; });
    ThrowIfFailed();
    state_[k].queue.push_back(Item{std::move(doc), std::move(spelling), docid, replaces});
  }
  work_cv_.notify_all();
}

void PartWriters::Drain() {
  std::unique_lock<std::mutex> lock(mu_);
  for (Part& p : state_) p.drain = true;
  work_cv_.notify_all();
  room_cv_.wait(lock, [&] {
    if (!failure_.empty()) return true;
    for (const Part& p : state_)
      if (p.drain || p.busy || !p.queue.empty()) return false;
    return true;
  });
  ThrowIfFailed();
}

std::vector<std::string> PartWriters::Chunks() const {
  std::vector<std::string> out;
  for (const Part& p : state_) out.insert(out.end(), p.chunks.begin(), p.chunks.end());
  return out;
}

Xapian::doccount PartWriters::ChunkDocs() const {
  Xapian::doccount n = 0;
  for (const Part& p : state_) n += p.closed_docs;
  return n;
}

Xapian::WritableDatabase& PartWriters::ChunkFor(size_t k) {
  Part& part = state_[k];
  if (!part.chunk_open) {
    const std::string path = rotation_.dir + "/part-" + std::to_string(k) + "-" +
                             std::to_string(part.chunks.size());
    part.chunk = Xapian::WritableDatabase(path, rotation_.flags);
    part.chunk_open = true;
    part.chunk_docs = 0;
    part.chunks.push_back(path);
  }
  return part.chunk;
}

void PartWriters::CloseChunk(size_t k) {
  Part& part = state_[k];
  if (!part.chunk_open) return;
  part.chunk.commit();
  part.chunk.close();
  part.chunk = Xapian::WritableDatabase();
  part.chunk_open = false;
  part.closed_docs += part.chunk_docs;
  WriteSpelling(k);
}

void PartWriters::WriteSpelling(size_t k) {
  state_[k].spelling.ApplyTo(parts_[k]);
  parts_[k].commit();
}

void PartWriters::Run(size_t k) {
  Xapian::WritableDatabase& db = parts_[k];
  Part& part = state_[k];
  for (;;) {
    Item item;
    bool commit_now = false;
    {
      std::unique_lock<std::mutex> lock(mu_);
      work_cv_.wait(
          lock, [&] { return stop_ || !failure_.empty() || !part.queue.empty() || part.drain; });
      if (stop_) return;
      if (!failure_.empty()) {
        // One part failed: the build is lost; wait for the owner to stop us.
        part.queue.clear();
        part.drain = false;
        room_cv_.notify_all();
        work_cv_.wait(lock, [&] { return stop_; });
        return;
      }
      if (!part.queue.empty()) {
        item = std::move(part.queue.front());
        part.queue.pop_front();
      } else {
        commit_now = true;  // drain asked and everything queued is written
      }
      part.busy = true;
    }
    room_cv_.notify_all();
    std::string error;
    try {
      if (commit_now) {
        if (!rotation_.dir.empty()) CloseChunk(k);
        part.spelling.ApplyTo(db);
        db.commit();
        part.pending = 0;
      } else if (!rotation_.dir.empty()) {
        if (item.docid) throw IndexError("a rotated part only takes new documents");
        ChunkFor(k).add_document(item.doc);
        part.spelling.Count(item.spelling, +1);
        if (part.spelling.size() >= rotation_.spelling_words) WriteSpelling(k);
        if (++part.chunk_docs >= rotation_.docs_per_part)
          CloseChunk(k);
        else if (part.chunk_docs % batch_size_ == 0)
          part.chunk.commit();
      } else {
        if (item.replaces) {
          try {
            part.spelling.Count(schema::DecodeData(db.get_document(item.docid).get_data()), -1);
          } catch (const Xapian::DocNotFoundError&) {  // NOLINT(bugprone-empty-catch)
          }
        }
        if (item.docid)
          db.replace_document(item.docid, item.doc);
        else
          db.add_document(item.doc);
        part.spelling.Count(item.spelling, +1);
        if (++part.pending >= batch_size_) {
          if (spelling_each_commit_) part.spelling.ApplyTo(db);
          db.commit();
          part.pending = 0;
        }
      }
    } catch (const Xapian::Error& e) {
      error = "cannot write database " + names_[k] + ": " + e.get_description();
    } catch (const std::exception& e) {
      error = "cannot write database " + names_[k] + ": " + e.what();
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      part.busy = false;
      if (commit_now) part.drain = false;
      if (!error.empty() && failure_.empty()) failure_ = error;
    }
    room_cv_.notify_all();
    if (!error.empty()) work_cv_.notify_all();  // the other parts stop too
  }
}

}  // namespace lede
