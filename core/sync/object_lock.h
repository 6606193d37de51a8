// object_mutex: the per-object lock of every Stitch object is the `mutex` byte of its 32-byte
// rc::ObjectHeader (refcount/object_header.h); this views that byte as a sync::Mutex.
//
// Why a view: refcount/ sits below core/sync/ and cannot name Mutex, so the header declares a plain
// std::atomic<std::uint8_t>, and Mutex is a standard-layout class whose only member is exactly such
// an atomic byte. The static_asserts below pin that layout compatibility; the byte is only ever
// accessed atomically, by Mutex and by nothing else.
#pragma once

#include <atomic>
#include <cstdint>
#include <type_traits>

#include "core/sync/mutex.h"
#include "refcount/object_header.h"

namespace stitch::sync {

static_assert(sizeof(Mutex) == sizeof(decltype(rc::ObjectHeader::mutex)));
static_assert(alignof(Mutex) == alignof(decltype(rc::ObjectHeader::mutex)));
static_assert(std::is_same_v<decltype(rc::ObjectHeader::mutex), std::atomic<std::uint8_t>>,
              "Mutex's only member is a std::atomic<std::uint8_t>");
static_assert(std::is_standard_layout_v<Mutex> && std::is_trivially_destructible_v<Mutex>);

/// The lock of the object whose header is `header`.
inline Mutex& object_mutex(rc::ObjectHeader* header) {
  return *reinterpret_cast<Mutex*>(&header->mutex);
}
// Typical use: `CriticalSection section(object_mutex(header));` (critical_section.h).

}  // namespace stitch::sync
