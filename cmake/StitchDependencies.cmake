# Finds every dependency, or fails configuration with one line that says what to install.
include_guard(GLOBAL)

function(stitch_require found what package)
  if(NOT ${found})
    message(FATAL_ERROR "Stitch: ${what} not found. Install it with: apt-get install ${package}   (or run scripts/install-deps.sh)")
  endif()
endfunction()

find_package(Threads REQUIRED)

find_package(GTest CONFIG QUIET)
stitch_require(GTest_FOUND "GoogleTest" "libgtest-dev libgmock-dev")

find_package(benchmark CONFIG QUIET)
stitch_require(benchmark_FOUND "Google Benchmark" "libbenchmark-dev")

find_package(TBB CONFIG QUIET)
stitch_require(TBB_FOUND "oneTBB" "libtbb-dev")

find_package(LLVM 19.1 CONFIG QUIET PATHS /usr/lib/llvm-19/lib/cmake/llvm NO_DEFAULT_PATH)
stitch_require(LLVM_FOUND "LLVM 19" "llvm-19-dev")

find_package(PkgConfig QUIET)
stitch_require(PKG_CONFIG_FOUND "pkg-config" "pkg-config")
pkg_check_modules(GMP QUIET IMPORTED_TARGET gmp)
stitch_require(GMP_FOUND "GMP" "libgmp-dev")
pkg_check_modules(URCU_QSBR QUIET IMPORTED_TARGET liburcu-qsbr)
stitch_require(URCU_QSBR_FOUND "liburcu (QSBR flavour, the micro-benchmark anchor)" "liburcu-dev")

# mimalloc: built from Debian's source package as a static library that does NOT override malloc.
set(STITCH_MIMALLOC_SOURCE "${PROJECT_SOURCE_DIR}/.deps/mimalloc" CACHE PATH "mimalloc source tree")
if(NOT EXISTS "${STITCH_MIMALLOC_SOURCE}/CMakeLists.txt")
  message(FATAL_ERROR "Stitch: mimalloc source not found in ${STITCH_MIMALLOC_SOURCE}. Run scripts/install-deps.sh (it fetches Debian's mimalloc source package).")
endif()
set(MI_OVERRIDE OFF CACHE BOOL "" FORCE)
set(MI_BUILD_SHARED OFF CACHE BOOL "" FORCE)
set(MI_BUILD_OBJECT OFF CACHE BOOL "" FORCE)
set(MI_BUILD_TESTS OFF CACHE BOOL "" FORCE)
set(MI_INSTALL_TOPLEVEL OFF CACHE BOOL "" FORCE)
set(MI_BUILD_STATIC ON CACHE BOOL "" FORCE)
add_subdirectory("${STITCH_MIMALLOC_SOURCE}" "${PROJECT_BINARY_DIR}/_deps/mimalloc" EXCLUDE_FROM_ALL SYSTEM)
set_target_properties(mimalloc-static PROPERTIES POSITION_INDEPENDENT_CODE ON)
