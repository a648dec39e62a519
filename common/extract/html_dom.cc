// Decoding and flattening an HTML page (see html_dom.h). The walk is
// iterative, with a depth cap, so a hostile page nested a million deep costs
// memory proportional to its size and no stack; gumbo's nodes live in an
// arena freed at once, because gumbo's own destructor recurses.
#include "common/extract/html_dom.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <gumbo.h>
#include <iconv.h>
#include <memory>
#include <string_view>
#include <unordered_map>

#include "common/text/decode.h"
#include "common/text/utf8.h"

namespace lede {
namespace {

// ---- gumbo's memory ------------------------------------------------------

// Bump allocation in large chunks; frees are ignored and the whole arena goes
// at once. Gumbo frees little during a parse (it keeps every node), so the
// arena stays within a small multiple of what malloc would hold.
class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena() {
    for (char* c : chunks_) std::free(c);
  }

  void* Allocate(size_t size) {
    size = (size + 15) & ~size_t{15};
    if (size > left_) {
      const size_t chunk = std::max(size, kChunk);
      char* c = static_cast<char*>(std::malloc(chunk));
      if (c == nullptr) throw std::bad_alloc();
      chunks_.push_back(c);
      next_ = c;
      left_ = chunk;
    }
    void* p = next_;
    next_ += size;
    left_ -= size;
    return p;
  }

  static void* Alloc(void* self, size_t size) {
    return static_cast<Arena*>(self)->Allocate(size);
  }
  static void Free(void*, void*) {}

