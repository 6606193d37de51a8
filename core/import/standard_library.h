// Where the standard library's Python modules (lib/) are, for the search path of a new runtime.
#pragma once

#include <string>

namespace stitch::imports {

/// The installed copy, <prefix>/share/stitch/lib, found relative to the file this code was loaded
/// from (libstitch.so in <libdir>, or an executable in <bindir> that links Stitch statically, such
/// as the CLI), so an installed host uses the files of its own version even where the source tree
/// still exists; else the source tree's lib/ the build compiled in (a build tree works without an
/// install step); else "" (scripts then import only native modules and their own files).
std::string standard_library_dir();

}  // namespace stitch::imports
