// The builtin types. They are static objects, made immortal and filled in by
// init_object_model() (once per process: builtin types are immutable and shared by every runtime).
#pragma once

#include "core/object/type.h"

namespace stitch {

extern TypeObject object_type;
extern TypeObject type_type;
extern TypeObject none_type;
extern TypeObject not_implemented_type;
extern TypeObject str_type;
extern TypeObject tuple_type;

void init_number_types();    // numbers.cmake: int arithmetic, float
void init_sequence_types();  // sequences.cmake: list, range, slice, iterators
void init_mapping_types();   // mappings.cmake: dict, set, frozenset
void init_str_methods();     // strings.cmake: str methods and formatting
void init_constructors();    // constructors.cpp: type(x), int(x), str(x), exceptions, …

/// Initializes every builtin type and singleton. Idempotent and thread-safe.
void init_object_model();

/// Fills the parts every builtin type shares (header made immortal, type pointer, base, name,
/// flags inherited from the base). `hash` defaults to identity, like object.__hash__: an
/// unhashable type sets it back to nullptr after this call.
void init_static_type(TypeObject& type, const char* name, std::size_t basic_size, TypeObject* base,
                      std::uint32_t flags);

}  // namespace stitch