 private:
  static constexpr size_t kChunk = size_t{1} << 20;
  std::vector<char*> chunks_;
  char* next_ = nullptr;
  size_t left_ = 0;
};

// A parsed tree whose memory is the arena's.
struct Parsed {
  Arena arena;
  GumboOutput* output = nullptr;
};

std::unique_ptr<Parsed> Parse(std::string_view html) {
  auto p = std::make_unique<Parsed>();
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &Arena::Alloc;
  options.deallocator = &Arena::Free;
  options.userdata = &p->arena;
  options.max_errors = 0;  // parse errors are not used; recording them costs time
  p->output = gumbo_parse_with_options(&options, html.data(), html.size());
  return p;
}

// ---- small helpers -------------------------------------------------------

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Whitespace runs (ASCII and U+00A0) become one space; the ends are trimmed.
std::string Collapse(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = true;  // drops leading whitespace
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool nbsp = c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';
    if (IsSpace(c) || c == '\v' || nbsp) {
      if (nbsp) ++i;
      if (!space) out.push_back(' ');
      space = true;
    } else {
      out.push_back(c);
      space = false;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

int CodePoints(std::string_view s) {
  int n = 0;
  for (const char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

const char* Attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a == nullptr ? nullptr : a->value;
}

std::string TagName(const GumboNode* n) {
  const GumboElement& e = n->v.element;
  if (e.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(e.tag);
  // Custom elements ("amp-img", "my-story"): the name as written.
  GumboStringPiece piece = e.original_tag;
  gumbo_tag_from_original_text(&piece);
  return Lower(std::string_view(piece.data, piece.length));
}

// ---- charset -------------------------------------------------------------

// A charset label as iconv knows it, or "" for labels that mean UTF-8 or
// that are unusable. Follows the WHATWG mapping where it differs from the
// label's letter: Latin-1 and ASCII mean windows-1252, GB2312 means GBK...
std::string IconvName(std::string_view label) {
  std::string l = Lower(TrimSpaces(label));
  while (!l.empty() && (l.front() == '"' || l.front() == '\'')) l.erase(0, 1);
  while (!l.empty() && (l.back() == '"' || l.back() == '\'' || l.back() == ';')) l.pop_back();
  if (l.empty() || l == "utf-8" || l == "utf8" || l == "unicode-1-1-utf-8") return "";
  // A page cannot declare UTF-16 in ASCII bytes; browsers read it as UTF-8.
  if (l.rfind("utf-16", 0) == 0 || l.rfind("utf-32", 0) == 0 || l == "unicode") return "";
  if (l == "iso-8859-1" || l == "latin1" || l == "latin-1" || l == "us-ascii" ||
      l == "ascii" || l == "iso8859-1" || l == "l1" || l == "cp1252") {
    return "WINDOWS-1252";
  }
  if (l == "gb2312" || l == "gbk" || l == "x-gbk" || l == "gb_2312-80") return "GB18030";
  if (l == "shift_jis" || l == "shift-jis" || l == "sjis" || l == "x-sjis" || l == "ms_kanji") {
    return "CP932";
  }
  if (l == "euc-kr" || l == "ks_c_5601-1987") return "CP949";
  if (l == "tis-620" || l == "iso-8859-11") return "CP874";
  if (l == "iso-8859-9" || l == "latin5") return "WINDOWS-1254";
  return l;
}

// Converts with iconv; each byte it rejects becomes U+FFFD. False when iconv
// does not know the charset.
bool ConvertWithIconv(std::string_view in, const std::string& charset, std::string* out,
                      bool* repaired) {
  iconv_t cd = iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  std::unique_ptr<void, int (*)(iconv_t)> closer(cd, iconv_close);
  out->clear();
  std::string buf(in.size() * 2 + 64, '\0');
  // iconv's prototype takes char** but never writes through the input.
  char* in_ptr = const_cast<char*>(in.data());
  size_t in_left = in.size();
  while (in_left > 0) {
    char* out_ptr = buf.data();
    size_t out_left = buf.size();
    const size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
    out->append(buf.data(), buf.size() - out_left);
    if (rc != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) continue;
    // EILSEQ or EINVAL (a sequence cut at the end): one byte is lost.
    AppendUtf8(kReplacementChar, out);
    *repaired = true;
    ++in_ptr;
    --in_left;
    iconv(cd, nullptr, nullptr, nullptr, nullptr);
  }
  char* out_ptr = buf.data();
  size_t out_left = buf.size();
  iconv(cd, nullptr, nullptr, &out_ptr, &out_left);
  out->append(buf.data(), buf.size() - out_left);
  if (!IsValidUtf8(*out)) {
    *out = RepairUtf8(*out);
    *repaired = true;
  }
  return true;
}

// The charset a <meta> in the page's head declares, read by parsing its first
// 4 KiB (the HTML standard's prescan reads 1024 bytes; pages put long
// comments and scripts first).
std::string DeclaredCharset(std::string_view bytes) {
  constexpr size_t kPrescanBytes = 4096;
  std::unique_ptr<Parsed> p = Parse(bytes.substr(0, kPrescanBytes));
  std::vector<const GumboNode*> stack{p->output->root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    const GumboElement& e = n->v.element;
    if (e.tag == GUMBO_TAG_META) {
      if (const char* cs = Attr(e, "charset")) return cs;
      const char* equiv = Attr(e, "http-equiv");
      const char* content = Attr(e, "content");
      if (equiv != nullptr && content != nullptr && Lower(equiv) == "content-type") {
        std::string c = Lower(content);
        size_t at = c.find("charset=");
        if (at != std::string::npos) {
          std::string_view v = std::string_view(content).substr(at + 8);
          size_t end = v.find_first_of("; ");
          return std::string(v.substr(0, end));
        }
      }
    }
    if (e.tag == GUMBO_TAG_BODY) continue;
    for (unsigned i = e.children.length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(e.children.data[i - 1]));
    }
  }
  return "";
}

bool HasBom(std::string_view b) {
  return b.rfind("\xEF\xBB\xBF", 0) == 0 || b.rfind("\xFF\xFE", 0) == 0 ||
         b.rfind("\xFE\xFF", 0) == 0;
}

bool IsAscii(std::string_view b) {
  for (const char c : b) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// ---- what class and id words say -----------------------------------------

// Words of class names and ids that mark page furniture, strong enough to set
// an element aside whatever its text: a class-name part starting with one of
// them counts ("comments", "share-bar", "sidebar2").
constexpr std::string_view kFurniturePrefixes[] = {
    "comment",        "share",      "sharing", "social",     "related",  "sidebar",
    "newsletter",     "subscri",    "signup",  "navigation", "navbar",   "menu",
    "breadcrumb",     "footer",     "popup",   "modal",      "cookie",   "consent",
    "gdpr",           "outbrain",   "taboola", "recommend",  "trending", "popular",
    "mostread",       "pagination", "pager",   "disqus",     "skiplink", "sronly",
    "visuallyhidden", "login",      "advert",  "sponsor",    "promo",    "newsticker"};
// The same, as whole parts only ("ad" but not "address").
constexpr std::string_view kFurnitureWords[] = {"ad", "ads", "nav", "tag", "tags", "rss", "skip"};
// Words that only lower an element's score: they name furniture on some
// sites and the story's wrapper on others ("widget-container", "header").
constexpr std::string_view kWeakPrefixes[] = {
    "widget", "masthead", "banner",  "toolbar", "byline",  "author",   "caption", "credit",
    "teaser", "hidden",   "overlay", "dialog",  "tooltip", "carousel", "slider",  "ticker"};
constexpr std::string_view kWeakWords[] = {"meta",   "more",          "next",  "prev",
                                           "print",  "tools",         "extra", "aside",
                                           "header", "complementary", "foot"};
constexpr std::string_view kPositivePrefixes[] = {
    "article", "content", "entry", "story", "post", "body", "prose", "richtext", "blogpost"};
constexpr std::string_view kPositiveWords[] = {"text", "main", "page", "hentry", "news"};

// What one class name says: -2 when any of its words names furniture
// ("article__comments", "related-posts"), else its last telling word (its BEM
// element): 1 story, -1 maybe furniture, 0 nothing.
int NameSign(std::string_view name) {
  int sign = 0;
  bool furniture = false;
  size_t i = 0;
  // Every element's class names and id are read, each word against some
  // ninety list words: compare the first byte before the rest.
  auto starts = [](std::string_view w, std::string_view p) {
    return w.size() >= p.size() && w[0] == p[0] && w.compare(0, p.size(), p) == 0;
  };
  auto is = [](std::string_view w, std::string_view p) { return w[0] == p[0] && w == p; };
  std::string w;
  while (i < name.size()) {
    while (i < name.size() && !std::isalnum(static_cast<unsigned char>(name[i]))) ++i;
    size_t j = i;
    while (j < name.size() && std::isalnum(static_cast<unsigned char>(name[j]))) ++j;
    if (j == i) break;
    w.assign(name, i, j - i);
    for (char& c : w) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    int s = 0;
    for (std::string_view p : kPositivePrefixes) {
      if (starts(w, p)) s = 1;
    }
    for (std::string_view p : kPositiveWords) {
      if (is(w, p)) s = 1;
    }
    for (std::string_view p : kWeakPrefixes) {
      if (starts(w, p)) s = -1;
    }
    for (std::string_view p : kWeakWords) {
      if (is(w, p)) s = -1;
    }
    for (std::string_view p : kFurniturePrefixes) {
      if (starts(w, p)) furniture = true;
    }
    for (std::string_view p : kFurnitureWords) {
      if (is(w, p)) furniture = true;
    }
    if (s != 0) sign = s;
    i = j;
  }
  return furniture ? -2 : sign;
}

// The verdict of all class names and the id together: -2 when one of them
// names furniture, else the sign of their sum (as a weight of 25). sign is
// NameSign or a memo of it.
template <typename Sign>
int WeightOf(std::string_view classes, std::string_view id, bool* furniture, Sign&& sign) {
  int sum = 0;
  *furniture = false;
  auto add = [&](std::string_view name) {
    const int s = sign(name);
    if (s == -2) *furniture = true;
    sum += s < 0 ? -1 : s;
  };
  size_t i = 0;
  while (i < classes.size()) {
    while (i < classes.size() && IsSpace(classes[i])) ++i;
    size_t j = i;
    while (j < classes.size() && !IsSpace(classes[j])) ++j;
    if (j > i) add(classes.substr(i, j - i));
    i = j;
  }
  if (!id.empty()) add(id);
  if (*furniture) return -25;
  return sum > 0 ? 25 : sum < 0 ? -25 : 0;
}

// ---- the walk --------------------------------------------------------------

enum class Kind { kInline, kBlock, kSkip };

bool HiddenByStyle(const GumboElement& e) {
  const char* style = Attr(e, "style");
  if (style == nullptr) return false;
  std::string s;
  for (const char* c = style; *c != '\0'; ++c) {
    if (!IsSpace(*c)) s.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(*c))));
  }
  return s.find("display:none") != std::string::npos ||
         s.find("visibility:hidden") != std::string::npos;
}

Kind KindOf(const GumboNode* n) {
  const GumboElement& e = n->v.element;
  switch (e.tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_BUTTON: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_TITLE:
    case GUMBO_TAG_MAP: case GUMBO_TAG_DATALIST: case GUMBO_TAG_OPTION:
    case GUMBO_TAG_MENU:
      return Kind::kSkip;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_CENTER: case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR: case GUMBO_TAG_LI: case GUMBO_TAG_MAIN: case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_UL: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_BR: case GUMBO_TAG_BODY: case GUMBO_TAG_HTML: case GUMBO_TAG_HEAD:
    case GUMBO_TAG_LEGEND: case GUMBO_TAG_LISTING: case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_XMP:
      return Kind::kBlock;
    case GUMBO_TAG_UNKNOWN: {
      // HTML5 elements gumbo 0.10 predates.
      const std::string name = TagName(n);
      if (name == "dialog") return Kind::kBlock;
      if (name == "picture" || name == "source") return Kind::kSkip;
      return Kind::kInline;
    }
    default:
      return Kind::kInline;
  }
}

// Elements a text browser sets apart with an empty line.
bool SpacedOut(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_FIGURE: case GUMBO_TAG_HR:
      return true;
    default:
      return false;
  }
}

uint32_t FlagsOf(const GumboNode* n, const std::string& role, int class_weight, bool furniture) {
  const GumboElement& e = n->v.element;
  uint32_t f = 0;
  switch (e.tag) {
    case GUMBO_TAG_ARTICLE: f |= kInArticle; break;
    case GUMBO_TAG_MAIN: f |= kInMain; break;
    case GUMBO_TAG_NAV: f |= kInNav; break;
    case GUMBO_TAG_ASIDE: f |= kInAside; break;
    case GUMBO_TAG_FOOTER: f |= kInFooter; break;
    case GUMBO_TAG_HEADER: f |= kInHeader; break;
    case GUMBO_TAG_FIGCAPTION: f |= kInCaption; break;
    case GUMBO_TAG_FIGURE: f |= kInFigure; break;
    case GUMBO_TAG_FORM: f |= kInForm; break;
    case GUMBO_TAG_LI: case GUMBO_TAG_DD: case GUMBO_TAG_DT: f |= kInList; break;
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: f |= kInTable; break;
    case GUMBO_TAG_BLOCKQUOTE: f |= kInQuote; break;
    case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING: case GUMBO_TAG_XMP: f |= kPre; break;
    case GUMBO_TAG_ADDRESS: f |= kInAddress; break;
    default: break;
  }
  if (e.tag == GUMBO_TAG_UNKNOWN && TagName(n) == "dialog") f |= kInDialog;
  if (role == "main") f |= kInMain;
  if (role == "navigation" || role == "menu" || role == "menubar") {
    f |= kInNav;
  }
  if (role == "complementary") f |= kInAside;
  if (role == "contentinfo") f |= kInFooter;
  if (role == "banner") f |= kInHeader;
  if (role == "dialog" || role == "alertdialog" || role == "alert") f |= kInDialog;
  if (role == "article") f |= kInArticle;
  if (const char* ip = Attr(e, "itemprop")) {
    std::string v = Lower(ip);
    if (v == "articlebody" || v == "text") f |= kInArticle | kPositive;
  }
  if (furniture) f |= kNegative;
  if (class_weight > 0) f |= kPositive;
  return f;
}

class Walker {
 public:
  Walker(HtmlPage* page, bool skip_hidden) : page_(page), skip_hidden_(skip_hidden) {}

