# The mappings area of the object model: dict (+ views), set and frozenset, and their tests.
target_sources(stitch_object PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/mappings_init.cpp
  ${CMAKE_CURRENT_LIST_DIR}/dict.cpp
  ${CMAKE_CURRENT_LIST_DIR}/dict_views.cpp
  ${CMAKE_CURRENT_LIST_DIR}/set.cpp)

stitch_add_gtest(stitch_object_mappings_tests
  SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/tests/mappings_dict_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tests/mappings_set_test.cpp
  LIBS stitch_object)

stitch_add_gtest(stitch_object_mappings_threaded_tests
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tests/mappings_threaded_test.cpp
  LIBS stitch_object
  LABELS threaded)
