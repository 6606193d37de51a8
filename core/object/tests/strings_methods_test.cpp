// str's methods, checked against python3.11: every expected string below is repr(result) or the
// "Type: message" of the exception that python3 printed for the same call (generated live).
#include <gmp.h>
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/object/bool.h"
#include "core/object/exceptions.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
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

TEST_F(StrMethods, JoinListsTuplesAndRejectsNonStr) {
  EXPECT_EQ(call(str_join, ",", {L({S("a"), S("b"), S("c")})}), "'a,b,c'");
  EXPECT_EQ(call(str_join, "", {T({S("x"), S("y")})}), "'xy'");
  EXPECT_EQ(call(str_join, "-", {L({})}), "''");
  EXPECT_EQ(call(str_join, ",", {L({I(1)})}),
            "TypeError: sequence item 0: expected str instance, int found");
  EXPECT_EQ(call(str_join, ",", {L({S("a"), I(1)})}),
            "TypeError: sequence item 1: expected str instance, int found");
  EXPECT_EQ(call(str_join, ",", {I(5)}), "TypeError: can only join an iterable");
  EXPECT_EQ(call(str_join, "é", {L({S("ä"), S("ö")})}), "'äéö'");
  EXPECT_EQ(call(str_join, ",", {}), "TypeError: str.join() takes exactly one argument (0 given)");
  EXPECT_EQ(call(str_join, ",", {L({})}, {"x"}, {I(1)}),
            "TypeError: str.join() takes no keyword arguments");
  EXPECT_EQ(call(str_join, "+", {S("abc")}), "'a+b+c'");
}

TEST_F(StrMethods, SplitOnWhitespaceIncludingUnicode) {
  EXPECT_EQ(call(str_split, "  a b\011c\012 d  ", {}), "['a', 'b', 'c', 'd']");
  EXPECT_EQ(call(str_split, "a\343\200\200b\342\200\250c\302\240d\034e", {}),
            "['a', 'b', 'c', 'd', 'e']");
  EXPECT_EQ(call(str_split, "  a b  c  ", {none(), I(1)}), "['a', 'b  c  ']");
  EXPECT_EQ(call(str_split, "", {}), "[]");
  EXPECT_EQ(call(str_split, "   ", {}), "[]");
  EXPECT_EQ(call(str_rsplit, "  a b  c  ", {none(), I(1)}), "['  a b', 'c']");
  EXPECT_EQ(call(str_rsplit, "a b c", {}, {"maxsplit"}, {I(0)}), "['a b c']");
  EXPECT_EQ(call(str_split, "a b c", {}, {"maxsplit"}, {I(0)}), "['a b c']");
}

TEST_F(StrMethods, SplitWithSeparator) {
  EXPECT_EQ(call(str_split, "a,b,,c", {S(",")}), "['a', 'b', '', 'c']");
  EXPECT_EQ(call(str_split, "a,b,,c", {S(",")}, {"maxsplit"}, {I(2)}), "['a', 'b', ',c']");
  EXPECT_EQ(call(str_rsplit, "a,b,,c", {S(",")}, {"maxsplit"}, {I(2)}), "['a,b', '', 'c']");
  EXPECT_EQ(call(str_split, "aéb", {S("é"), I(1)}), "['a', 'b']");
  EXPECT_EQ(call(str_split, "abab", {S("ab")}), "['', '', '']");
  EXPECT_EQ(call(str_rsplit, "aaa", {S("aa")}), "['a', '']");
  EXPECT_EQ(call(str_split, "aaa", {S("aa")}), "['', 'a']");
  EXPECT_EQ(call(str_split, "a b", {S("")}), "ValueError: empty separator");
  EXPECT_EQ(call(str_split, "a", {I(1)}), "TypeError: must be str or None, not int");
  EXPECT_EQ(call(str_split, "a", {I(1), I(2), I(3)}),
            "TypeError: split() takes at most 2 arguments (3 given)");
  EXPECT_EQ(call(str_split, "a", {}, {"x"}, {I(1)}),
            "TypeError: 'x' is an invalid keyword argument for split()");
  EXPECT_EQ(call(str_split, "a", {S("a")}, {"sep"}, {S("b")}),
            "TypeError: argument for split() given by name ('sep') and position (1)");
  EXPECT_EQ(call(str_split, "a", {}, {"maxsplit"}, {S("a")}),
            "TypeError: 'str' object cannot be interpreted as an integer");
  EXPECT_EQ(call(str_split, "a", {none(), I(1)}, {"maxsplit"}, {I(2)}),
            "TypeError: split() takes at most 2 arguments (3 given)");
  EXPECT_EQ(call(str_rsplit, ",a,", {S(",")}), "['', 'a', '']");
}

