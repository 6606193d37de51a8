// The shape transition tree (see shape.h for the rules).
#include "core/object/shape.h"

#include <cstdlib>
#include <new>
#include <vector>

#include "core/sync/mutex.h"

namespace stitch {

namespace {

// Starts at 1: 0 is free for "no shape" in caches that guard on the id.
std::atomic<std::uint32_t> next_shape_id{1};

// Guards only the linking of new children, across every class: insertions are rare (once per
// distinct attribute order) and the critical section allocates nothing but the shape itself, so one
// leaf lock that never detaches is enough (and cannot suspend the caller's instance section).
sync::Mutex transition_lock;

Shape* allocate_shape(Shape* parent, std::uint32_t size) {
  void* memory = std::malloc(sizeof(Shape) + sizeof(Object*) * size);
  if (memory == nullptr) return nullptr;
  auto* shape = static_cast<Shape*>(memory);
  shape->parent = parent;
  shape->size = size;
  shape->id = next_shape_id.fetch_add(1, std::memory_order_relaxed);
  new (&shape->first_child) std::atomic<Shape*>(nullptr);
  new (&shape->next_sibling) std::atomic<Shape*>(nullptr);
  return shape;
}

Shape* find_child(Shape* shape, Object* interned_name) {
  // Acquire: pairs with the release store that linked the child, so its names are visible.
  for (Shape* child = shape->first_child.load(std::memory_order_acquire); child != nullptr;
       child = child->next_sibling.load(std::memory_order_acquire)) {
    if (child->names[child->size - 1] == interned_name) return child;
  }
  return nullptr;
}

}  // namespace

Shape* shape_new_root() { return allocate_shape(nullptr, 0); }

void shape_tree_free(Shape* root) {
  if (root == nullptr) return;
  std::vector<Shape*> pending{root};
  while (!pending.empty()) {
    Shape* shape = pending.back();
    pending.pop_back();
    for (Shape* child = shape->first_child.load(std::memory_order_relaxed); child != nullptr;
         child = child->next_sibling.load(std::memory_order_relaxed)) {
      pending.push_back(child);
    }
    std::free(shape);
  }
}

std::int32_t shape_find_slow(const Shape* shape, Object* name) {
  std::string_view text = str_view(name);
  for (std::uint32_t i = 0; i < shape->size; ++i) {
    if (str_view(shape->names[i]) == text) return static_cast<std::int32_t>(i);
  }
  return -1;
}

Shape* shape_child_for(Shape* shape, Object* interned_name) {
  if (Shape* existing = find_child(shape, interned_name)) return existing;
  if (shape->size >= kMaxShapeSize) return nullptr;
  transition_lock.lock(sync::LockMode::kDontDetach);
  // Another thread may have linked the same transition while we waited.
  Shape* child = find_child(shape, interned_name);
  if (child == nullptr) {
    child = allocate_shape(shape, shape->size + 1);
    if (child != nullptr) {
      for (std::uint32_t i = 0; i < shape->size; ++i) child->names[i] = shape->names[i];
      child->names[shape->size] = interned_name;
      child->next_sibling.store(shape->first_child.load(std::memory_order_relaxed), std::memory_order_relaxed);
      // Release: the child's fields are written before any reader can reach it.
      shape->first_child.store(child, std::memory_order_release);
    }
  }
  transition_lock.unlock();
  return child;
}

}  // namespace stitch
