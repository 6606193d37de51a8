// Runs the README's examples: the C ones (readme_example.c, compiled as C) and the C++ one.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "stitch/stitch.hpp"

extern "C" int stitch_readme_example(void);
extern "C" int stitch_readme_example_native(void);
extern "C" int stitch_readme_example_config(void);

TEST(ReadmeExampleTest, RunsAsWritten) { EXPECT_EQ(stitch_readme_example(), 0); }
TEST(ReadmeExampleTest, ConfigurationKeysSectionRunsAsWritten) { EXPECT_EQ(stitch_readme_example_config(), 0); }
TEST(ReadmeExampleTest, NativeDetachInterruptSectionRunsAsWritten) {
  EXPECT_EQ(stitch_readme_example_native(), 0);
}

TEST(ReadmeExampleTest, CppSectionRunsAsWritten) {
  stitch::Runtime runtime(stitch::Config().set("recursion_limit", 2000));
  stitch::Attached attached(runtime);
  runtime.define(nullptr, "scale", [](stitch_runtime* rt, std::vector<stitch::Value>& args) {
    return stitch::Value::from(rt, args.at(0).to_int() * 3);
  });
  runtime.eval("def f(x, name):\n    return [scale(x), name.upper()]\n");
  stitch::Value result = runtime.call("__main__", "f", 14, "ada");
  EXPECT_EQ(result[0].to_int(), 42);
  EXPECT_EQ(result[1].to_str(), "ADA");
  {
    stitch::Detached detached(runtime);
  }
  try {
    runtime.eval("1 / 0\n");
    FAIL() << "no exception";
  } catch (const stitch::Error& e) {
    EXPECT_EQ(e.status(), STITCH_E_SCRIPT);
  }
}