TEST_F(StrMethods, Splitlines) {
  EXPECT_EQ(call(str_splitlines, "a\012b\015\012c\015d\013e\034f\302\205g\342\200\250h", {}),
            "['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']");
  EXPECT_EQ(call(str_splitlines, "a\012b\015\012", {py_true()}), "['a\\n', 'b\\r\\n']");
  EXPECT_EQ(call(str_splitlines, "a\012\012b", {}, {"keepends"}, {py_true()}),
            "['a\\n', '\\n', 'b']");
  EXPECT_EQ(call(str_splitlines, "", {}), "[]");
  EXPECT_EQ(call(str_splitlines, "x", {I(1), I(2)}),
            "TypeError: splitlines() takes at most 1 argument (2 given)");
  EXPECT_EQ(call(str_splitlines, "x", {}, {"keepends"}, {none()}),
            "TypeError: 'NoneType' object cannot be interpreted as an integer");
}

TEST_F(StrMethods, StripFamily) {
  EXPECT_EQ(call(str_strip, "  \011 hi \012", {}), "'hi'");
  EXPECT_EQ(call(str_strip, "\343\200\200hé\342\200\251", {}), "'hé'");
  EXPECT_EQ(call(str_lstrip, "xxhixx", {S("x")}), "'hixx'");
  EXPECT_EQ(call(str_rstrip, "xxhixx", {S("x")}), "'xxhi'");
  EXPECT_EQ(call(str_strip, "éaé", {S("é")}), "'a'");
  EXPECT_EQ(call(str_strip, "abc", {S("cab")}), "''");
  EXPECT_EQ(call(str_strip, "a", {I(1)}), "TypeError: strip arg must be None or str");
  EXPECT_EQ(call(str_lstrip, "a", {I(1)}), "TypeError: lstrip arg must be None or str");
  EXPECT_EQ(call(str_rstrip, "a", {I(1)}), "TypeError: rstrip arg must be None or str");
  EXPECT_EQ(call(str_strip, "a", {I(1), I(2)}),
            "TypeError: strip expected at most 1 argument, got 2");
  EXPECT_EQ(call(str_strip, "a", {}, {"chars"}, {S("x")}),
            "TypeError: str.strip() takes no keyword arguments");
  EXPECT_EQ(call(str_strip, " a ", {none()}), "'a'");
}

TEST_F(StrMethods, Replace) {
  EXPECT_EQ(call(str_replace, "aaaa", {S("a"), S("b")}), "'bbbb'");
  EXPECT_EQ(call(str_replace, "aaaa", {S("a"), S("b"), I(2)}), "'bbaa'");
  EXPECT_EQ(call(str_replace, "abc", {S(""), S("-")}), "'-a-b-c-'");
  EXPECT_EQ(call(str_replace, "héllo", {S(""), S("|"), I(3)}), "'|h|é|llo'");
  EXPECT_EQ(call(str_replace, "héllo", {S("é"), S("e")}), "'hello'");
  EXPECT_EQ(call(str_replace, "a", {I(1), I(2)}),
            "TypeError: replace() argument 1 must be str, not int");
  EXPECT_EQ(call(str_replace, "a", {S("a"), I(2)}),
            "TypeError: replace() argument 2 must be str, not int");
  EXPECT_EQ(call(str_replace, "a", {S("a")}),
            "TypeError: replace expected at least 2 arguments, got 1");
  EXPECT_EQ(call(str_replace, "abc", {S("x"), S("y")}), "'abc'");
  EXPECT_EQ(call(str_replace, "aaa", {S("a"), S(""), I(-1)}), "''");
}

