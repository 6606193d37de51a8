# The sequences area of the object model: list, range, slice, iterators, tuple's sequence methods.
target_sources(stitch_object PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/sequences_init.cpp
  ${CMAKE_CURRENT_LIST_DIR}/slice.cpp
  ${CMAKE_CURRENT_LIST_DIR}/list.cpp
  ${CMAKE_CURRENT_LIST_DIR}/list_sort.cpp
  ${CMAKE_CURRENT_LIST_DIR}/range.cpp
  ${CMAKE_CURRENT_LIST_DIR}/iterators.cpp
  ${CMAKE_CURRENT_LIST_DIR}/callable_iterator.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tuple_methods.cpp)

stitch_add_gtest(stitch_object_sequences_tests
  SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/tests/sequences_list_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tests/sequences_range_slice_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tests/sequences_iterators_test.cpp
  LIBS stitch_object)

stitch_add_gtest(stitch_object_sequences_threaded_tests
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tests/sequences_threaded_test.cpp
  LIBS stitch_object
  LABELS threaded)
