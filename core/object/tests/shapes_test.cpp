// Shapes (hidden classes) and instance attribute storage: the transition tree (shared children,
// unique ids, lookup by interned pointer or by text, the size limit), instances sharing shapes by
// attribute order, growth of the values block, and the switch to dict mode on __dict__, delete and
// too many attributes, with Python's insertion order kept throughout.
#include <string>
#include <vector>

#include "core/object/attributes.h"
#include "core/object/call.h"
#include "core/object/class_type.h"
#include "core/object/dict.h"
#include "core/object/exceptions.h"
#include "core/object/instance_attributes.h"
#include "core/object/int.h"
#include "core/object/shape.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/object/tests/object_test_support.h"

namespace stitch {
namespace {

class ShapesTest : public testing::ObjectTest {
 protected:
  Ref make_class(const char* name, Object* base = nullptr) {
    Ref bases = Ref::steal(tuple_new_uninitialized(base != nullptr ? 1 : 0));
    if (base != nullptr) as_tuple(bases.get())->items[0] = new_ref(base);
    Ref dict = Ref::steal(dict_new());
    Ref name_object = Ref::steal(str_from_utf8(name));
    return Ref::steal(type_new_class(name_object.get(), bases.get(), dict.get()));
  }
  Ref instance_of(const Ref& klass) { return Ref::steal(call_object(klass.get(), nullptr, 0, nullptr)); }
  void set(const Ref& object, const char* name, std::int64_t value) {
    Ref boxed = Ref::steal(int_from_int64(value));
    ASSERT_EQ(object_setattr(object.get(), str_intern(name), boxed.get()), 0) << name;
  }
  std::int64_t get(const Ref& object, const char* name) {
    Ref value = Ref::steal(object_getattr(object.get(), str_intern(name)));
    if (!value) {
      clear_exception();
      return -1;
    }
    return as_int(value.get())->small;
  }
  const Shape* shape_of(const Ref& object) { return instance_shape(instance_dict_slot(object.get())); }
  std::vector<std::string> dict_keys(const Ref& object) {
    Ref dict = Ref::steal(object_getattr(object.get(), str_intern("__dict__")));
    std::vector<std::string> keys;
    if (!dict) return keys;
    std::int64_t position = 0;
    Object* key = nullptr;
    Object* value = nullptr;
    while (dict_next(dict.get(), &position, &key, &value)) keys.emplace_back(str_view(key));
    return keys;
  }
};

TEST_F(ShapesTest, TransitionsAreSharedAndIdsUnique) {
  Shape* root = shape_new_root();
  ASSERT_NE(root, nullptr);
  Shape* x = shape_child_for(root, str_intern("x"));
  Shape* xy = shape_child_for(x, str_intern("y"));
  Shape* y = shape_child_for(root, str_intern("y"));
  ASSERT_TRUE(x && xy && y);
  EXPECT_EQ(shape_child_for(root, str_intern("x")), x);
  EXPECT_EQ(shape_child_for(x, str_intern("y")), xy);
  EXPECT_NE(y, x);
  EXPECT_EQ(xy->size, 2u);
  EXPECT_EQ(xy->parent, x);
  std::vector<std::uint32_t> ids{root->id, x->id, xy->id, y->id};
  for (std::size_t i = 0; i < ids.size(); ++i) {
    for (std::size_t j = i + 1; j < ids.size(); ++j) EXPECT_NE(ids[i], ids[j]);
  }
  EXPECT_EQ(shape_find(xy, str_intern("x")), 0);
  EXPECT_EQ(shape_find(xy, str_intern("y")), 1);
  EXPECT_EQ(shape_find(xy, str_intern("z")), -1);
  EXPECT_EQ(shape_find(y, str_intern("y")), 0);
  // A name that is not interned is found by its text.
  Ref built = Ref::steal(str_from_utf8("y"));
  ASSERT_FALSE(as_str(built.get())->is_interned);
  EXPECT_EQ(shape_find(xy, built.get()), 1);
  shape_tree_free(root);
}

TEST_F(ShapesTest, ShapeStopsGrowingAtTheLimit) {
  Shape* root = shape_new_root();
  Shape* shape = root;
  for (std::uint32_t i = 0; i < kMaxShapeSize; ++i) {
    shape = shape_child_for(shape, str_intern("a" + std::to_string(i)));
    ASSERT_NE(shape, nullptr);
  }
  EXPECT_EQ(shape->size, kMaxShapeSize);
  EXPECT_EQ(shape_child_for(shape, str_intern("one_too_many")), nullptr);
  shape_tree_free(root);
}

TEST_F(ShapesTest, InstancesWithTheSameOrderShareAShape) {
  Ref klass = make_class("P");
  Ref a = instance_of(klass);
  Ref b = instance_of(klass);
  Ref c = instance_of(klass);
  EXPECT_EQ(shape_of(a), nullptr);  // no attribute yet
  for (const Ref* object : {&a, &b}) {
    set(*object, "x", 1);
    set(*object, "y", 2);
  }
  set(c, "y", 3);
  set(c, "x", 4);
  ASSERT_NE(shape_of(a), nullptr);
  EXPECT_EQ(shape_of(a), shape_of(b));
  EXPECT_NE(shape_of(a), shape_of(c));
  EXPECT_EQ(shape_of(a)->size, 2u);
  // Rewriting an attribute keeps the shape.
  const Shape* before = shape_of(a);
  set(a, "x", 10);
  EXPECT_EQ(shape_of(a), before);
  EXPECT_EQ(get(a, "x"), 10);
  EXPECT_EQ(get(b, "x"), 1);
  EXPECT_EQ(get(c, "x"), 4);
  EXPECT_EQ(get(c, "y"), 3);
  // A subclass has its own tree.
  Ref sub = make_class("Q", klass.get());
  Ref d = instance_of(sub);
  set(d, "x", 5);
  set(d, "y", 6);
  EXPECT_NE(shape_of(d), shape_of(a));
  EXPECT_EQ(get(d, "y"), 6);
}

TEST_F(ShapesTest, ValuesSurviveGrowth) {
  Ref klass = make_class("Wide");
  Ref object = instance_of(klass);
  for (int i = 0; i < 20; ++i) set(object, ("f" + std::to_string(i)).c_str(), i * 11);
  ASSERT_NE(shape_of(object), nullptr);
  EXPECT_EQ(shape_of(object)->size, 20u);
  for (int i = 0; i < 20; ++i) EXPECT_EQ(get(object, ("f" + std::to_string(i)).c_str()), i * 11);
  EXPECT_EQ(get(object, "missing"), -1);
}

TEST_F(ShapesTest, DictAccessSwitchesToDictModeInInsertionOrder) {
  Ref klass = make_class("D");
  Ref object = instance_of(klass);
  set(object, "b", 1);
  set(object, "a", 2);
  set(object, "c", 3);
  EXPECT_EQ(dict_keys(object), (std::vector<std::string>{"b", "a", "c"}));
  EXPECT_EQ(shape_of(object), nullptr);  // dict mode from now on
  // Writes through the dict and through setattr see each other.
  Ref dict = Ref::steal(object_getattr(object.get(), str_intern("__dict__")));
  Ref seven = Ref::steal(int_from_int64(7));
  ASSERT_EQ(dict_set_item_str(dict.get(), "d", seven.get()), 0);
  EXPECT_EQ(get(object, "d"), 7);
  set(object, "e", 8);
  Ref e = Ref::steal(dict_get_item_str(dict.get(), "e"));
  ASSERT_TRUE(e);
  EXPECT_EQ(as_int(e.get())->small, 8);
  EXPECT_EQ(dict_keys(object), (std::vector<std::string>{"b", "a", "c", "d", "e"}));
}

TEST_F(ShapesTest, DeleteSwitchesToDictModeAndMissingDeleteRaises) {
  Ref klass = make_class("Del");
  Ref object = instance_of(klass);
  set(object, "x", 1);
  set(object, "y", 2);
  set(object, "z", 3);
  EXPECT_EQ(object_setattr(object.get(), str_intern("w"), nullptr), -1);
  EXPECT_TRUE(exception_matches(&attribute_error_type));
  clear_exception();
  EXPECT_NE(shape_of(object), nullptr);  // a failed delete changes nothing
  ASSERT_EQ(object_setattr(object.get(), str_intern("y"), nullptr), 0);
  EXPECT_EQ(shape_of(object), nullptr);
  EXPECT_EQ(get(object, "y"), -1);
  set(object, "y", 4);
  EXPECT_EQ(dict_keys(object), (std::vector<std::string>{"x", "z", "y"}));
  EXPECT_EQ(object_setattr(object.get(), str_intern("nope"), nullptr), -1);
  EXPECT_TRUE(exception_matches(&attribute_error_type));
  clear_exception();
}

TEST_F(ShapesTest, TooManyAttributesUseADict) {
  Ref klass = make_class("Many");
  Ref object = instance_of(klass);
  std::vector<std::string> expected;
  for (std::uint32_t i = 0; i <= kMaxShapeSize + 5; ++i) {
    expected.push_back("m" + std::to_string(i));
    set(object, expected.back().c_str(), i);
    if (i < kMaxShapeSize) EXPECT_NE(shape_of(object), nullptr);
  }
  EXPECT_EQ(shape_of(object), nullptr);
  for (std::uint32_t i = 0; i <= kMaxShapeSize + 5; ++i) {
    EXPECT_EQ(get(object, expected[i].c_str()), static_cast<std::int64_t>(i));
  }
  EXPECT_EQ(dict_keys(object), expected);
}

TEST_F(ShapesTest, AssigningAndDeletingDictReplaceTheStorage) {
  Ref klass = make_class("R");
  Ref object = instance_of(klass);
  set(object, "x", 1);
  Ref replacement = Ref::steal(dict_new());
  Ref two = Ref::steal(int_from_int64(2));
  ASSERT_EQ(dict_set_item_str(replacement.get(), "y", two.get()), 0);
  ASSERT_EQ(object_setattr(object.get(), str_intern("__dict__"), replacement.get()), 0);
  EXPECT_EQ(get(object, "x"), -1);
  EXPECT_EQ(get(object, "y"), 2);
  set(object, "z", 3);
  EXPECT_EQ(dict_size(replacement.get()), 2);  // the instance writes into the dict it was given
  Ref not_a_dict = Ref::steal(int_from_int64(5));
  EXPECT_EQ(object_setattr(object.get(), str_intern("__dict__"), not_a_dict.get()), -1);
  EXPECT_TRUE(exception_matches(&type_error_type));
  clear_exception();
  ASSERT_EQ(object_setattr(object.get(), str_intern("__dict__"), nullptr), 0);
  EXPECT_EQ(get(object, "y"), -1);
  EXPECT_EQ(dict_size(replacement.get()), 2);  // the old dict is untouched
  set(object, "w", 4);  // back to a values block
  EXPECT_NE(shape_of(object), nullptr);
  EXPECT_EQ(dict_keys(object), (std::vector<std::string>{"w"}));
}

TEST_F(ShapesTest, NamesThatAreNotInternedFindTheSameAttribute) {
  Ref klass = make_class("N");
  Ref object = instance_of(klass);
  Ref built = Ref::steal(str_from_utf8("count"));
  Ref value = Ref::steal(int_from_int64(5));
  ASSERT_EQ(object_setattr(object.get(), built.get(), value.get()), 0);
  EXPECT_EQ(get(object, "count"), 5);
  set(object, "count", 6);
  Ref read = Ref::steal(object_getattr(object.get(), built.get()));
  ASSERT_TRUE(read);
  EXPECT_EQ(as_int(read.get())->small, 6);
  EXPECT_EQ(shape_of(object)->size, 1u);
}

}  // namespace
}  // namespace stitch