TEST_F(StrMethods, FindIndexCount) {
  EXPECT_EQ(call(str_find, "hello", {S("l")}), "2");
  EXPECT_EQ(call(str_rfind, "hello", {S("l")}), "3");
  EXPECT_EQ(call(str_find, "hello", {S("l"), I(3)}), "3");
  EXPECT_EQ(call(str_find, "hello", {S("l"), I(-2)}), "3");
  EXPECT_EQ(call(str_find, "hello", {S("l"), I(0), I(2)}), "-1");
  EXPECT_EQ(call(str_find, "abc", {S(""), I(4)}), "-1");
  EXPECT_EQ(call(str_find, "abc", {S(""), I(3)}), "3");
  EXPECT_EQ(call(str_find, "héllo", {S("l")}), "2");
  EXPECT_EQ(call(str_rfind, "héllo wörld", {S("ö")}), "7");
  EXPECT_EQ(call(str_find, "héllo", {S("l"), I(3), none()}), "3");
  EXPECT_EQ(call(str_index, "abc", {S("z")}), "ValueError: substring not found");
  EXPECT_EQ(call(str_rindex, "abc", {S("z")}), "ValueError: substring not found");
  EXPECT_EQ(call(str_index, "aXbX", {S("X")}), "1");
  EXPECT_EQ(call(str_rindex, "aXbX", {S("X")}), "3");
  EXPECT_EQ(call(str_find, "a", {I(1)}), "TypeError: must be str, not int");
  EXPECT_EQ(call(str_find, "a", {}), "TypeError: find() takes at least 1 argument (0 given)");
  EXPECT_EQ(call(str_find, "a", {S("a"), I(1), I(2), I(3)}),
            "TypeError: find() takes at most 3 arguments (4 given)");
  EXPECT_EQ(call(str_find, "a", {S("a"), S("x")}),
            "TypeError: slice indices must be integers or None or have an __index__ method");
  // What `'a'.find('a', x=1)` prints (a bound method object called later says "find()").
  EXPECT_EQ(call(str_find, "a", {S("a")}, {"x"}, {I(1)}),
            "TypeError: str.find() takes no keyword arguments");
  EXPECT_EQ(call(str_find, "abc", {S("c"), Big("1000000000000000000000000000000")}), "-1");
  EXPECT_EQ(call(str_find, "abc", {S("c"), Big("-1000000000000000000000000000000")}), "2");
  EXPECT_EQ(call(str_count, "aaaa", {S("aa")}), "2");
  EXPECT_EQ(call(str_count, "abc", {S("")}), "4");
  EXPECT_EQ(call(str_count, "abc", {S(""), I(1)}), "3");
  EXPECT_EQ(call(str_count, "héé", {S("é")}), "2");
  EXPECT_EQ(call(str_count, "héé", {S(""), I(1)}), "3");
  EXPECT_EQ(call(str_count, "a", {I(1)}), "TypeError: must be str, not int");
  EXPECT_EQ(call(str_count, "abc", {S(""), I(5)}), "0");
}

