// How lede-index tells whether a file changed since it was indexed: a cheap
// stamp from stat(2) first, then a hash of the bytes when the stamp differs.
#ifndef LEDE_INDEXER_FILE_IDENTITY_H_
#define LEDE_INDEXER_FILE_IDENTITY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lede {

// "size:mtime_ns", the schema's kSlotFileStamp value. Equal stamps mean the
// file is taken as unchanged without reading it (as make and rsync do).
std::string FileStamp(uint64_t size, int64_t mtime_ns);

// 16 lowercase hex digits of a 64-bit hash of the bytes (kSlotContentHash):
// equal hashes mean a touched but unchanged file. Not cryptographic; stable
// across platforms and releases (it is stored in databases).
std::string ContentHash(std::string_view bytes);

// The 64 bits ContentHash's 16 hex digits spell (what lede-index keeps of a
// planned record), or nullopt for a string ContentHash cannot produce; and
// back: ContentHashText(*ContentHashBits(h)) == h.
std::optional<uint64_t> ContentHashBits(std::string_view hex);
std::string ContentHashText(uint64_t bits);

}  // namespace lede

#endif  // LEDE_INDEXER_FILE_IDENTITY_H_
