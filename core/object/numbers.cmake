# The numbers area of the object model: int arithmetic, float, numeric conversions.
target_sources(stitch_object PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/numbers_init.cpp
  ${CMAKE_CURRENT_LIST_DIR}/int_arith.cpp
  ${CMAKE_CURRENT_LIST_DIR}/float.cpp
  ${CMAKE_CURRENT_LIST_DIR}/number_methods.cpp
  ${CMAKE_CURRENT_LIST_DIR}/number_convert.cpp)

stitch_add_gtest(stitch_object_numbers_tests
  SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/tests/numbers_int_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tests/numbers_float_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tests/numbers_convert_test.cpp
  LIBS stitch_object)
