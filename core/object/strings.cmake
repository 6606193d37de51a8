# The strings area of the object model: its sources and tests.
target_sources(stitch_object PRIVATE ${CMAKE_CURRENT_LIST_DIR}/strings_init.cpp)