  void Run(const GumboNode* root) {
    struct Frame {
      const GumboNode* node;
      unsigned next_child;
      int saved_node;
      int saved_link;
      bool block;
    };
    std::vector<Frame> stack;
    auto enter = [&](const GumboNode* n) {
      Frame f{n, 0, current_node_, in_link_, false};
      if (n->type == GUMBO_NODE_ELEMENT) {
        const int depth = static_cast<int>(stack.size());
        f.block = Open(n, depth);
      }
      stack.push_back(f);
    };
    enter(root);
    while (!stack.empty()) {
      Frame& top = stack.back();
      const GumboNode* n = top.node;
      bool descend = false;
      if (n->type == GUMBO_NODE_ELEMENT && top.next_child != kSkipChildren &&
          top.next_child < n->v.element.children.length) {
        descend = true;
      } else if (n->type == GUMBO_NODE_DOCUMENT && top.next_child < n->v.document.children.length) {
        descend = true;
      }
      if (descend) {
        const GumboVector& kids = n->type == GUMBO_NODE_DOCUMENT ? n->v.document.children
                                                                 : n->v.element.children;
        const auto* child = static_cast<const GumboNode*>(kids.data[top.next_child++]);
        if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE ||
            child->type == GUMBO_NODE_CDATA) {
          Text(child->v.text.text);
        } else if (child->type == GUMBO_NODE_ELEMENT) {
          enter(child);
          if (skip_next_) {
            stack.back().next_child = kSkipChildren;
            skip_next_ = false;
          }
        }
        continue;
      }
      if (top.block) Close(top.node);
      current_node_ = top.saved_node;
      in_link_ = top.saved_link;
      stack.pop_back();
    }
    Flush();
  }

