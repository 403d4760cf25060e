//! How the allocator keeps memory, for commands whose phases each take much of it.

/// Makes every thread allocate from one heap (GNU libc on Linux; elsewhere nothing).
///
/// By default glibc gives each thread that allocates its own heap ("arena") and keeps
/// what is freed in it: `livret impose` frees the parsed input on the main thread,
/// then draws pages for their ink on worker threads, which took fresh memory beside
/// the freed (the 615-page manual peaked at 110 MB instead of 92 MB, no faster). Call
/// before the worker threads first allocate.
pub fn one_heap() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        unsafe extern "C" {
            fn mallopt(param: i32, value: i32) -> i32;
        }
        /// glibc's `M_ARENA_MAX` (malloc.h): the most arenas it makes.
        const M_ARENA_MAX: i32 = -8;
        // SAFETY: `mallopt` only sets an allocator parameter; glibc takes its own lock
        // and allows it at any time, from any thread.
        unsafe {
            mallopt(M_ARENA_MAX, 1);
        }
    }
}
