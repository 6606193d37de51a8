#include "core/object/str.h"

#include <cstring>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/object/alloc.h"
#include "core/object/bool.h"
#include "core/object/builtin_types.h"
#include "core/object/singletons.h"
#include "core/text/utf8.h"
#include "core/unicode/utf8.h"

namespace stitch {

TypeObject str_type;

bool is_str(const Object* object) {
  return type_has_flag(type_of(object), type_flags::kStrSubclass);
}

namespace {

StrObject* allocate_str(std::string_view text) {
  auto* str = allocate<StrObject>(&str_type, text.size());
  if (str == nullptr) return nullptr;
  str->byte_length = static_cast<std::int64_t>(text.size());
  str->is_ascii = unicode::is_ascii(text);
  str->length = str->is_ascii ? str->byte_length
                              : static_cast<std::int64_t>(unicode::count_code_points(text));
  new (&str->hash) std::atomic<Hash>(-1);
  str->is_interned = false;
  if (!text.empty()) std::memcpy(str->data, text.data(), text.size());  // an empty view may be null
  str->data[text.size()] = '\0';
  return str;
}

// Our own string hash (CPython randomizes its own, so no test may depend on the values): FNV-1a
// over 8-byte words with a final avalanche. Never returns -1.
Hash compute_hash(std::string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325ull ^ text.size();
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    hash = (hash ^ word) * 0x100000001b3ull;
    hash ^= hash >> 29;
  }
  for (; i < text.size(); ++i) hash = (hash ^ static_cast<unsigned char>(text[i])) * 0x100000001b3ull;
  hash ^= hash >> 33;
  hash *= 0xff51afd7ed558ccdull;
  hash ^= hash >> 33;
  auto result = static_cast<Hash>(hash);
  return result == -1 ? -2 : result;
}

void str_dealloc(Object* object) { free_object_memory(object); }
Object* str_str(Object* object) { return new_ref(object); }

Object* str_rich_compare(Object* left, Object* right, CompareOp op) {
  if (!is_str(right)) return new_ref(not_implemented());
  // UTF-8 byte order is code-point order, which is Python's str order.
  int order = str_view(left).compare(str_view(right));
  bool result = false;
  switch (op) {
    case CompareOp::kLt: result = order < 0; break;
    case CompareOp::kLe: result = order <= 0; break;
    case CompareOp::kEq: result = order == 0; break;
    case CompareOp::kNe: result = order != 0; break;
    case CompareOp::kGt: result = order > 0; break;
    case CompareOp::kGe: result = order >= 0; break;
  }
  return bool_from(result);
}

int str_is_true(Object* object) { return as_str(object)->byte_length != 0; }
std::int64_t str_length(Object* object) { return as_str(object)->length; }

// Interned strings are process-wide: they are immortal and immutable, so every runtime may share
// them. The table maps views of the strings' own (immortal) bytes.
struct InternTable {
  std::mutex mutex;
  std::unordered_map<std::string_view, Object*> strings;
};
InternTable& intern_table() {
  static auto* table = new InternTable;  // never destroyed: interned strings outlive everything
  return *table;
}

}  // namespace

Object* str_from_utf8(std::string_view text) { return allocate_str(text); }

Object* str_intern(std::string_view text) {
  // Runtime code interns names on hot paths ("__init__" at every instantiation): a per-thread
  // cache in front of the locked table keeps threads off its mutex. Entries view the interned
  // strings' own immortal bytes, so they never dangle; the cache is bounded by starting over.
  constexpr std::size_t kThreadCacheLimit = 4096;
  thread_local std::unordered_map<std::string_view, Object*> thread_cache;
  if (auto cached = thread_cache.find(text); cached != thread_cache.end()) return cached->second;
  Object* result;
  {
    InternTable& table = intern_table();
    std::lock_guard<std::mutex> guard(table.mutex);
    auto found = table.strings.find(text);
    if (found != table.strings.end()) {
      result = found->second;
    } else {
      StrObject* str = allocate_str(text);
      if (str == nullptr) return nullptr;
      rc::make_immortal(&str->header);
      str->is_interned = true;
      table.strings.emplace(str_view(str), str);
      result = str;
    }
  }
  if (thread_cache.size() >= kThreadCacheLimit) thread_cache.clear();
  thread_cache.emplace(str_view(result), result);
  return result;
}

Hash str_hash(Object* object) {
  StrObject* str = as_str(object);
  // Relaxed: every thread computes the same value, so a racing reader either sees -1 and
  // recomputes it or sees the final value; nothing else is published through this field.
  Hash hash = str->hash.load(std::memory_order_relaxed);
  if (hash == -1) {
    hash = compute_hash(str_view(object));
    str->hash.store(hash, std::memory_order_relaxed);
  }
  return hash;
}

bool str_equal(const Object* a, const Object* b) {
  if (a == b) return true;
  return str_view(a) == str_view(b);
}

void init_str_type() {
  init_static_type(str_type, "str", sizeof(StrObject), &object_type,
                   type_flags::kBaseType | type_flags::kStrSubclass);
  str_type.dealloc = str_dealloc;
  str_type.repr = str_repr;
  str_type.str = str_str;
  str_type.hash = str_hash;
  str_type.rich_compare = str_rich_compare;
  str_type.number.is_true = str_is_true;
  str_type.length = str_length;
}

}  // namespace stitch
