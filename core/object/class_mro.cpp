// C3 linearization (the MRO of a class), as CPython's mro_implementation: merge the MROs of the
// bases and the list of bases, repeatedly taking the first head that appears in no tail.
#include <string>
#include <vector>

#include "core/object/class_type.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/tuple.h"

namespace stitch {

namespace {

// The MRO of a base as a vector: its mro tuple, or (builtin types) its chain of bases.
std::vector<TypeObject*> mro_of(TypeObject* type) {
  std::vector<TypeObject*> order;
  if (type->mro != nullptr) {
    TupleObject* mro = as_tuple(type->mro);
    for (std::int64_t i = 0; i < mro->size; ++i) order.push_back(static_cast<TypeObject*>(mro->items[i]));
  } else {
    for (TypeObject* t = type; t != nullptr; t = t->base) order.push_back(t);
  }
  return order;
}

bool in_a_tail(TypeObject* candidate, const std::vector<std::vector<TypeObject*>>& sequences,
               const std::vector<std::size_t>& positions) {
  for (std::size_t s = 0; s < sequences.size(); ++s) {
    for (std::size_t i = positions[s] + 1; i < sequences[s].size(); ++i) {
      if (sequences[s][i] == candidate) return true;
    }
  }
  return false;
}

}  // namespace

Object* compute_mro(TypeObject* type, Object* bases) {
  TupleObject* base_tuple = as_tuple(bases);
  for (std::int64_t i = 0; i < base_tuple->size; ++i) {
    for (std::int64_t j = i + 1; j < base_tuple->size; ++j) {
      if (base_tuple->items[i] == base_tuple->items[j]) {
        return raise_error(&type_error_type, std::string("duplicate base class ") +
                                                 static_cast<TypeObject*>(base_tuple->items[i])->name);
      }
    }
  }
  std::vector<std::vector<TypeObject*>> sequences;
  std::vector<TypeObject*> direct;
  for (std::int64_t i = 0; i < base_tuple->size; ++i) {
    auto* base = static_cast<TypeObject*>(base_tuple->items[i]);
    sequences.push_back(mro_of(base));
    direct.push_back(base);
  }
  sequences.push_back(direct);
  std::vector<std::size_t> positions(sequences.size(), 0);
  std::vector<TypeObject*> result{type};
  for (;;) {
    bool empty = true;
    TypeObject* chosen = nullptr;
    for (std::size_t s = 0; s < sequences.size(); ++s) {
      if (positions[s] >= sequences[s].size()) continue;
      empty = false;
      TypeObject* head = sequences[s][positions[s]];
      if (!in_a_tail(head, sequences, positions)) {
        chosen = head;
        break;
      }
    }
    if (empty) break;
    if (chosen == nullptr) {
      // CPython names the remaining heads, in the order of the bases, without duplicates.
      std::string message = "Cannot create a consistent method resolution\norder (MRO) for bases";
      std::vector<TypeObject*> named;
      for (std::size_t s = 0; s < sequences.size(); ++s) {
        if (positions[s] >= sequences[s].size()) continue;
        TypeObject* head = sequences[s][positions[s]];
        bool seen = false;
        for (TypeObject* t : named) seen = seen || t == head;
        if (seen) continue;
        message += named.empty() ? " " : ", ";
        message += head->name;
        named.push_back(head);
      }
      return raise_error(&type_error_type, message);
    }
    result.push_back(chosen);
    for (std::size_t s = 0; s < sequences.size(); ++s) {
      if (positions[s] < sequences[s].size() && sequences[s][positions[s]] == chosen) ++positions[s];
    }
  }
  Object* tuple = tuple_new_uninitialized(static_cast<std::int64_t>(result.size()));
  if (tuple == nullptr) return nullptr;
  for (std::size_t i = 0; i < result.size(); ++i) as_tuple(tuple)->items[i] = new_ref(result[i]);
  return tuple;
}

}  // namespace stitch
