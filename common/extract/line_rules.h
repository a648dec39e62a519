// What a single line of a page is, read from the line alone: an
// end-of-article signal, share buttons, a legal notice, a photo caption or
// credit, a byline, a breadcrumb trail, a tag line, a time stamp. The word
// lists live in line_rules.cc, apart from the boilerplate stages and the
// headline and date finders that weigh these tests.
#ifndef LEDE_COMMON_EXTRACT_LINE_RULES_H_
#define LEDE_COMMON_EXTRACT_LINE_RULES_H_

#include <functional>
#include <string>
#include <string_view>

#include "common/extract/line_features.h"

namespace lede {

// In the functions below, text is a trimmed line, key its LineKey and words
// its LineFeatures::words.

// "Most Popular", "Comments (12)", "Related Stories": a short line opening
// the page furniture that follows an article, in eight languages.
bool IsEndSignalKey(const std::string& key);

// "Share", "Advertisement", "Sign in": furniture wherever it stands, even
// between two paragraphs of the story.
bool IsFurnitureKey(const std::string& key);

// Legal and account furniture (footers, cookie banners, newsletter boxes):
// a copyright sign or a phrase never said in a story; weaker phrases mark
// short lines only.
bool HasFurnitureText(const std::string& text, const std::string& key, int words);

// "... (Image: GETTY)", "... Credit: ESA": a caption that ends with its
// credit.
bool EndsWithCredit(const std::string& text);

// "Foto: Jane Roe", "Photo: Agency": the line opens with a photo credit's
// label, in the languages lede reads.
bool StartsWithCreditLabel(std::string_view text);

// "In this photo ...", "Photo: Hau Dinh, AP", "... (AP Photo/...)": a photo
// caption or credit by its set phrases.
bool IsCaption(const std::string& key, int words);

// "Tags: ads, meth", "Filed under: Music", "Wordcount: 717": index entries
// and counters under a story.
bool IsTaxonomyLine(const std::string& text, const std::string& key, int words);

// How many arrows or slashes of a breadcrumb trail ("Home » News",
// "Software ›", "BLOG > Tips") the line holds.
int BreadcrumbArrows(std::string_view text);

// "Home » News » World": a few short items joined by arrows or slashes.
bool IsBreadcrumbTrail(std::string_view text, int words);

// "SEE MORE: ...", "Read more: ...": a link to another story.
bool IsTeaserLink(const std::string& text, const std::string& key);

// "Related", "Watch", "Baca juga" opening a short line: a teaser, not a
// sub-heading.
bool IsInlineTeaser(const std::string& key);

// A word that goes with a time stamp ("published", "8:22am", "est",
// "monday"); w is lower case.
bool IsStampWord(std::string_view w);

// "By Laura Mowat", "By Matthew Digby, Minh Do on Monday, November 18th,
// 2019 at 11:08 a.m.": "By", names in capitals, perhaps a date. "By Monday,
// the council had agreed ..." is a sentence.
bool IsByline(const std::string& text, const LineFeatures& f);

// "Jane Roe, John Doe and Ann Poe", "Birgit Roe Anna Doe Jan Poe": names
// and nothing else, a byline without "By". is_stop is the page's stop-word
// test: a headline in Title Case still has function words.
bool IsNameLine(std::string_view text, const LineFeatures& f,
                const std::function<bool(std::string_view)>& is_stop);

// The same test in two strengths. kList: three names or more joined by
// commas or "and" (IsNameLine). kRun: six capitalised words or more and no
// function word, as when w3m runs author or tag links together; a headline
// in Title Case in a language with a short stop-word list looks the same, so
// this is evidence, not proof.
enum class NameShape { kNone, kList, kRun };
NameShape NameLineShape(std::string_view text, const LineFeatures& f,
                        const std::function<bool(std::string_view)>& is_stop);

// A line that is little more than a dated time stamp ("Published: 10:48,
// Tue, Nov 19, 2019 | Updated: ..."); "June 9 -- Coral Sky Amphitheatre"
// in a list is not.
bool IsDateStamp(const std::string& text, const LineFeatures& f);

// An image caption w3m runs together with its alt text: the line is some
// text followed by itself again (or by the start of itself).
bool IsSelfRepeat(std::string_view text);

// "1 of 12", "Image 3 of 5", "14 Photos": a gallery's counter (key is a
// LineKey).
bool IsGalleryCounter(const std::string& key, int words);

// A gallery item's counter at the start of a line: "3/50 City for sale",
// "Image 3 of 12", "3 of 12 |". Sets *index and *total (index <= total).
bool ParseGalleryCounter(std::string_view text, int* index, int* total);

// A line whose key ends in "as follows" in a language lede reads ("wie
// folgt", "comme suit", "次のとおり"): it announces a list, as a colon does.
bool EndsAnnouncingAList(const std::string& key);

// "About Jane Roe", "Über Jane Roe", "Sobre Jane Roe": the heading of a
// box about a person (the author), two or three words shaped like a name.
bool IsAboutPersonHeading(std::string_view text);

// A note that closes an article and is not its text: an author's bio
// ("Jane Roe is a staff writer at ..."), a contact address, "Additional
// reporting by ...".
bool IsClosingNote(const std::string& text, const std::string& key, const LineFeatures& f);

// "[image]", or a short line holding a URL.
bool LooksLikeLink(std::string_view text, const LineFeatures& f);

}  // namespace lede

#endif  // LEDE_COMMON_EXTRACT_LINE_RULES_H_
