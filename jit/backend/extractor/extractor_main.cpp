// stitch-stencil-extractor: build-time tool.
//   stitch-stencil-extractor --prefix stitch_stencil_ --namespace a::b --output jit_stencils.h in.o
// Exits non-zero with one clear line on stderr when the object has anything it cannot patch.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

#include "jit/backend/extractor/stencil_extractor.h"

int main(int argc, char** argv) {
  std::string prefix = "stitch_stencil_";
  std::string cpp_namespace = "stitch::jit::stencils";
  std::string output;
  std::string input;
  for (int i = 1; i < argc; ++i) {
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (std::strcmp(argv[i], "--prefix") == 0) prefix = next();
    else if (std::strcmp(argv[i], "--namespace") == 0) cpp_namespace = next();
    else if (std::strcmp(argv[i], "--output") == 0) output = next();
    else input = argv[i];
  }
  if (input.empty() || output.empty()) {
    std::fprintf(stderr, "usage: stitch-stencil-extractor [--prefix P] [--namespace N] --output OUT.h IN.o\n");
    return 2;
  }
  auto set = stitch::jit::extractor::extract_stencils_from_file(input, prefix);
  if (!set) {
    std::fprintf(stderr, "stitch-stencil-extractor: error: %s\n", set.error().c_str());
    return 1;
  }
  std::string header = stitch::jit::extractor::render_stencil_header(*set, cpp_namespace, input);
  std::ofstream file(output, std::ios::binary | std::ios::trunc);
  file << header;
  if (!file) {
    std::fprintf(stderr, "stitch-stencil-extractor: error: cannot write %s\n", output.c_str());
    return 1;
  }
  return 0;
}
