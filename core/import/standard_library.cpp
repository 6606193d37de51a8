#include "core/import/standard_library.h"

#include <dlfcn.h>

#include <filesystem>
#include <system_error>

namespace stitch::imports {

std::string standard_library_dir() {
  std::error_code error;
  Dl_info info{};
  if (dladdr(reinterpret_cast<const void*>(&standard_library_dir), &info) != 0 && info.dli_fname != nullptr) {
    auto loaded = std::filesystem::canonical(info.dli_fname, error);
    if (!error) {
      // The relative paths depend on the install layout (Debian's multiarch libdir is two levels
      // deep), so the build computes them (CMakeLists.txt).
      for (const char* relative : {STITCH_LIB_FROM_LIBDIR, STITCH_LIB_FROM_BINDIR}) {
        auto installed = (loaded.parent_path() / relative).lexically_normal();
        if (std::filesystem::is_directory(installed, error)) return installed.string();
      }
    }
  }
  if (std::filesystem::is_directory(STITCH_LIB_DIR, error)) return STITCH_LIB_DIR;
  return "";
}

}  // namespace stitch::imports
