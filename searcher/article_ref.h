// Naming one indexed article: every form lede prints is accepted, so a user
// can paste what they see into --like or --show.
#ifndef LEDE_SEARCHER_ARTICLE_REF_H_
#define LEDE_SEARCHER_ARTICLE_REF_H_

#include <string>

#include <xapian.h>

namespace lede {

// The id of the article ref names, tried in this order:
//  1. an id as JSON and TSV print it ("sub/001_ab.txt");
//  2. an id without its ".txt" (what lede-index --extract printed before);
//  3. a path as the text output prints it (absolute, or relative to cwd, the
//     absolute current directory), or any other spelling of that file's
//     path: matched against the stored path of the articles whose id ends
//     the path;
//  4. a file name without directories (old --extract ids), when exactly one
//     article has it;
//  5. an existing file whose path no id ends: every stored path is compared
//     (ids need not be relative paths for a path to name its article).
// Throws QueryError when nothing matches or a bare name is ambiguous.
// Xapian errors propagate (callers run this under IndexReader::WithRetry).
std::string ResolveArticleRef(const Xapian::Database& db, const std::string& ref,
                              const std::string& cwd);

}  // namespace lede

#endif  // LEDE_SEARCHER_ARTICLE_REF_H_
