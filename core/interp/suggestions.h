// The "Did you mean: 'x'?" hint CPython 3.11 appends to an uncaught NameError or AttributeError
// (Python/suggestions.c): the closest candidate name by a Levenshtein distance in which a case
// change costs 1 and any other edit 2, accepted only when at most about a third of the
// characters change.
#pragma once

#include <string>

#include "core/object/object.h"

namespace stitch::interp {

/// ". Did you mean: 'name'?" for a NameError/AttributeError with a close candidate, else "".
std::string suggestion_suffix(Object* exception);

}  // namespace stitch::interp
