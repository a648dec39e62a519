// JSON via nlohmann-json; lines via ByteStream, so a .jsonl.gz streams too.
#include "indexer/inputs/jsonl_reader.h"

#include <cmath>
#include <ctime>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "indexer/inputs/http_response.h"

namespace lede {
namespace {

using nlohmann::json;

constexpr size_t kReadBytes = 256u << 10;

const std::vector<std::string>& FieldNames() {
  static const std::vector<std::string> kNames = {"id",  "title",    "date",     "publisher", "agency",
                                                  "url", "language", "text", "html"};
  return kNames;
}

const json* Lookup(const json& object, const std::string& key) {
  if (auto it = object.find(key); it != object.end()) return &*it;
  // A dotted path into nested objects.
  const json* at = &object;
  size_t start = 0;
  while (start <= key.size()) {
    size_t dot = key.find('.', start);
    const std::string part = key.substr(start, dot == std::string::npos ? std::string::npos
                                                                        : dot - start);
    if (!at->is_object()) return nullptr;
    auto it = at->find(part);
    if (it == at->end()) return nullptr;
    at = &*it;
    if (dot == std::string::npos) return at;
    start = dot + 1;
  }
  return nullptr;
}

// A field's value as text: strings as they are, numbers as written, the
// "name" of an object (a JSON-LD publisher), the first usable array element.
std::optional<std::string> AsText(const json& v, bool is_date) {
  if (v.is_string()) {
    const std::string& s = v.get_ref<const std::string&>();
    if (s.find_first_not_of(" \t\r\n") == std::string::npos) return std::nullopt;
    return s;
  }
  if (v.is_number() && is_date) {
    // Unix time, in seconds or (when too large for seconds) milliseconds.
    double t = v.get<double>();
    if (!std::isfinite(t)) return std::nullopt;
    if (std::fabs(t) > 1e11) t /= 1000;
    if (t < -2208988800.0 || t > 4102444800.0) return std::nullopt;  // 1900..2100
    std::time_t secs = static_cast<std::time_t>(t);
    std::tm tm{};
    if (!gmtime_r(&secs, &tm)) return std::nullopt;
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return std::string(buf);
  }
  if (v.is_number()) return v.dump();
  if (v.is_object()) {
    for (const char* k : {"name", "@value", "value", "text"})
      if (auto it = v.find(k); it != v.end())
        if (auto s = AsText(*it, is_date)) return s;
    return std::nullopt;
  }
  if (v.is_array()) {
    for (const json& e : v)
      if (auto s = AsText(e, is_date)) return s;
  }
  return std::nullopt;
}

std::optional<std::string> Field(const json& object, const JsonlFields& fields,
                                 const std::string& name) {
  auto it = fields.keys.find(name);
  if (it == fields.keys.end()) return std::nullopt;
  for (const std::string& key : it->second)
    if (const json* v = Lookup(object, key))
      if (auto s = AsText(*v, name == "date")) return s;
  return std::nullopt;
}

// News APIs put HTML in "content" or "body" as often as text; markup there is
// read as a page, not indexed as words.
bool HasMarkup(std::string_view s) {
  if (LooksLikeHtml(s)) return true;
  for (const char* tag : {"<p>", "<p ", "<div", "<br", "</p>", "<article"})
    if (s.find(tag) != std::string_view::npos) return true;
  return false;
}

}  // namespace

JsonlFields DefaultJsonlFields() {
  JsonlFields f;
  f.keys["id"] = {"id", "guid", "_id"};
  f.keys["title"] = {"title", "headline"};
  f.keys["date"] = {"date",          "published", "publishedAt", "published_at",
                    "datePublished", "pubDate",   "date_publish"};
  f.keys["publisher"] = {"publisher", "source", "site", "site_name", "source_name"};
  f.keys["agency"] = {"agency"};
  f.keys["url"] = {"url", "link", "canonical_url"};
  f.keys["language"] = {"language", "lang"};
  f.keys["text"] = {"text", "body", "content", "article", "maintext"};
  f.keys["html"] = {"html", "raw_html"};
  return f;
}

void MapJsonlField(JsonlFields* fields, std::string_view setting) {
  const size_t eq = setting.find('=');
  std::string name(setting.substr(0, eq));
  // The field's name before agencies were told apart from publishers.
  if (name == "source") name = "publisher";
  const std::string key(eq == std::string_view::npos ? "" : setting.substr(eq + 1));
  bool known = false;
  std::string names;
  for (const std::string& n : FieldNames()) {
    known |= n == name;
    names += (names.empty() ? "" : ", ") + n;
  }
  if (eq == std::string_view::npos || key.empty() || !known)
    throw UsageError("--field " + std::string(setting) + ": expected NAME=KEY with NAME one of " +
                     names);
  auto& keys = fields->keys[name];
  keys.insert(keys.begin(), key);
}

std::optional<JsonlArticle> ParseJsonlLine(std::string_view line, const JsonlFields& fields,
                                           JsonlProblem* problem) {
  json j;
  try {
    j = json::parse(line);
  } catch (const json::parse_error& e) {
    problem->what = "not valid JSON";
    problem->detail = " (at byte " + std::to_string(e.byte) + ")";
    return std::nullopt;
  }
  if (!j.is_object()) {
    problem->what = "not a JSON object";
    return std::nullopt;
  }
  JsonlArticle a;
  a.id = Field(j, fields, "id");
  a.title = Field(j, fields, "title");
  a.date = Field(j, fields, "date");
  a.publisher = Field(j, fields, "publisher");
  a.agency = Field(j, fields, "agency");
  a.url = Field(j, fields, "url");
  a.language = Field(j, fields, "language");
  if (auto text = Field(j, fields, "text")) {
    a.html = HasMarkup(*text);
    a.content = std::move(*text);
  } else if (auto html = Field(j, fields, "html")) {
    a.html = true;
    a.content = std::move(*html);
  } else {
    problem->what = "no article text (none of the text or html keys)";
    return std::nullopt;
  }
  a.raw = std::string(line);
  return a;
}

JsonlReader::JsonlReader(std::unique_ptr<ByteStream> in, JsonlFields fields, size_t max_line)
    : in_(std::move(in)), fields_(std::move(fields)), max_line_(max_line) {}

bool JsonlReader::ReadLine(std::string* line, bool* too_long) {
  *too_long = false;
  line->clear();
  for (;;) {
    size_t nl = buf_.find('\n', pos_);
    if (nl != std::string::npos || eof_) {
      size_t end = nl == std::string::npos ? buf_.size() : nl;
      if (nl == std::string::npos && pos_ == end && line->empty() && !*too_long) return false;
      if (!*too_long) line->append(buf_, pos_, end - pos_);
      pos_ = nl == std::string::npos ? end : nl + 1;
      if (line->size() > max_line_) {
        *too_long = true;
        line->clear();
      }
      if (!line->empty() && line->back() == '\r') line->pop_back();
      return true;
    }
    // No line end yet: keep the partial line (or only its length, when it is
    // already too long) and read on.
    if (!*too_long) line->append(buf_, pos_, std::string::npos);
    if (line->size() > max_line_) {
      *too_long = true;
      line->clear();
    }
    buf_.clear();
    pos_ = 0;
    buf_.resize(kReadBytes);
    size_t got = in_->Read(buf_.data(), kReadBytes);
    buf_.resize(got);
    if (in_->TakeGap()) {
      // Lines do not join across damaged data: the cut line is dropped with a problem.
      ++line_;
      problems_.push_back({line_, "line cut by damaged gzip data", ""});
      line->clear();
      *too_long = false;
    } else if (got == 0) {
      eof_ = true;
    }
  }
}

std::optional<JsonlArticle> JsonlReader::Next() {
  std::string line;
  bool too_long = false;
  while (ReadLine(&line, &too_long)) {
    ++line_;
    if (line_ == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);  // BOM
    if (too_long) {
      problems_.push_back({line_, "line too long",
                           " (over " + std::to_string(max_line_ >> 20) + " MiB)"});
      continue;
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    JsonlProblem problem;
    if (auto a = ParseJsonlLine(line, fields_, &problem)) {
      a->line = line_;
      return a;
    }
    problem.line = line_;
    problems_.push_back(std::move(problem));
  }
  return std::nullopt;
}

std::vector<JsonlProblem> JsonlReader::problems() const {
  std::vector<JsonlProblem> all = problems_;
  for (const StreamProblem& p : in_->problems())
    all.push_back({0, p.what, " (at byte " + std::to_string(p.offset) + ")"});
  return all;
}

}  // namespace lede