 private:
  static constexpr unsigned kSkipChildren = ~0u;

  // Returns true when the element opens a block of its own.
  bool Open(const GumboNode* n, int depth) {
    const GumboElement& e = n->v.element;
    Head(n);
    Kind kind = KindOf(n);
    if (kind != Kind::kSkip && skip_hidden_) {
      if (Attr(e, "hidden") != nullptr || HiddenByStyle(e)) kind = Kind::kSkip;
      const char* aria = Attr(e, "aria-hidden");
      if (aria != nullptr && Lower(aria) == "true") kind = Kind::kSkip;
    }
    if (kind == Kind::kSkip) {
      skip_next_ = true;
      return false;
    }
    if (e.tag == GUMBO_TAG_A && Attr(e, "href") != nullptr) ++in_link_;
    if (e.tag == GUMBO_TAG_TIME) {
      HtmlTime t;
      if (const char* dt = Attr(e, "datetime")) t.datetime = dt;
      t.text = Collapse(InnerText(n));
      t.pubdate = Attr(e, "pubdate") != nullptr;
      if (const char* ip = Attr(e, "itemprop")) t.pubdate = t.pubdate || Lower(ip) == "datepublished";
      t.block = static_cast<int>(page_->blocks.size()) + (text_.empty() ? 0 : 1);
      page_->times.push_back(std::move(t));
    }
    if (kind == Kind::kInline || depth > kMaxHtmlDepth) return false;

    Flush();
    if (e.tag == GUMBO_TAG_BR || e.tag == GUMBO_TAG_HR) {
      if (e.tag == GUMBO_TAG_HR) blank_pending_ = true;
      return false;
    }
    if (SpacedOut(e.tag)) blank_pending_ = true;
    HtmlNode node;
    node.parent = current_node_;
    node.tag = TagName(n);
    node.depth = depth;
    const char* cls = Attr(e, "class");
    const char* id = Attr(e, "id");
    bool furniture = false;
    node.class_weight = WeightOf(cls != nullptr ? cls : "", id != nullptr ? id : "", &furniture,
                                 [this](std::string_view name) { return MemoNameSign(name); });
    node.furniture = furniture;
    std::string role;
    if (const char* r = Attr(e, "role")) role = Lower(TrimSpaces(r));
    const uint32_t inherited =
        current_node_ >= 0 ? page_->nodes[static_cast<size_t>(current_node_)].flags : 0;
    // Positive and negative marks are the nearest ancestor's verdict.
    uint32_t own = FlagsOf(n, role, node.class_weight, furniture);
    uint32_t flags = inherited | own;
    if (own & kPositive) flags &= ~kNegative;
    if (own & kNegative) flags &= ~kPositive;
    node.flags = flags;
    node.label = node.tag;
    if (id != nullptr && *id != '\0') {
      node.label += "#" + std::string(std::string_view(id).substr(0, 40));
    } else if (cls != nullptr && *cls != '\0') {
      std::string_view c = TrimSpaces(cls);
      node.label += "." + std::string(c.substr(0, std::min(c.find(' '), size_t{40})));
    }
    current_node_ = static_cast<int>(page_->nodes.size());
    page_->nodes.push_back(std::move(node));
    return true;
  }

