// In-place string append for `s += t` when nothing else can see `s` (see str.h). The bytes grow
// into the allocator's slack when there is room, else into a new block twice the needed size, so
// a loop of appends costs amortized O(1) per byte instead of copying the whole string each time.
#include <cstddef>
#include <cstring>

#include "core/object/alloc.h"
#include "core/object/str.h"
#include "core/runtime/allocator.h"
#include "core/unicode/utf8.h"
#include "refcount/refcount.h"

namespace stitch {

bool str_is_appendable(Object* str, std::uint32_t references) {
  return !as_str(str)->is_interned && rc::is_referenced_only_by_owner(&str->header, references);
}

Object* str_append_unique(Object* str, Object* tail) {
  StrObject* head = as_str(str);
  std::string_view added = str_view(tail);
  auto old_bytes = static_cast<std::size_t>(head->byte_length);
  std::size_t needed = sizeof(StrObject) + old_bytes + added.size();  // data[1] holds the NUL
  StrObject* target = head;
  if (rt::heap_usable_size(head) < needed) {
    target = allocate<StrObject>(&str_type, (old_bytes + added.size()) * 2);
    if (target == nullptr) {
      decref(str);
      return nullptr;
    }
    target->byte_length = head->byte_length;
    target->length = head->length;
    target->is_ascii = head->is_ascii;
    target->is_interned = false;
    new (&target->hash) std::atomic<Hash>(-1);
    std::memcpy(target->data, head->data, old_bytes);
    decref(str);  // the only reference: frees the old block
  }
  std::memcpy(target->data + old_bytes, added.data(), added.size());
  target->data[old_bytes + added.size()] = '\0';
  target->byte_length += static_cast<std::int64_t>(added.size());
  target->length += as_str(tail)->length;
  target->is_ascii = target->is_ascii && as_str(tail)->is_ascii;
  target->hash.store(-1, std::memory_order_relaxed);
  return target;
}

}  // namespace stitch