TEST_F(StrMethods, StartsWithEndsWith) {
  EXPECT_EQ(call(str_startswith, "hello", {S("he")}), "True");
  EXPECT_EQ(call(str_startswith, "hello", {T({S("x"), S("he")})}), "True");
  EXPECT_EQ(call(str_startswith, "hello", {S("l"), I(2)}), "True");
  EXPECT_EQ(call(str_endswith, "hello", {S("lo")}), "True");
  EXPECT_EQ(call(str_endswith, "hello", {S("ll"), I(0), I(4)}), "True");
  EXPECT_EQ(call(str_endswith, "héllo", {T({S("é"), S("lo")})}), "True");
  EXPECT_EQ(call(str_startswith, "abc", {S(""), I(3)}), "True");
  EXPECT_EQ(call(str_startswith, "abc", {S(""), I(4)}), "False");
  EXPECT_EQ(call(str_startswith, "abc", {S(""), I(2), I(1)}), "False");
  EXPECT_EQ(call(str_startswith, "a", {I(1)}),
            "TypeError: startswith first arg must be str or a tuple of str, not int");
  EXPECT_EQ(call(str_endswith, "a", {I(1)}),
            "TypeError: endswith first arg must be str or a tuple of str, not int");
  EXPECT_EQ(call(str_startswith, "a", {T({I(1)})}),
            "TypeError: tuple for startswith must only contain str, not int");
  EXPECT_EQ(call(str_startswith, "a", {}),
            "TypeError: startswith() takes at least 1 argument (0 given)");
  EXPECT_EQ(call(str_endswith, "héllo", {S("é"), I(0), I(2)}), "True");
}

TEST_F(StrMethods, CaseConversions) {
  EXPECT_EQ(call(str_upper, "straße", {}), "'STRASSE'");
  EXPECT_EQ(call(str_lower, "ÀÉÎ", {}), "'àéî'");
  EXPECT_EQ(call(str_lower, "ΣΑΣ", {}), "'σας'");
  EXPECT_EQ(call(str_title, "they're bill's friends", {}), "\"They'Re Bill'S Friends\"");
  EXPECT_EQ(call(str_capitalize, "hELLO wORLD", {}), "'Hello world'");
  EXPECT_EQ(call(str_swapcase, "Hello ß", {}), "'hELLO SS'");
  EXPECT_EQ(call(str_casefold, "Straße", {}), "'strasse'");
  EXPECT_EQ(call(str_upper, "a", {I(1)}), "TypeError: str.upper() takes no arguments (1 given)");
  EXPECT_EQ(call(str_upper, "a", {}, {"x"}, {I(1)}),
            "TypeError: str.upper() takes no keyword arguments");
  EXPECT_EQ(call(str_lower, "HeLLo", {}), "'hello'");
}

TEST_F(StrMethods, Predicates) {
  EXPECT_EQ(call(str_isdigit, "123", {}), "True");
  EXPECT_EQ(call(str_isdigit, "²", {}), "True");
  EXPECT_EQ(call(str_isdecimal, "²", {}), "False");
  EXPECT_EQ(call(str_isnumeric, "½", {}), "True");
  EXPECT_EQ(call(str_isalpha, "héllo", {}), "True");
  EXPECT_EQ(call(str_isalpha, "", {}), "False");
  EXPECT_EQ(call(str_isalnum, "abc123", {}), "True");
  EXPECT_EQ(call(str_isspace, " \011\343\200\200", {}), "True");
  EXPECT_EQ(call(str_isspace, "", {}), "False");
  EXPECT_EQ(call(str_isupper, "A1", {}), "True");
  EXPECT_EQ(call(str_islower, "a1", {}), "True");
  EXPECT_EQ(call(str_istitle, "Hello World", {}), "True");
  EXPECT_EQ(call(str_istitle, "Hello world", {}), "False");
  EXPECT_EQ(call(str_isidentifier, "_x1", {}), "True");
  EXPECT_EQ(call(str_isidentifier, "1x", {}), "False");
  EXPECT_EQ(call(str_isprintable, "a\012", {}), "False");
  EXPECT_EQ(call(str_isprintable, "", {}), "True");
  EXPECT_EQ(call(str_isascii, "abc", {}), "True");
  EXPECT_EQ(call(str_isascii, "é", {}), "False");
  EXPECT_EQ(call(str_isidentifier, "a b", {I(1)}),
            "TypeError: str.isidentifier() takes no arguments (1 given)");
}

