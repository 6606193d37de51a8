// Classes: C3 linearization (and CPython's error when none exists) and the attribute lookup order
// (data descriptors on the type, then the instance __dict__, then other class attributes).
#include <string>
#include <vector>

#include "core/object/attributes.h"
#include "core/object/call.h"
#include "core/object/class_type.h"
#include "core/object/descriptors.h"
#include "core/object/dict.h"
#include "core/object/exceptions.h"
#include "core/object/int.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/object/tests/object_test_support.h"

namespace stitch {
namespace {

class ClassesTest : public testing::ObjectTest {
 protected:
  // type(name, bases, {attributes...})
  Ref make_class(const char* name, std::vector<Object*> bases,
                 std::vector<std::pair<const char*, Object*>> attributes = {}) {
    Ref tuple = Ref::steal(tuple_new_uninitialized(static_cast<std::int64_t>(bases.size())));
    for (std::size_t i = 0; i < bases.size(); ++i) as_tuple(tuple.get())->items[i] = new_ref(bases[i]);
    Ref dict = Ref::steal(dict_new());
    for (auto& [key, value] : attributes) EXPECT_EQ(dict_set_item_str(dict.get(), key, value), 0);
    Ref name_object = Ref::steal(str_from_utf8(name));
    return Ref::steal(type_new_class(name_object.get(), tuple.get(), dict.get()));
  }
  std::vector<std::string> mro_names(Object* type) {
    std::vector<std::string> names;
    TupleObject* mro = as_tuple(static_cast<TypeObject*>(type)->mro);
    for (std::int64_t i = 0; i < mro->size; ++i) names.push_back(static_cast<TypeObject*>(mro->items[i])->name);
    return names;
  }
  std::string error_message() {
    Ref exception = Ref::steal(take_exception());
    if (!exception) return "";
    return std::string(str_view(as_tuple(static_cast<ExceptionObject*>(exception.get())->args)->items[0]));
  }
};

TEST_F(ClassesTest, DiamondLinearization) {
  Ref a = make_class("A", {});
  Ref b = make_class("B", {a.get()});
  Ref c = make_class("C", {a.get()});
  Ref d = make_class("D", {b.get(), c.get()});
  ASSERT_TRUE(d);
  EXPECT_EQ(mro_names(d.get()), (std::vector<std::string>{"D", "B", "C", "A", "object"}));
}

TEST_F(ClassesTest, ComplexLinearizationMatchesCPython) {
  // The classic example from the C3 paper / Python's MRO documentation.
  Ref o = Ref::borrow(&object_type);
  Ref f = make_class("F", {o.get()});
  Ref e = make_class("E", {o.get()});
  Ref d = make_class("D", {o.get()});
  Ref c = make_class("C", {d.get(), f.get()});
  Ref b = make_class("B", {d.get(), e.get()});
  Ref a = make_class("A", {b.get(), c.get()});
  ASSERT_TRUE(a);
  EXPECT_EQ(mro_names(a.get()), (std::vector<std::string>{"A", "B", "C", "D", "E", "F", "object"}));
}

TEST_F(ClassesTest, InconsistentOrderRaisesCPythonsMessage) {
  Ref a = make_class("A", {});
  Ref b = make_class("B", {a.get()});
  Ref broken = make_class("Broken", {a.get(), b.get()});
  EXPECT_FALSE(broken);
  EXPECT_EQ(error_message(), "Cannot create a consistent method resolution\norder (MRO) for bases A, B");
}

TEST_F(ClassesTest, DuplicateBase) {
  Ref a = make_class("A", {});
  Ref twice = make_class("Twice", {a.get(), a.get()});
  EXPECT_FALSE(twice);
  EXPECT_EQ(error_message(), "duplicate base class A");
}

TEST_F(ClassesTest, InstanceDictShadowsClassAttributeButNotDataDescriptor) {
  Ref one = Ref::steal(int_from_int64(1));
  Ref two = Ref::steal(int_from_int64(2));
  Ref property = Ref::steal(call_object(&property_type, nullptr, 0, nullptr));  // no getter
  Ref klass = make_class("C", {}, {{"plain", one.get()}, {"managed", property.get()}});
  ASSERT_TRUE(klass);
  Ref instance = Ref::steal(call_object(klass.get(), nullptr, 0, nullptr));
  ASSERT_TRUE(instance);
  Ref plain = Ref::steal(str_intern("plain"));
  Ref managed = Ref::steal(str_intern("managed"));

  // Class attribute first visible through the instance, then shadowed by the instance dict.
  Ref before = Ref::steal(object_getattr(instance.get(), plain.get()));
  EXPECT_EQ(before.get(), one.get());
  ASSERT_EQ(object_setattr(instance.get(), plain.get(), two.get()), 0);
  Ref after = Ref::steal(object_getattr(instance.get(), plain.get()));
  EXPECT_EQ(after.get(), two.get());

  // A data descriptor wins over the instance dict, even when the dict has the name.
  Ref dict = Ref::steal(instance_dict(instance.get()));
  ASSERT_EQ(dict_set_item(dict.get(), managed.get(), one.get()), 0);
  Ref value = Ref::steal(object_getattr(instance.get(), managed.get()));
  EXPECT_FALSE(value);
  EXPECT_EQ(error_message(), "property 'managed' of 'C' object has no getter");
}

TEST_F(ClassesTest, MissingAttributeMessages) {
  Ref klass = make_class("C", {});
  Ref instance = Ref::steal(call_object(klass.get(), nullptr, 0, nullptr));
  Ref name = Ref::steal(str_intern("x"));
  EXPECT_FALSE(Ref::steal(object_getattr(instance.get(), name.get())));
  EXPECT_EQ(error_message(), "'C' object has no attribute 'x'");
  EXPECT_FALSE(Ref::steal(object_getattr(klass.get(), name.get())));
  EXPECT_EQ(error_message(), "type object 'C' has no attribute 'x'");
  Ref one = Ref::steal(int_from_int64(1));
  Object* argument = one.get();
  EXPECT_FALSE(Ref::steal(call_object(klass.get(), &argument, 1, nullptr)));
  EXPECT_EQ(error_message(), "C() takes no arguments");
}

TEST_F(ClassesTest, ClassWritesBumpTheVersion) {
  Ref klass = make_class("C", {});
  auto* type = static_cast<TypeObject*>(klass.get());
  std::uint32_t before = type->version.load(std::memory_order_acquire);
  Ref name = Ref::steal(str_intern("y"));
  ASSERT_EQ(object_setattr(klass.get(), name.get(), klass.get()), 0);
  EXPECT_NE(type->version.load(std::memory_order_acquire), before);
}

}  // namespace
}  // namespace stitch
