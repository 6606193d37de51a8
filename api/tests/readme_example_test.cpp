// Runs the README's example (readme_example.c, compiled as C).
#include <gtest/gtest.h>

extern "C" int stitch_readme_example(void);

TEST(ReadmeExampleTest, RunsAsWritten) { EXPECT_EQ(stitch_readme_example(), 0); }
