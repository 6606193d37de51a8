#include "core/object/range.h"

#include <gmp.h>

#include <atomic>
#include <string>

#include "core/object/alloc.h"
#include "core/object/args.h"
#include "core/object/bool.h"
#include "core/object/builtin_types.h"
#include "core/object/exceptions.h"
#include "core/object/int.h"
#include "core/object/iterators.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/slice.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/sync/critical_section.h"
#include "core/sync/object_lock.h"

namespace stitch {

TypeObject range_type;
TypeObject range_iterator_type;
TypeObject long_range_iterator_type;

namespace {

/// RAII GMP integer for the arithmetic on range bounds.
class Mpz {
 public:
  Mpz() { mpz_init(value_); }
  explicit Mpz(const Object* int_value) {
    mpz_init(value_);
    set(int_value);
  }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
  ~Mpz() { mpz_clear(value_); }
  void set(const Object* int_value) {
    const auto* value = static_cast<const IntObject*>(int_value);
    if (value->big._mp_d == nullptr) {
      mpz_set_si(value_, value->small);
    } else {
      mpz_set(value_, &value->big);
    }
  }
  mpz_ptr get() { return value_; }
  Object* to_int() const { return int_from_mpz(value_); }

 private:
  mpz_t value_;
};

int compare_ints(const Object* a, const Object* b) {
  Mpz x(a), y(b);
  return mpz_cmp(x.get(), y.get());
}

/// start + index * step as a new int.
Object* value_at(RangeObject* range, mpz_srcptr index) {
  Mpz result(range->start), step(range->step);
  mpz_addmul(result.get(), step.get(), index);
  return result.to_int();
}

Object* compute_length(Object* start, Object* stop, Object* step) {
  Mpz lo(start), hi(stop), st(step), result;
  if (mpz_sgn(st.get()) > 0) {
    if (mpz_cmp(lo.get(), hi.get()) >= 0) return int_from_int64(0);
    mpz_sub(result.get(), hi.get(), lo.get());
  } else {
    if (mpz_cmp(lo.get(), hi.get()) <= 0) return int_from_int64(0);
    mpz_sub(result.get(), lo.get(), hi.get());
    mpz_neg(st.get(), st.get());
  }
  mpz_sub_ui(result.get(), result.get(), 1);
  mpz_fdiv_q(result.get(), result.get(), st.get());
  mpz_add_ui(result.get(), result.get(), 1);
  return result.to_int();
}

void range_dealloc(Object* object) {
  RangeObject* range = as_range(object);
  decref(range->start);
  decref(range->stop);
  decref(range->step);
  decref(range->length);
  free_object_memory(object);
}

Object* range_repr(Object* object) {
  RangeObject* range = as_range(object);
  Ref start = Ref::steal(object_repr(range->start));
  Ref stop = Ref::steal(object_repr(range->stop));
  if (!start || !stop) return nullptr;
  std::string text = "range(" + std::string(str_view(start.get())) + ", " + std::string(str_view(stop.get()));
  std::int64_t step = 0;
  if (!int_to_int64(range->step, &step) || step != 1) {
    Ref step_text = Ref::steal(object_repr(range->step));
    if (!step_text) return nullptr;
    text += ", " + std::string(str_view(step_text.get()));
  }
  return str_from_utf8(text + ")");
}

std::int64_t range_length(Object* object) {
  std::int64_t length = 0;
  if (int_to_int64(as_range(object)->length, &length)) return length;
  raise_error(&overflow_error_type, "Python int too large to convert to C ssize_t");
  return -1;
}

int range_is_true(Object* object) {
  const auto* length = static_cast<const IntObject*>(as_range(object)->length);
  return length->big._mp_d != nullptr || length->small != 0;
}

bool ranges_equal(RangeObject* a, RangeObject* b) {
  if (a == b) return true;
  if (compare_ints(a->length, b->length) != 0) return false;
  std::int64_t length = 0;
  if (int_to_int64(a->length, &length) && length == 0) return true;
  if (compare_ints(a->start, b->start) != 0) return false;
  if (length == 1) return true;
  return compare_ints(a->step, b->step) == 0;
}

Object* range_rich_compare(Object* left, Object* right, CompareOp op) {
  if (!is_range(right) || (op != CompareOp::kEq && op != CompareOp::kNe)) {
    return new_ref(not_implemented());
  }
  bool equal = ranges_equal(as_range(left), as_range(right));
  return bool_from(op == CompareOp::kEq ? equal : !equal);
}

// CPython's range hash: hash((len, start, step)), with None for what does not matter.
Hash range_hash(Object* object) {
  RangeObject* range = as_range(object);
  std::int64_t length = -1;
  bool small = int_to_int64(range->length, &length);
  Ref key;
  if (small && length == 0) {
    key = Ref::steal(tuple_pack({range->length, none(), none()}));
  } else if (small && length == 1) {
    key = Ref::steal(tuple_pack({range->length, range->start, none()}));
  } else {
    key = Ref::steal(tuple_pack({range->length, range->start, range->step}));
  }
  if (!key) return -1;
  return object_hash(key.get());
}

/// For an int: its position in the range, or -1 if it is not an item (no exception).
/// Result through `position` as an mpz.
bool int_position(RangeObject* range, Object* value, mpz_ptr position) {
  Mpz x(value), start(range->start), stop(range->stop), step(range->step);
  if (mpz_sgn(step.get()) > 0) {
    if (mpz_cmp(x.get(), start.get()) < 0 || mpz_cmp(x.get(), stop.get()) >= 0) return false;
  } else {
    if (mpz_cmp(x.get(), start.get()) > 0 || mpz_cmp(x.get(), stop.get()) <= 0) return false;
  }
  mpz_sub(x.get(), x.get(), start.get());
  if (!mpz_divisible_p(x.get(), step.get())) return false;
  mpz_divexact(position, x.get(), step.get());
  return true;
}

/// Compares `value` with every item: calls `on_equal(index)` for each equal one until it returns
/// false. -1 on error, else 0.
template <class OnEqual>
int scan(Object* range, Object* value, OnEqual on_equal) {
  Ref iterator = Ref::steal(object_get_iter(range));
  if (!iterator) return -1;
  for (std::int64_t i = 0;; ++i) {
    Ref item = Ref::steal(iter_next(iterator.get()));
    if (!item) return has_exception() ? -1 : 0;
    int equal = object_rich_compare_bool(item.get(), value, CompareOp::kEq);
    if (equal < 0) return -1;
    if (equal && !on_equal(i)) return 0;
  }
}

int range_contains(Object* object, Object* value) {
  if (type_of(value) == &int_type || type_of(value) == &bool_type) {
    Mpz position;
    return int_position(as_range(object), value, position.get()) ? 1 : 0;
  }
  bool found = false;
  if (scan(object, value, [&](std::int64_t) { found = true; return false; }) < 0) return -1;
  return found ? 1 : 0;
}

Object* range_getitem(Object* object, Object* key) {
  RangeObject* range = as_range(object);
  if (is_index_like(key)) {
    Ref index = Ref::steal(number_index(key));
    if (!index) return nullptr;
    Mpz i(index.get()), length(range->length);
    if (mpz_sgn(i.get()) < 0) mpz_add(i.get(), i.get(), length.get());
    if (mpz_sgn(i.get()) < 0 || mpz_cmp(i.get(), length.get()) >= 0) {
      return raise_error(&index_error_type, "range object index out of range");
    }
    return value_at(range, i.get());
  }
  if (is_slice(key)) {
    std::int64_t length = range_length(object);
    if (length < 0) return nullptr;
    std::int64_t start = 0, stop = 0, step = 0, count = 0;
    if (!slice_unpack_indices(key, length, &start, &stop, &step, &count)) return nullptr;
    Mpz position;
    mpz_set_si(position.get(), start);
    Ref new_start = Ref::steal(value_at(range, position.get()));
    mpz_set_si(position.get(), stop);
    Ref new_stop = Ref::steal(value_at(range, position.get()));
    Mpz new_step(range->step);
    mpz_mul_si(new_step.get(), new_step.get(), step);
    Ref step_object = Ref::steal(new_step.to_int());
    if (!new_start || !new_stop || !step_object) return nullptr;
    return range_new(new_start.get(), new_stop.get(), step_object.get());
  }
  return raise_error(&type_error_type, std::string("range indices must be integers or slices, not ") +
                                           type_name(key));
}

Object* range_new_instance(TypeObject*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("range", kwnames)) return nullptr;
  if (!check_argument_range("range", nargs, 1, 3)) return nullptr;
  Ref values[3];
  for (std::size_t i = 0; i < nargs; ++i) {
    values[i] = Ref::steal(number_index(args[i]));
    if (!values[i]) return nullptr;
  }
  if (nargs == 1) return range_new(int_from_int64(0), values[0].get(), nullptr);
  return range_new(values[0].get(), values[1].get(), nargs == 3 ? values[2].get() : nullptr);
}

Object* range_get_start(Object* self) { return new_ref(as_range(self)->start); }
Object* range_get_stop(Object* self) { return new_ref(as_range(self)->stop); }
Object* range_get_step(Object* self) { return new_ref(as_range(self)->step); }

Object* method_count(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("range.count", kwnames)) return nullptr;
  if (!check_exactly_one_argument("range.count", nargs)) return nullptr;
  if (type_of(args[0]) == &int_type || type_of(args[0]) == &bool_type) {
    Mpz position;
    return int_from_int64(int_position(as_range(self), args[0], position.get()) ? 1 : 0);
  }
  std::int64_t count = 0;
  if (scan(self, args[0], [&](std::int64_t) { ++count; return true; }) < 0) return nullptr;
  return int_from_int64(count);
}

