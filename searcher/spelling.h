// "did you mean": a corrected query from the spelling data the indexer
// builds from article titles and bodies (schema::ReplaceArticle).
#ifndef LEDE_SEARCHER_SPELLING_H_
#define LEDE_SEARCHER_SPELLING_H_

#include <string>
#include <string_view>

#include <xapian.h>

namespace lede {

// The query with each word the database does not know replaced by Xapian's
// spelling suggestion for it (normalized form: "communique"); operators,
// quotes and field prefixes are kept. "" when no word changes.
std::string SuggestSpelling(const Xapian::Database& db, std::string_view query);

}  // namespace lede

#endif  // LEDE_SEARCHER_SPELLING_H_
