// --like ID: articles similar to a given one, by Xapian relevance feedback:
// the expansion set (ESet) of the article's own terms becomes the query.
#ifndef LEDE_SEARCHER_RELATED_H_
#define LEDE_SEARCHER_RELATED_H_

#include <string>

#include <xapian.h>

#include "searcher/query_builder.h"

namespace lede {

// How many of the article's best terms make the query.
inline constexpr Xapian::termcount kRelatedTerms = 25;

// The article's id as the index has it: id itself, or id + ".txt". Throws
// QueryError when neither is indexed.
std::string ResolveArticleId(const Xapian::Database& db, const std::string& id);

// A query for articles like the one with this (resolved) id: its top
// kRelatedTerms body and title stems, OR-ed with their ESet weights. The
// article itself is excluded, and with exclude_copies its near-duplicate
// copies too. highlight_terms holds the stems used. The text shown as the
// query is "like:<id>".
ParsedQuery RelatedQuery(const Xapian::Database& db, const std::string& id, bool exclude_copies);

}  // namespace lede

#endif  // LEDE_SEARCHER_RELATED_H_
