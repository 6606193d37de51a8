# The mappings area of the object model: its sources and tests.
target_sources(stitch_object PRIVATE ${CMAKE_CURRENT_LIST_DIR}/mappings_init.cpp)
