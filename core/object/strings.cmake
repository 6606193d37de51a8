# The strings area of the object model: str's sequence slots, methods and formatting.
target_sources(stitch_object PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/strings_init.cpp
  ${CMAKE_CURRENT_LIST_DIR}/str_index.cpp
  ${CMAKE_CURRENT_LIST_DIR}/str_append.cpp
  ${CMAKE_CURRENT_LIST_DIR}/str_repr.cpp
  ${CMAKE_CURRENT_LIST_DIR}/str_translate.cpp
  ${CMAKE_CURRENT_LIST_DIR}/str_methods.cpp
  ${CMAKE_CURRENT_LIST_DIR}/str_format.cpp)

stitch_add_gtest(stitch_object_strings_tests
  SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/tests/strings_index_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tests/strings_methods_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tests/strings_format_test.cpp
  LIBS stitch_object)

stitch_add_gtest(stitch_object_strings_threaded_tests
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tests/strings_threaded_test.cpp
  LIBS stitch_object
  LABELS threaded)