Object* method_index(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("range.index", kwnames)) return nullptr;
  if (!check_exactly_one_argument("range.index", nargs)) return nullptr;
  if (type_of(args[0]) == &int_type || type_of(args[0]) == &bool_type) {
    Mpz position;
    if (int_position(as_range(self), args[0], position.get())) return position.to_int();
  } else {
    std::int64_t found = -1;
    if (scan(self, args[0], [&](std::int64_t i) { found = i; return false; }) < 0) return nullptr;
    if (found >= 0) return int_from_int64(found);
  }
  Ref text = Ref::steal(object_repr(args[0]));
  if (!text) return nullptr;
  return raise_error(&value_error_type, std::string(str_view(text.get())) + " is not in range");
}

const MethodDef range_methods[] = {
    {"count", method_count},
    {"index", method_index},
    {nullptr, nullptr},
};

const GetSetDef range_getsets[] = {
    {"start", range_get_start},
    {"stop", range_get_stop},
    {"step", range_get_step},
    {nullptr, nullptr},
};

// ---- iterators ----

struct RangeIteratorObject : Object {
  std::int64_t start;
  std::int64_t step;
  std::int64_t length;
  std::atomic<std::int64_t> index;  // relaxed: orders nothing, only makes concurrent next() race-free
};

Object* range_iterator_next(Object* object) {
  auto* iterator = static_cast<RangeIteratorObject*>(object);
  std::int64_t index = iterator->index.load(std::memory_order_relaxed);
  if (index >= iterator->length) return nullptr;
  iterator->index.store(index + 1, std::memory_order_relaxed);
  // Unsigned arithmetic wraps; the true result lies between start and stop, so it is exact.
  auto value = static_cast<std::uint64_t>(iterator->start) +
               static_cast<std::uint64_t>(index) * static_cast<std::uint64_t>(iterator->step);
  return int_from_int64(static_cast<std::int64_t>(value));
}

