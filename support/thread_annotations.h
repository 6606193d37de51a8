// Clang thread-safety annotations (checked by -Wthread-safety in every build).
// Every lock in Stitch is annotated, and so is the data it guards.
#pragma once

#if defined(__clang__)
#define STITCH_TSA(x) __attribute__((x))
#else
#define STITCH_TSA(x)
#endif

#define STITCH_CAPABILITY(name) STITCH_TSA(capability(name))
#define STITCH_SCOPED_CAPABILITY STITCH_TSA(scoped_lockable)
#define STITCH_GUARDED_BY(m) STITCH_TSA(guarded_by(m))
#define STITCH_PT_GUARDED_BY(m) STITCH_TSA(pt_guarded_by(m))
#define STITCH_REQUIRES(...) STITCH_TSA(requires_capability(__VA_ARGS__))
#define STITCH_EXCLUDES(...) STITCH_TSA(locks_excluded(__VA_ARGS__))
#define STITCH_ACQUIRE(...) STITCH_TSA(acquire_capability(__VA_ARGS__))
#define STITCH_RELEASE(...) STITCH_TSA(release_capability(__VA_ARGS__))
#define STITCH_TRY_ACQUIRE(...) STITCH_TSA(try_acquire_capability(__VA_ARGS__))
#define STITCH_RETURN_CAPABILITY(x) STITCH_TSA(lock_returned(x))
#define STITCH_NO_THREAD_SAFETY_ANALYSIS STITCH_TSA(no_thread_safety_analysis)
