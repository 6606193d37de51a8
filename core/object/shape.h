// Shapes (hidden classes): the layout of an instance's attributes, shared by every instance that
// gained the same attribute names in the same order.
//
// Each class with an instance __dict__ has a root shape (no attributes). Adding attribute `n` to
// an instance whose shape is S moves it to S's child for `n` (made on first use), so a shape is a
// node of a transition tree and its position says where each attribute's value sits in the
// instance's values array (instance_attributes.h). A shape's `id` is unique for the life of the
// process and never reused: a future specializer can cache (id, index) and guard on the id alone.
//
// Thread safety: a shape's fields other than `first_child`/`next_sibling` never change after it
// is published, so readers need no lock. New children are linked under one process-wide leaf lock
// (shape_child_for) and published with a release store; readers walk the child list with acquire
// loads. Shapes are freed with their class (shape_tree_free from the class dealloc), when no
// instance — hence no reader — remains.
#pragma once

#include <atomic>
#include <cstdint>

#include "core/object/object.h"
#include "core/object/str.h"

namespace stitch {

/// Instances with more attributes than this keep them in a real dict instead.
inline constexpr std::uint32_t kMaxShapeSize = 30;

struct Shape {
  Shape* parent;                     // nullptr for a class's root
  std::uint32_t size;                // number of attributes (= index of the last one + 1)
  std::uint32_t id;                  // process-unique, never reused
  std::atomic<Shape*> first_child;   // transitions, newest first
  std::atomic<Shape*> next_sibling;  // the parent's next transition
  Object* names[];                   // size interned str names, in insertion order (immortal)
};

/// A new root shape (no attributes), or nullptr when out of memory.
Shape* shape_new_root();
/// Frees `root` and every shape below it. Only when no instance of the class remains.
void shape_tree_free(Shape* root);

/// The shape after adding `name` (an interned str not already in `shape`): the existing transition
/// or a new one. nullptr when `shape` is full (kMaxShapeSize) or out of memory (no exception set).
Shape* shape_child_for(Shape* shape, Object* interned_name);

/// shape_find for a name that is not interned: compares the text.
std::int32_t shape_find_slow(const Shape* shape, Object* name);

/// Index of attribute `name` (any str) in `shape`, or -1. Interned names compare by pointer.
inline std::int32_t shape_find(const Shape* shape, Object* name) {
  if (!as_str(name)->is_interned) return shape_find_slow(shape, name);
  for (std::uint32_t i = 0; i < shape->size; ++i) {
    if (shape->names[i] == name) return static_cast<std::int32_t>(i);
  }
  return -1;
}

}  // namespace stitch
