// Consumer of an installed Stitch, in C++ through stitch.hpp.
#include <cstdio>

#include <stitch/stitch.hpp>

int main() {
  try {
    stitch::Runtime runtime;
    stitch::Attached attached(runtime);
    runtime.eval("def greet(name):\n    return 'hello ' + name\n");
    std::string text = runtime.call("__main__", "greet", "stitch").to_str();
    std::printf("consumer_cpp: %s\n", text.c_str());
    return text == "hello stitch" ? 0 : 1;
  } catch (const stitch::Error& error) {
    std::fprintf(stderr, "%s\n", error.what());
    return 1;
  }
}