struct LongRangeIteratorObject : Object {
  Object* next;       // owned ints, replaced under the iterator's lock
  Object* step;
  Object* remaining;
};

void long_range_iterator_dealloc(Object* object) {
  auto* iterator = static_cast<LongRangeIteratorObject*>(object);
  decref(iterator->next);
  decref(iterator->step);
  decref(iterator->remaining);
  free_object_memory(object);
}

Object* long_range_iterator_next(Object* object) {
  auto* iterator = static_cast<LongRangeIteratorObject*>(object);
  Object* result = nullptr;
  Object* old_remaining = nullptr;
  {
    sync::CriticalSection section(sync::object_mutex(&iterator->header));
    Mpz remaining(iterator->remaining);
    if (mpz_sgn(remaining.get()) <= 0) return nullptr;
    Mpz next(iterator->next), step(iterator->step);
    mpz_add(next.get(), next.get(), step.get());
    mpz_sub_ui(remaining.get(), remaining.get(), 1);
    Object* new_next = next.to_int();
    Object* new_remaining = remaining.to_int();
    if (new_next == nullptr || new_remaining == nullptr) {
      xdecref(new_next);
      xdecref(new_remaining);
      return nullptr;
    }
    result = iterator->next;  // the reference moves to the caller
    iterator->next = new_next;
    old_remaining = iterator->remaining;
    iterator->remaining = new_remaining;
  }
  decref(old_remaining);
  return result;
}

