// Who published a page, as distinct from the agency its story credits: read
// from what every site prints about itself in its chrome and footer, never
// from a list of sites. The signals: a copyright notice ("© 2019 NAME. All
// rights reserved"), the site naming itself ("Contact NAME", "Support NAME",
// "NAME - Back to home", "Subscribe to NAME's newsletters", "Follow NAME on
// Twitter"), a short site-name line printed in both the header and the
// footer, and the outlet naming its own reporter ("VOA's Brian Padden
// reports"). One signal alone is weak (a menu says "About Syria", a caption
// says "© Jane Roe"); FindPublisher takes a name only when the signals agree.
#ifndef LEDE_COMMON_EXTRACT_PUBLISHER_DETECT_H_
#define LEDE_COMMON_EXTRACT_PUBLISHER_DETECT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/extract/source_detect.h"

namespace lede {

enum class PublisherSignal {
  kCopyright,      // "© 2019 NAME. All rights reserved."
  kSelfReference,  // "Contact NAME", "Follow NAME on Twitter", "NAME logo"
  kSiteNameLine,   // a short line printed in both the header and the footer
  kOwnReporter,    // "NAME's Jane Roe reports"
};

struct PublisherCandidate {
  std::string name;  // as written, legal suffixes ("Inc.", "LLC") dropped
  std::string evidence;
  PublisherSignal signal = PublisherSignal::kCopyright;
};

// The holder of a copyright notice, when line is one: "©2019 FOX News
// Network, LLC. All rights reserved." gives "FOX News Network". A notice
// needs a year, "all rights reserved" or a legal suffix, unless it is in the
// page's footer (in_footer) and opens its line ("© Acme Daily"); photo
// credits ("© REUTERS / POOL", "(Image: © NASA)", "a man on a bed© Amazon",
// "Image copyright Getty Images") are not notices.
std::optional<PublisherCandidate> PublisherFromCopyright(std::string_view line,
                                                         bool in_footer = false);

// A short line of the page's chrome naming the site: "Contact CT Post",
// "Support The Guardian", "The Guardian - Back to home", "Subscribe to
// NJ.com’s newsletters", "Download the Moneycontrol App", "Follow NAME on
// Twitter", "NAME is part of ...". "Contact Us", "Follow her on Twitter" are
// not.
std::optional<PublisherCandidate> PublisherFromSelfReference(std::string_view line);

// What a page says about who published it and whom it credits in its
// notices.
struct PageCredits {
  std::optional<SourceMatch> publisher;
  // A wire agency's copyright notice ("© 2019 The Associated Press. All
  // rights reserved."): the agency whose copy the page carries.
  std::optional<SourceMatch> agency_notice;
};

// The publisher of a whole page (lines of its text dump). agency is the
// agency the story credits (canonical, "" when none): a notice naming it is
// the agency's, not the publisher's, unless the site also names itself so.
// Names are canonicalised with KnownSource ("Voice of America" -> "VOA").
PageCredits FindPageCredits(const std::vector<std::string_view>& lines,
                            std::string_view agency, const SourceAliases* aliases);

// True when two publisher or agency names name the same outlet: their words
// share one that is not a generic word of outlet names ("Guardian News &
// Media" and "The Guardian"; not "Daily Star" and "Daily Mail").
bool SameOutlet(std::string_view a, std::string_view b);

// True for the canonical names of the wire agencies that sell copy to other
// outlets (AP, Reuters, AFP, Xinhua...), whose notices and datelines appear
// on pages the agency did not publish.
bool IsWireAgency(std::string_view canonical_name);

}  // namespace lede

#endif  // LEDE_COMMON_EXTRACT_PUBLISHER_DETECT_H_