TEST_F(StrMethods, Padding) {
  EXPECT_EQ(call(str_center, "abc", {I(7)}), "'  abc  '");
  EXPECT_EQ(call(str_center, "abc", {I(6), S("*")}), "'*abc**'");
  EXPECT_EQ(call(str_center, "ab", {I(5), S("é")}), "'ééabé'");
  EXPECT_EQ(call(str_ljust, "héllo", {I(8), S(".")}), "'héllo...'");
  EXPECT_EQ(call(str_rjust, "héllo", {I(8)}), "'   héllo'");
  EXPECT_EQ(call(str_center, "abc", {I(2)}), "'abc'");
  EXPECT_EQ(call(str_center, "abc", {I(5), S("ab")}),
            "TypeError: The fill character must be exactly one character long");
  EXPECT_EQ(call(str_center, "abc", {I(5), I(1)}),
            "TypeError: The fill character must be a unicode character, not int");
  EXPECT_EQ(call(str_center, "a", {}), "TypeError: center expected at least 1 argument, got 0");
  EXPECT_EQ(call(str_center, "a", {S("x")}),
            "TypeError: 'str' object cannot be interpreted as an integer");
  EXPECT_EQ(call(str_center, "a", {Big("1000000000000000000000000000000")}),
            "OverflowError: Python int too large to convert to C ssize_t");
  EXPECT_EQ(call(str_center, "a", {I(3)}, {"fillchar"}, {S("x")}),
            "TypeError: str.center() takes no keyword arguments");
  EXPECT_EQ(call(str_zfill, "42", {I(5)}), "'00042'");
  EXPECT_EQ(call(str_zfill, "-42", {I(5)}), "'-0042'");
  EXPECT_EQ(call(str_zfill, "+é", {I(4)}), "'+00é'");
  EXPECT_EQ(call(str_zfill, "abc", {I(2)}), "'abc'");
  EXPECT_EQ(call(str_zfill, "a", {}),
            "TypeError: str.zfill() takes exactly one argument (0 given)");
  EXPECT_EQ(call(str_zfill, "a", {S("a")}),
            "TypeError: 'str' object cannot be interpreted as an integer");
}

TEST_F(StrMethods, PartitionAndExpandtabs) {
  EXPECT_EQ(call(str_partition, "a=b=c", {S("=")}), "('a', '=', 'b=c')");
  EXPECT_EQ(call(str_rpartition, "a=b=c", {S("=")}), "('a=b', '=', 'c')");
  EXPECT_EQ(call(str_partition, "abc", {S("x")}), "('abc', '', '')");
  EXPECT_EQ(call(str_rpartition, "abc", {S("x")}), "('', '', 'abc')");
  EXPECT_EQ(call(str_partition, "a", {S("")}), "ValueError: empty separator");
  EXPECT_EQ(call(str_partition, "a", {I(1)}), "TypeError: must be str, not int");
  EXPECT_EQ(call(str_rpartition, "a", {}),
            "TypeError: str.rpartition() takes exactly one argument (0 given)");
  EXPECT_EQ(call(str_partition, "héllo", {S("é")}), "('h', 'é', 'llo')");
  EXPECT_EQ(call(str_expandtabs, "a\011bc\011d", {}), "'a       bc      d'");
  EXPECT_EQ(call(str_expandtabs, "a\011b\012c\011d", {I(4)}), "'a   b\\nc   d'");
  EXPECT_EQ(call(str_expandtabs, "é\011x", {}, {"tabsize"}, {I(3)}), "'é  x'");
  EXPECT_EQ(call(str_expandtabs, "a\011b", {I(0)}), "'ab'");
  EXPECT_EQ(call(str_expandtabs, "a", {I(1), I(2)}),
            "TypeError: expandtabs() takes at most 1 argument (2 given)");
  EXPECT_EQ(call(str_expandtabs, "a", {S("x")}),
            "TypeError: 'str' object cannot be interpreted as an integer");
}

}  // namespace
}  // namespace stitch
