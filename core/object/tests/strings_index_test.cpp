// str as a sequence: indexing (ASCII and non-ASCII), slicing with any step, `in`, `+`, `*`, len,
// and the str iterator; expected values and messages from python3.11.
#include <gmp.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "core/object/bool.h"
#include "core/object/attributes.h"
#include "core/object/builtin_types.h"
#include "core/object/call.h"
#include "core/object/exceptions.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/operators.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/slice.h"
#include "core/object/str.h"
#include "core/object/str_index.h"
#include "core/object/str_methods.h"
#include "core/object/tests/object_test_support.h"
#include "core/object/tuple.h"

namespace stitch {
namespace {

// Builds arguments (kept alive for the test) and runs native methods, reporting the result's repr
// or "ExceptionType: message" exactly as python3 prints them.
class StrMethods : public testing::ObjectTest {
 protected:
  Object* keep(Object* object) {
    EXPECT_NE(object, nullptr);
    pool_.push_back(Ref::steal(object));
    return object;
  }
  Object* S(std::string_view text) { return keep(str_from_utf8(text)); }
  Object* I(std::int64_t value) { return keep(int_from_int64(value)); }
  Object* Big(const char* decimal) {
    mpz_t value;
    mpz_init_set_str(value, decimal, 10);
    Object* result = int_from_mpz(value);
    mpz_clear(value);
    return keep(result);
  }
  Object* T(std::initializer_list<Object*> items) {
    Object* tuple = tuple_new_uninitialized(static_cast<std::int64_t>(items.size()));
    std::int64_t i = 0;
    for (Object* item : items) as_tuple(tuple)->items[i++] = new_ref(item);
    return keep(tuple);
  }
  Object* L(std::initializer_list<Object*> items) {
    Object* list = list_new(0);
    for (Object* item : items) EXPECT_EQ(list_append(list, item), 0);
    return keep(list);
  }

  static std::string outcome(Object* result) {
    if (result == nullptr) {
      Ref exception = Ref::steal(take_exception());
      if (!exception) return "<nullptr without exception>";
      Ref summary = Ref::steal(exception_summary(exception.get()));
      return std::string(str_view(summary.get()));
    }
    EXPECT_FALSE(has_exception()) << "a result AND an exception";
    Ref owned = Ref::steal(result);
    Ref repr = Ref::steal(object_repr(owned.get()));
    return repr ? std::string(str_view(repr.get())) : outcome(nullptr);
  }

  std::string call(NativeMethod method, std::string_view self, std::vector<Object*> args,
                   std::vector<const char*> keywords = {}, std::vector<Object*> values = {}) {
    Object* receiver = S(self);
    Object* kwnames = nullptr;
    if (!keywords.empty()) {
      kwnames = tuple_new_uninitialized(static_cast<std::int64_t>(keywords.size()));
      for (std::size_t i = 0; i < keywords.size(); ++i)
        as_tuple(kwnames)->items[i] = str_intern(keywords[i]);
      keep(kwnames);
    }
    std::size_t nargs = args.size();
    args.insert(args.end(), values.begin(), values.end());
    return outcome(method(receiver, args.data(), nargs, kwnames));
  }

  void TearDown() override {
    pool_.clear();
    testing::ObjectTest::TearDown();
  }

