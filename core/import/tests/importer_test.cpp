// The import resolver and module cache: finding source modules and packages, running each module
// once, relative imports, CPython's error messages, and clean-up after a failing module.
#include "core/import/tests/import_test_support.h"

#include "core/object/int.h"
#include "core/object/singletons.h"
#include "core/object/tuple.h"

namespace stitch::imports {
namespace {

TEST_F(ImportTest, SourceModuleRunsOnceAndIsCached) {
  write("counter.py", "value = 41\nvalue += 1\n");
  Ref first = import("counter");
  ASSERT_TRUE(first) << describe_exception();
  EXPECT_EQ(attribute_text(first.get(), "value"), "42");
  EXPECT_EQ(attribute_text(first.get(), "__name__"), "counter");
  EXPECT_EQ(attribute_text(first.get(), "__file__"), (directory_ / "counter.py").string());
  ASSERT_EQ(dict_set_item_str(module_dict(first.get()), "value", int_from_int64(7)), 0);
  Ref second = import("counter");
  EXPECT_EQ(first.get(), second.get());
  EXPECT_EQ(attribute_text(second.get(), "value"), "7");  // not re-run
  Ref cached = Ref::steal(dict_get_item_str(importer()->modules, "counter"));
  EXPECT_EQ(cached.get(), first.get());
  Ref text = Ref::steal(object_repr(first.get()));
  EXPECT_EQ(str_view(text.get()), "<module 'counter' from '" + (directory_ / "counter.py").string() + "'>");
}

TEST_F(ImportTest, PackagesSubmodulesAndRelativeImports) {
  write("pkg/__init__.py", "from . import sub\nNAME = 'pkg'\n");
  write("pkg/sub.py", "from .helpers import twice\nRESULT = twice(21)\n");
  write("pkg/helpers.py", "def twice(x):\n    return x * 2\n");
  write("pkg/inner/__init__.py", "from ..sub import RESULT\n");
  Ref inner = import("pkg.inner");
  ASSERT_TRUE(inner) << describe_exception();
  EXPECT_EQ(attribute_text(inner.get(), "RESULT"), "42");
  EXPECT_EQ(attribute_text(inner.get(), "__package__"), "pkg.inner");
  Ref package = Ref::steal(dict_get_item_str(importer()->modules, "pkg"));
  ASSERT_TRUE(package);
  // Submodules are bound on their package.
  Ref sub = Ref::steal(dict_get_item_str(module_dict(package.get()), "sub"));
  Ref inner_attribute = Ref::steal(dict_get_item_str(module_dict(package.get()), "inner"));
  EXPECT_TRUE(sub && is_module(sub.get()));
  EXPECT_EQ(inner_attribute.get(), inner.get());
  EXPECT_EQ(attribute_text(sub.get(), "__package__"), "pkg");
}

TEST_F(ImportTest, DunderImportReturnsTopPackageUnlessFromlist) {
  write("top/__init__.py", "");
  write("top/leaf.py", "X = 1\n");
  Ref name = Ref::steal(str_from_utf8("top.leaf"));
  Ref top = Ref::steal(import_module_level(importer(), name.get(), nullptr, nullptr, 0));
  ASSERT_TRUE(top) << describe_exception();
  EXPECT_EQ(attribute_text(top.get(), "__name__"), "top");
  Ref fromlist = Ref::steal(tuple_pack({str_intern("X")}));
  Ref leaf = Ref::steal(import_module_level(importer(), name.get(), nullptr, fromlist.get(), 0));
  ASSERT_TRUE(leaf);
  EXPECT_EQ(attribute_text(leaf.get(), "__name__"), "top.leaf");
  // `from top import leaf2` where leaf2 is a submodule not imported yet: fromlist loads it.
  write("top/leaf2.py", "Y = 2\n");
  Ref top_name = Ref::steal(str_from_utf8("top"));
  Ref names = Ref::steal(tuple_pack({str_intern("leaf2"), str_intern("missing")}));
  Ref again = Ref::steal(import_module_level(importer(), top_name.get(), nullptr, names.get(), 0));
  ASSERT_TRUE(again) << describe_exception();
  Ref leaf2 = Ref::steal(dict_get_item_str(importer()->modules, "top.leaf2"));
  EXPECT_TRUE(leaf2);
}

TEST_F(ImportTest, ErrorMessagesAreCPythons) {
  write("plain.py", "A = 1\n");
  EXPECT_FALSE(import("nowhere"));
  EXPECT_EQ(take_error(), "ModuleNotFoundError: No module named 'nowhere'");
  EXPECT_FALSE(import("plain.child"));
  EXPECT_EQ(take_error(), "ModuleNotFoundError: No module named 'plain.child'; 'plain' is not a package");
  Ref empty = Ref::steal(str_from_utf8(""));
  EXPECT_FALSE(Ref::steal(import_module_level(importer(), empty.get(), nullptr, nullptr, 0)));
  EXPECT_EQ(take_error(), "ValueError: Empty module name");
  Ref relative = Ref::steal(str_from_utf8("x"));
  Ref globals = Ref::steal(dict_new());
  ASSERT_EQ(dict_set_item_str(globals.get(), "__name__", str_intern("__main__")), 0);
  EXPECT_FALSE(Ref::steal(import_module_level(importer(), relative.get(), globals.get(), nullptr, 1)));
  EXPECT_EQ(take_error(), "ImportError: attempted relative import with no known parent package");
  EXPECT_FALSE(Ref::steal(import_module_level(importer(), relative.get(), globals.get(), nullptr, -1)));
  EXPECT_EQ(take_error(), "ValueError: level must be >= 0");
}

TEST_F(ImportTest, FailingModuleIsRemovedFromSysModules) {
  write("broken.py", "A = 1\nB = undefined_name\n");
  EXPECT_FALSE(import("broken"));
  EXPECT_EQ(take_error(), "NameError: name 'undefined_name' is not defined");
  Ref cached = Ref::steal(dict_get_item_str(importer()->modules, "broken"));
  EXPECT_FALSE(cached);
  EXPECT_FALSE(has_exception());
  write("bad_syntax.py", "def f(:\n");
  EXPECT_FALSE(import("bad_syntax"));
  EXPECT_EQ(take_error(), "SyntaxError: invalid syntax");
}

TEST_F(ImportTest, CircularImportSeesPartialModule) {
  write("ping.py", "import pong\nPING = 1\n");
  write("pong.py", "import ping\nSEEN = hasattr_free = 'PING' in ping.__dict__\n");
  Ref ping = import("ping");
  ASSERT_TRUE(ping) << describe_exception();
  Ref pong = Ref::steal(dict_get_item_str(importer()->modules, "pong"));
  ASSERT_TRUE(pong);
  EXPECT_EQ(attribute_text(pong.get(), "SEEN"), "False");  // ping was still initializing
  EXPECT_FALSE(as_module(ping.get())->initializing.load());
}

TEST_F(ImportTest, ModuleAttributeErrors) {
  write("small.py", "A = 1\n");
  Ref small = import("small");
  ASSERT_TRUE(small);
  Ref name = Ref::steal(str_from_utf8("missing"));
  EXPECT_FALSE(Ref::steal(type_of(small.get())->getattr(small.get(), name.get())));
  EXPECT_EQ(take_error(), "AttributeError: module 'small' has no attribute 'missing'");
  EXPECT_EQ(type_of(small.get())->setattr(small.get(), name.get(), nullptr), -1);
  EXPECT_EQ(take_error(), "AttributeError: module 'small' has no attribute 'missing'");
}

}  // namespace
}  // namespace stitch::imports
