/* libstitch.so has no code of its own: the API comes whole from stitch_api's archive. CMake wants
 * one source file per library target. */
typedef int stitch_package_anchor;
