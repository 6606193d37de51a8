# Installs the build tree into a temporary prefix, then builds and runs the consumer project
# against it three ways: find_package with the shared library, with the static bundle, and a plain
# compiler command line from pkg-config. Run with cmake -P (see CMakeLists.txt for the variables).
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "failed (${code}): ${ARGN}\n${out}\n${err}")
  endif()
  message(STATUS "${out}")
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

# A consumer linked with libstitch.so finds the installed standard library (<prefix>/share/stitch/
# lib, beside the library) without module_path, not the source tree's copy.
function(expect_installed_stdlib)
  if(NOT last_output MATCHES "heapq from ${prefix}/share/stitch/lib/heapq.py")
    message(FATAL_ERROR "the installed library did not import heapq from ${prefix}/share/stitch/lib:\n${last_output}")
  endif()
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")
run(${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}")
foreach(file include/stitch/stitch.h include/stitch/stitch.hpp lib/libstitch.a lib/cmake/Stitch/StitchConfig.cmake
             lib/pkgconfig/stitch.pc share/stitch/lib/heapq.py)
  if(NOT EXISTS "${prefix}/${file}")
    message(FATAL_ERROR "not installed: ${file}")
  endif()
endforeach()

# The installed command finds the same copy (<prefix>/bin/../share/stitch/lib), not the source tree's.
run("${prefix}/bin/stitch" -c "import heapq\nprint('heapq from', heapq.__file__)")
expect_installed_stdlib()

foreach(kind shared static)
  if(kind STREQUAL "static")
    set(use_static ON)
  else()
    set(use_static OFF)
  endif()
  set(build "${WORK_DIR}/build-${kind}")
  run(${CMAKE_COMMAND} -S "${CONSUMER_SOURCE}" -B "${build}" -G Ninja -DCMAKE_BUILD_TYPE=Release
      -DCMAKE_C_COMPILER=${C_COMPILER} -DCMAKE_CXX_COMPILER=${CXX_COMPILER}
      -DCMAKE_PREFIX_PATH=${prefix} -DSTITCH_USE_STATIC=${use_static})
  run(${CMAKE_COMMAND} --build "${build}")
  run("${build}/consumer_c")
  if(kind STREQUAL "shared")
    expect_installed_stdlib()
  endif()
  run("${build}/consumer_cpp")
endforeach()

# The static consumer must not need libstitch.so at run time.
execute_process(COMMAND ldd "${WORK_DIR}/build-static/consumer_c" OUTPUT_VARIABLE libs)
if(libs MATCHES "libstitch")
  message(FATAL_ERROR "the static consumer links libstitch.so:\n${libs}")
endif()

# pkg-config, shared: cc main.c $(pkg-config --cflags --libs stitch)
set(ENV{PKG_CONFIG_PATH} "${prefix}/lib/pkgconfig")
execute_process(COMMAND pkg-config --cflags --libs stitch OUTPUT_VARIABLE flags RESULT_VARIABLE code
                OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "pkg-config does not find stitch.pc")
endif()
separate_arguments(flags UNIX_COMMAND "${flags}")
run(${C_COMPILER} "${CONSUMER_SOURCE}/main.c" ${flags} -o "${WORK_DIR}/consumer_pc")
set(ENV{LD_LIBRARY_PATH} "${prefix}/lib")
run("${WORK_DIR}/consumer_pc")
expect_installed_stdlib()
