// The attribute names of an object, as dir() lists them: the object's own __dict__, then every
// class of its MRO (class dicts, native methods and properties); for a class, its own MRO.
#pragma once

#include <vector>

#include "core/object/object.h"

namespace stitch {

/// Appends the str keys of `dict` (new references) to `out`; nothing for a non-dict.
void add_dict_key_names(Object* dict, std::vector<Object*>& out);
/// Appends the attribute names (new references, unsorted, may repeat) of `object`. -1 on error.
int collect_attribute_names(Object* object, std::vector<Object*>& out);
/// A sorted list of `names` with duplicates removed; takes the references in `names`.
Object* sorted_name_list(std::vector<Object*>& names);

}  // namespace stitch