  void Close(const GumboNode* n) {
    Flush();
    if (SpacedOut(n->v.element.tag)) blank_pending_ = true;
  }

  // What <head> (and stray head elements in the body) says about the page.
  void Head(const GumboNode* n) {
    const GumboElement& e = n->v.element;
    switch (e.tag) {
      case GUMBO_TAG_HTML:
        if (const char* l = Attr(e, "lang")) {
          page_->lang = l;
        } else if (const char* xl = Attr(e, "xml:lang")) {
          page_->lang = xl;
        }
        break;
      case GUMBO_TAG_TITLE:
        if (page_->title_tag.empty() && e.tag_namespace == GUMBO_NAMESPACE_HTML) {
          page_->title_tag = Collapse(InnerText(n));
        }
        break;
      case GUMBO_TAG_LINK: {
        const char* rel = Attr(e, "rel");
        const char* href = Attr(e, "href");
        if (rel != nullptr && href != nullptr && Lower(TrimSpaces(rel)) == "canonical" &&
            page_->canonical.empty()) {
          page_->canonical = std::string(TrimSpaces(href));
        }
        break;
      }
      case GUMBO_TAG_SCRIPT: {
        const char* type = Attr(e, "type");
        if (type != nullptr && Lower(TrimSpaces(type)) == "application/ld+json") {
          page_->json_ld.push_back(InnerText(n));
        }
        break;
      }
      default:
        break;
    }
    const char* content = Attr(e, "content");
    if (content == nullptr && e.tag == GUMBO_TAG_TIME) content = Attr(e, "datetime");
    if (content == nullptr) return;
    for (const char* key : {"property", "name", "itemprop", "http-equiv"}) {
      if (const char* k = Attr(e, key)) {
        if (e.tag != GUMBO_TAG_META && std::strcmp(key, "itemprop") != 0) continue;
        page_->metas.emplace_back(Lower(TrimSpaces(k)), Collapse(content));
      }
    }
  }