Object* iterator_self(Object* object) { return new_ref(object); }

/// An iterator over start, start+step, ... (`length` items).
Object* make_iterator(Object* start, Object* step, Object* length) {
  std::int64_t small_start = 0, small_step = 0, small_length = 0;
  if (int_to_int64(start, &small_start) && int_to_int64(step, &small_step) &&
      int_to_int64(length, &small_length)) {
    // The last item must fit too.
    __int128 last = static_cast<__int128>(small_start) +
                    static_cast<__int128>(small_step) * (small_length > 0 ? small_length - 1 : 0);
    if (last >= INT64_MIN && last <= INT64_MAX) {
      auto* iterator = allocate<RangeIteratorObject>(&range_iterator_type);
      if (iterator == nullptr) return nullptr;
      iterator->start = small_start;
      iterator->step = small_step;
      iterator->length = small_length;
      new (&iterator->index) std::atomic<std::int64_t>(0);
      return iterator;
    }
  }
  auto* iterator = allocate<LongRangeIteratorObject>(&long_range_iterator_type);
  if (iterator == nullptr) return nullptr;
  iterator->next = new_ref(start);
  iterator->step = new_ref(step);
  iterator->remaining = new_ref(length);
  return iterator;
}

Object* range_iter(Object* object) {
  RangeObject* range = as_range(object);
  return make_iterator(range->start, range->step, range->length);
}

}  // namespace

bool is_range(const Object* object) { return type_of(object) == &range_type; }

Object* range_new(Object* start, Object* stop, Object* step) {
  Object* one = int_from_int64(1);
  if (step == nullptr) step = one;
  const auto* step_int = static_cast<const IntObject*>(step);
  if (step_int->big._mp_d == nullptr && step_int->small == 0) {
    return raise_error(&value_error_type, "range() arg 3 must not be zero");
  }
  Object* length = compute_length(start, stop, step);
  if (length == nullptr) return nullptr;
  auto* range = allocate<RangeObject>(&range_type);
  if (range == nullptr) {
    decref(length);
    return nullptr;
  }
  range->start = new_ref(start);
  range->stop = new_ref(stop);
  range->step = new_ref(step);
  range->length = length;
  return range;
}

Object* range_reversed(Object* object) {
  RangeObject* range = as_range(object);
  Mpz last(range->length), step(range->step);
  if (mpz_sgn(last.get()) > 0) mpz_sub_ui(last.get(), last.get(), 1);
  Ref last_value = Ref::steal(value_at(range, last.get()));
  mpz_neg(step.get(), step.get());
  Ref negated_step = Ref::steal(step.to_int());
  if (!last_value || !negated_step) return nullptr;
  return make_iterator(last_value.get(), negated_step.get(), range->length);
}

void init_range_type() {
  init_static_type(range_type, "range", sizeof(RangeObject), &object_type, 0);
  range_type.dealloc = range_dealloc;
  range_type.repr = range_repr;
  range_type.hash = range_hash;
  range_type.rich_compare = range_rich_compare;
  range_type.new_instance = range_new_instance;
  range_type.length = range_length;
  range_type.number.is_true = range_is_true;
  range_type.contains = range_contains;
  range_type.getitem = range_getitem;
  range_type.iter = range_iter;
  range_type.methods = range_methods;
  range_type.getsets = range_getsets;

  init_static_type(range_iterator_type, "range_iterator", sizeof(RangeIteratorObject), &object_type, 0);
  range_iterator_type.dealloc = free_object_memory;
  range_iterator_type.iter = iterator_self;
  range_iterator_type.iternext = range_iterator_next;

  init_static_type(long_range_iterator_type, "longrange_iterator", sizeof(LongRangeIteratorObject),
                   &object_type, 0);
  long_range_iterator_type.dealloc = long_range_iterator_dealloc;
  long_range_iterator_type.iter = iterator_self;
  long_range_iterator_type.iternext = long_range_iterator_next;
}

}  // namespace stitch