 private:
  std::vector<Ref> pool_;
};

class StrIndex : public StrMethods {
 protected:
  std::string getitem(Object* str, Object* key) { return outcome(str_type.getitem(str, key)); }
  std::string slice(Object* str, Object* start, Object* stop, Object* step) {
    Object* key = keep(slice_new(start, stop, step));
    return outcome(str_type.getitem(str, key));
  }
  std::string concat(Object* left, Object* right) {
    return outcome(str_type.sequence_concat(left, right));
  }
  std::string repeat(Object* str, std::int64_t count) {
    return outcome(str_type.sequence_repeat(str, count));
  }
  // Drains an iterator through the iternext slot into a vector of owned items.
  std::vector<Ref> drain(Object* str) {
    Ref iterator = Ref::steal(str_type.iter(str));
    EXPECT_TRUE(iterator);
    std::vector<Ref> items;
    UnarySlot next = type_of(iterator.get())->iternext;
    while (Object* item = next(iterator.get())) items.push_back(Ref::steal(item));
    EXPECT_FALSE(has_exception());
    return items;
  }
};

TEST_F(StrIndex, SubscriptsSlicesConcatAndRepeatMatchPython) {
  EXPECT_EQ(getitem(S("héllo"), I(1)), "'é'");                                   // 'héllo'[1]
  EXPECT_EQ(getitem(S("héllo"), I(-1)), "'o'");                                  // 'héllo'[-1]
  EXPECT_EQ(getitem(S("abc"), I(5)), "IndexError: string index out of range");   // 'abc'[5]
  EXPECT_EQ(getitem(S("abc"), I(-4)), "IndexError: string index out of range");  // 'abc'[-4]
  EXPECT_EQ(getitem(S("abc"), py_true()), "'b'");                                // 'abc'[True]
  EXPECT_EQ(getitem(S("abc"), Big("1000000000000000000000000000000")),
            "IndexError: cannot fit 'int' into an index-sized integer");  // 'abc'[10**30]
  EXPECT_EQ(getitem(S("abc"), S("x")),
            "TypeError: string indices must be integers, not 'str'");  // 'abc'['x']
  EXPECT_EQ(slice(S("abcdef"), I(1), I(4), none()), "'bcd'");          // 'abcdef'[1:4]
  EXPECT_EQ(slice(S("abcdef"), none(), none(), I(2)), "'ace'");        // 'abcdef'[::2]
  EXPECT_EQ(slice(S("abcdef"), none(), none(), I(-1)), "'fedcba'");    // 'abcdef'[::-1]
  EXPECT_EQ(slice(S("abcdef"), I(-2), I(0), I(-2)), "'ec'");           // 'abcdef'[-2:0:-2]
  EXPECT_EQ(slice(S("abcdef"), I(10), none(), none()), "''");          // 'abcdef'[10:]
  EXPECT_EQ(slice(S("abc"), none(), none(), I(0)),
            "ValueError: slice step cannot be zero");                   // 'abc'[::0]
  EXPECT_EQ(slice(S("héllo wörld"), I(1), I(8), none()), "'éllo wö'");  // 'héllo wörld'[1:8]
  EXPECT_EQ(slice(S("héllo wörld"), none(), none(), I(-3)), "'döoé'");  // 'héllo wörld'[::-3]
  EXPECT_EQ(slice(S("héllo wörld"), I(1), none(), I(2)), "'él öl'");    // 'héllo wörld'[1::2]
  EXPECT_EQ(slice(S("日本語テキスト"), I(-3), none(), none()),
            "'キスト'");                                         // '日本語テキスト'[-3:]
  EXPECT_EQ(slice(S("abc"), I(-100), I(100), none()), "'abc'");  // 'abc'[-100:100]
  EXPECT_EQ(
      slice(S("abc"), I(1), S("x"), none()),
      "TypeError: slice indices must be integers or None or have an __index__ method");  // 'abc'[1:'x']
  EXPECT_EQ(concat(S("a"), S("é")), "'aé'");                                             // 'a'+'é'
  EXPECT_EQ(concat(S("a"), I(1)),
            "TypeError: can only concatenate str (not \"int\") to str");  // 'a'+1
  EXPECT_EQ(repeat(S("ab"), 3), "'ababab'");                              // 'ab'*3
  EXPECT_EQ(repeat(S("é"), 2), "'éé'");                                   // 'é'*2
  EXPECT_EQ(repeat(S("ab"), -1), "''");                                   // 'ab'*-1
  EXPECT_EQ(repeat(S("ab"), std::int64_t{1} << 62),
            "OverflowError: repeated string is too long");  // 'ab'*(2**62)
}

TEST_F(StrIndex, ContainsSearchesCodePointsAndRejectsNonStr) {
  EXPECT_EQ(str_type.contains(S("héllo"), S("él")), 1);
  EXPECT_EQ(str_type.contains(S("héllo"), S("")), 1);
  EXPECT_EQ(str_type.contains(S("héllo"), S("e")), 0);
  EXPECT_EQ(str_type.contains(S("abc"), I(1)), -1);
  EXPECT_EQ(outcome(nullptr), "TypeError: 'in <string>' requires string as left operand, not int");
}

TEST_F(StrIndex, LengthCountsCodePoints) {
  EXPECT_EQ(str_type.length(S("héllo")), 5);  // len('héllo')
  EXPECT_EQ(str_type.length(S("日本語")), 3);
  EXPECT_EQ(str_type.length(S("")), 0);
}

TEST_F(StrIndex, AsciiOneCharacterResultsAreCachedImmortals) {
  Object* word = S("abca");
  Ref first = Ref::steal(str_type.getitem(word, I(0)));
  Ref last = Ref::steal(str_type.getitem(word, I(3)));
  EXPECT_EQ(first.get(), last.get()) << "'abca'[0] is 'abca'[3]";
  EXPECT_TRUE(is_immortal(first.get()));
  Ref sliced = Ref::steal(str_slice(word, 1, 2, 1));
  EXPECT_EQ(str_view(sliced.get()), "b");
  Ref accented = Ref::steal(str_type.getitem(S("é"), I(0)));
  EXPECT_FALSE(is_immortal(accented.get())) << "only ASCII characters are cached";
}

TEST_F(StrIndex, IteratorYieldsEachCodePoint) {
  std::vector<Ref> items = drain(S("aé日😀b"));  // list('aé日😀b')
  ASSERT_EQ(items.size(), 5u);
  const char* expected[] = {"a", "é", "日", "😀", "b"};
  for (std::size_t i = 0; i < items.size(); ++i) EXPECT_EQ(str_view(items[i].get()), expected[i]);
  EXPECT_TRUE(drain(S("")).empty());
  Ref iterator = Ref::steal(str_type.iter(S("x")));
  EXPECT_STREQ(type_name(iterator.get()), "str_iterator");
  Ref same = Ref::steal(type_of(iterator.get())->iter(iterator.get()));
  EXPECT_EQ(same.get(), iterator.get()) << "iter(iterator) is iterator";
}

TEST_F(StrIndex, MethodTableIsInstalled) {
  ASSERT_NE(str_type.methods, nullptr);
  std::vector<std::string> names;
  for (const MethodDef* method = str_type.methods; method->name != nullptr; ++method)
    names.emplace_back(method->name);
  for (const char* name :
       {"join", "split", "format", "zfill", "casefold", "isidentifier", "expandtabs", "removeprefix",
        "removesuffix", "maketrans", "translate"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name;
  }
  EXPECT_EQ(names.size(), 45u);
}

// Through the generic dispatch (operators, attribute lookup, calls) rather than the slots.
TEST_F(StrIndex, WorksThroughGenericDispatch) {
  EXPECT_EQ(outcome(binary_op(S("%s-%d"), T({S("a"), I(3)}), BinaryOp::kRemainder)), "'a-3'");
  EXPECT_EQ(outcome(binary_op(I(5), S("a"), BinaryOp::kRemainder)),
            "TypeError: unsupported operand type(s) for %: 'int' and 'str'");
  EXPECT_EQ(outcome(binary_op(S("a"), S("b"), BinaryOp::kMultiply)),
            "TypeError: can't multiply sequence by non-int of type 'str'");
  EXPECT_EQ(outcome(binary_op(I(3), S("ab"), BinaryOp::kMultiply)), "'ababab'");
  EXPECT_EQ(outcome(binary_op(S("ab"), S("c"), BinaryOp::kAdd)), "'abc'");
  EXPECT_EQ(object_contains(S("abc"), S("x")), 0);
  Ref split = Ref::steal(object_getattr(S("a b"), S("split")));
  ASSERT_TRUE(split);
  EXPECT_EQ(outcome(call_object(split.get(), nullptr, 0, nullptr)), "['a', 'b']");
  Ref format = Ref::steal(object_getattr(S("{}!"), S("format")));
  ASSERT_TRUE(format);
  Object* argument = S("hi");
  EXPECT_EQ(outcome(call_object(format.get(), &argument, 1, nullptr)), "'hi!'");
  EXPECT_EQ(outcome(object_getattr(S("abc"), S("nope"))),
            "AttributeError: 'str' object has no attribute 'nope'");
}

}  // namespace
}  // namespace stitch