  // The text of an element's subtree (iterative).
  static std::string InnerText(const GumboNode* n) {
    std::string out;
    std::vector<const GumboNode*> stack{n};
    while (!stack.empty()) {
      const GumboNode* x = stack.back();
      stack.pop_back();
      if (x->type == GUMBO_NODE_TEXT || x->type == GUMBO_NODE_WHITESPACE ||
          x->type == GUMBO_NODE_CDATA) {
        out.append(x->v.text.text);
      } else if (x->type == GUMBO_NODE_ELEMENT) {
        const GumboVector& kids = x->v.element.children;
        for (unsigned i = kids.length; i > 0; --i) {
          stack.push_back(static_cast<const GumboNode*>(kids.data[i - 1]));
        }
      }
    }
    return out;
  }

  void Text(const char* raw) {
    std::string_view s(raw);
    size_t before = text_.size();
    // Collapse as the text arrives, keeping one space between pieces.
    bool space = text_.empty() || text_.back() == ' ';
    for (size_t i = 0; i < s.size(); ++i) {
      const char c = s[i];
      const bool nbsp = c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';
      if (IsSpace(c) || c == '\v' || nbsp) {
        if (nbsp) ++i;
        if (!space) text_.push_back(' ');
        space = true;
      } else {
        text_.push_back(c);
        space = false;
      }
    }
    if (in_link_ > 0) link_chars_ += CodePoints(std::string_view(text_).substr(before));
  }

