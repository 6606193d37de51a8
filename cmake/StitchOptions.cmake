# Compiler flags shared by every Stitch target: warnings, frame pointers, sanitizers.
include_guard(GLOBAL)

set(STITCH_SANITIZER "none" CACHE STRING "none, address (ASan+UBSan) or thread (TSan)")
set_property(CACHE STITCH_SANITIZER PROPERTY STRINGS none address thread)
option(STITCH_WERROR "Treat warnings as errors" OFF)

add_library(stitch_options INTERFACE)
target_compile_features(stitch_options INTERFACE cxx_std_20)
target_compile_options(stitch_options INTERFACE
  -Wall -Wextra -Wthread-safety -Wno-unused-parameter
  -fno-omit-frame-pointer -mno-omit-leaf-frame-pointer)
if(STITCH_WERROR)
  target_compile_options(stitch_options INTERFACE -Werror)
endif()

if(STITCH_SANITIZER STREQUAL "address")
  set(_san -fsanitize=address,undefined -fno-sanitize-recover=undefined)
elseif(STITCH_SANITIZER STREQUAL "thread")
  set(_san -fsanitize=thread)
endif()
if(_san)
  add_compile_options(${_san})
  add_link_options(${_san})
  target_compile_definitions(stitch_options INTERFACE STITCH_SANITIZER_BUILD=1)
endif()

# Labels every test with "unit" plus extras; "threaded" ones also run under the tsan preset.
# gtest_discover_tests flattens a list given in PROPERTIES, so the labels are applied by a file
# that ctest includes after discovery.
function(stitch_add_gtest target)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${target} ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gtest_main stitch_options)
  gtest_discover_tests(${target} DISCOVERY_TIMEOUT 60 PROPERTIES TIMEOUT 300)
  set(labels_file "${CMAKE_CURRENT_BINARY_DIR}/${target}_labels.cmake")
  file(WRITE "${labels_file}"
    "if(${target}_TESTS)\n  set_tests_properties(\${${target}_TESTS} PROPERTIES LABELS \"unit;${ARG_LABELS}\")\nendif()\n")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES "${labels_file}")
endfunction()