  void Flush() {
    while (!text_.empty() && text_.back() == ' ') text_.pop_back();
    if (!text_.empty()) {
      HtmlBlock b;
      b.node = current_node_;
      if (current_node_ >= 0) {
        const HtmlNode& node = page_->nodes[static_cast<size_t>(current_node_)];
        b.tag = node.tag;
        b.flags = node.flags;
        if (node.tag.size() == 2 && node.tag[0] == 'h' && node.tag[1] >= '1' &&
            node.tag[1] <= '6') {
          b.heading = node.tag[1] - '0';
        }
      }
      b.chars = CodePoints(text_);
      b.link_chars = std::min(link_chars_, b.chars);
      b.blank_before = blank_pending_;
      b.text = std::move(text_);
      page_->blocks.push_back(std::move(b));
      blank_pending_ = false;
    }
    text_.clear();
    link_chars_ = 0;
  }

  // NameSign of a class name or id, worked out once per page: a page repeats
  // a few hundred class names on thousands of elements. The names are views
  // of the parse tree's attributes, which outlive the walk.
  int MemoNameSign(std::string_view name) {
    auto [it, fresh] = name_signs_.try_emplace(name, 0);
    if (fresh) it->second = NameSign(name);
    return it->second;
  }

  HtmlPage* page_;
  bool skip_hidden_;
  std::unordered_map<std::string_view, int> name_signs_;
  int current_node_ = -1;
  int in_link_ = 0;
  bool skip_next_ = false;
  bool blank_pending_ = false;
  std::string text_;
  int link_chars_ = 0;
};

// Gumbo checks the stack of open elements for every tag, so a page that
// nests deeper and deeper costs time quadratic in its depth (100,000 open
// <div>s take over a minute). Real pages nest a few dozen deep. This counts
// open tags the way the parser will roughly see them (void elements and
// elements that close themselves, such as <p> and <li>, do not deepen) and
// returns where the count passes kMaxOpenTags: the page is parsed up to there.
constexpr int kMaxOpenTags = 4096;

bool OpensNoLevel(std::string_view name) {
  static const char* const kNames[] = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
      "source", "track", "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th", "keygen"};
  for (const char* n : kNames) {
    if (name == n) return true;
  }
  return false;
}

size_t NestingCut(std::string_view html) {
  int depth = 0;
  size_t i = 0;
  const size_t n = html.size();
  auto skip_to = [&](std::string_view end) {
    size_t at = html.find(end, i);
    i = at == std::string_view::npos ? n : at + end.size();
  };
  while (i < n) {
    i = html.find('<', i);
    if (i == std::string_view::npos || i + 1 >= n) break;
    const size_t tag_start = i;
    const char c = html[i + 1];
    if (c == '!') {
      i += 2;
      skip_to(html.compare(i, 2, "--") == 0 ? "-->" : ">");
      continue;
    }
    if (c == '/') {
      if (depth > 0) --depth;
      i += 2;
      continue;
    }
    if (!std::isalpha(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < n && std::isalnum(static_cast<unsigned char>(html[j]))) ++j;
    std::string name = Lower(html.substr(i + 1, j - i - 1));
    size_t close = html.find('>', j);
    if (close == std::string_view::npos) break;
    const bool self_closed = close > 0 && html[close - 1] == '/';
    i = close + 1;
    if (name == "script" || name == "style" || name == "textarea" || name == "title" ||
        name == "xmp" || name == "iframe" || name == "noscript") {
      const std::string end = "</" + name;
      size_t at = i;
      // Case-insensitive search for the end tag of raw text.
      while (at < n) {
        at = html.find("</", at);
        if (at == std::string_view::npos) break;
        if (Lower(html.substr(at, end.size())) == end) break;
        at += 2;
      }
      i = at == std::string_view::npos ? n : at;
      continue;
    }
    if (self_closed || OpensNoLevel(name)) continue;
    if (++depth > kMaxOpenTags) return tag_start;
  }
  return n;
}

}  // namespace

int ClassWeight(std::string_view classes, std::string_view id, bool* furniture) {
  return WeightOf(classes, id, furniture, NameSign);
}

std::string DecodeHtmlBytes(std::string_view bytes, std::string_view http_charset,
                            std::string* encoding, bool* repaired) {
  *repaired = false;
  auto by_name = [&](const std::string& name, std::string* out) {
    if (!ConvertWithIconv(bytes, name, out, repaired)) return false;
    *encoding = name;
    return true;
  };
  std::string out;
  // NULs near the start: UTF-16 without a byte order mark, or not text at
  // all; DecodeToUtf8 tells them apart.
  const bool nul = bytes.substr(0, kBinarySniffBytes).find('\0') != std::string_view::npos;
  if (!HasBom(bytes) && !nul) {
    std::string header = IconvName(http_charset);
    if (!header.empty() && by_name(header, &out)) return out;
    const bool header_says_utf8 = !TrimSpaces(http_charset).empty() && header.empty();
    if (IsValidUtf8(bytes)) {
      *encoding = IsAscii(bytes) ? "ASCII" : "UTF-8";
      return std::string(bytes);
    }
    if (!header_says_utf8) {
      std::string declared = IconvName(DeclaredCharset(bytes));
      if (!declared.empty() && by_name(declared, &out)) return out;
    }
  }
  DecodeResult r = DecodeToUtf8(bytes);
  if (auto* d = std::get_if<DecodedText>(&r)) {
    *encoding = d->encoding;
    *repaired = d->repaired;
    return std::move(d->utf8);
  }
  // Empty, whitespace or NUL-ridden bytes: nothing to decode; the parse
  // finds no text and the caller reports it.
  *encoding = "none";
  return "";
}

std::variant<DecodedText, NotText> DecodeHtml(std::string_view bytes,
                                              std::string_view http_charset) {
  if (bytes.empty()) return NotText::kEmpty;
  DecodedText d;
  d.utf8 = DecodeHtmlBytes(bytes, http_charset, &d.encoding, &d.repaired);
  if (d.encoding == "none") {
    DecodeResult r = DecodeToUtf8(bytes);
    if (auto* why = std::get_if<NotText>(&r)) return *why;
    return NotText::kBinary;
  }
  if (TrimSpaces(d.utf8).empty()) return NotText::kWhitespaceOnly;
  return d;
}

HtmlPage ParseHtml(std::string_view utf8, bool skip_hidden) {
  HtmlPage page;
  if (utf8.size() > kMaxHtmlBytes) {
    size_t cut = kMaxHtmlBytes;
    while (cut > 0 && (static_cast<unsigned char>(utf8[cut]) & 0xC0) == 0x80) --cut;
    utf8 = utf8.substr(0, cut);
    page.truncated = true;
  }
  const size_t nested = NestingCut(utf8);
  if (nested < utf8.size()) {
    utf8 = utf8.substr(0, nested);
    page.truncated = true;
  }
  std::unique_ptr<Parsed> parsed = Parse(utf8);
  Walker walker(&page, skip_hidden);
  walker.Run(parsed->output->document);
  return page;
}

HtmlPage ParseHtmlBytes(std::string_view bytes, std::string_view http_charset) {
  std::string encoding;
  bool repaired = false;
  std::string utf8 = DecodeHtmlBytes(bytes, http_charset, &encoding, &repaired);
  HtmlPage page = ParseHtml(utf8, true);
  page.encoding = std::move(encoding);
  page.repaired = repaired;
  return page;
}

}  // namespace lede
