/* emulator-build.c: the build a server describes in /_api/version?details=true
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every release describes the build it is (compiler, libraries, CPU
 * flags), and the keys differ between the recorded builds: "asm-crc32"
 * only in 3.10.14, "build-id" in the 3.12 builds, "faiss" and "openmp"
 * in 3.12.10 (not in the 3.12.0 nightly).  The emulator answers as the
 * recorded build of its release series (../shared/arango-api/transcripts/
 * {3.10,3.11,3.12,4.x}/RestVersionDetails_single.json, in their key
 * order), with @VERSION@ for the version answered as.
 */

#include "emulator-build.h"

#include "emulator-reply.h"

typedef struct
{
  const char *key;
  const char *value;
} BuildDetail;

typedef struct
{
  const char        *repository;
  const BuildDetail *details;
  gsize              n_details;
} Build;

#define REPOSITORY_3_10 "refs/@VERSION@ 31b0e460c"

/* 3.10/RestVersionDetails_single.json (3.10.14) */
static const BuildDetail details_3_10[] = {
  { "architecture", "64bit" },
  { "arm", "false" },
  { "asan", "false" },
  { "asm-crc32", "true" },
  { "assertions", "false" },
  { "avx", "true" },
  { "avx2", "false" },
  { "boost-version", "1.78.0" },
  { "build-date", "2024-04-04 15:14:08" },
  { "build-repository", REPOSITORY_3_10 },
  { "compiler", "gcc [11.2.1 20220219]" },
  { "coverage", "false" },
  { "cplusplus", "202002" },
  { "curl-version", "none" },
  { "debug", "false" },
  { "endianness", "little" },
  { "enterprise-build-repository", "refs/@VERSION@ 2600ffc" },
  { "enterprise-version", "enterprise" },
  { "failure-tests", "false" },
  { "fd-client-event-handler", "poll" },
  { "fd-setsize", "1024" },
  { "full-version-string", "ArangoDB @VERSION@ " EMU_LICENSE " [linux] 64bit, using jemalloc, build " REPOSITORY_3_10 ", VPack 0.1.36, RocksDB 7.2.0, ICU 64.2, V8 7.9.317, OpenSSL 3.0.13 30 Jan 2024" },
  { "icu-version", "64.2" },
  { "ipo", "false" },
  { "iresearch-version", "1.3.0.0" },
  { "jemalloc", "true" },
  { "libunwind", "true" },
  { "license", EMU_LICENSE },
  { "maintainer-mode", "false" },
  { "memory-profiler", "false" },
  { "ndebug", "true" },
  { "openssl-version-compile-time", "OpenSSL 3.0.13 30 Jan 2024" },
  { "openssl-version-run-time", "OpenSSL 3.0.13 30 Jan 2024" },
  { "optimization-flags", "-march=sandybridge -msse2 -msse3 -mssse3 -msse4.1 -msse4.2 -mavx -mno-sse4a -mno-fma -mno-bmi2 -mno-avx2 -mno-xop -mno-fma4 -mno-avx512f -mno-avx512vl -mno-avx512pf -mno-avx512er -mno-avx512cd -mno-avx512dq -mno-avx512bw -mno-avx512ifma -mno-avx512vbmi" },
  { "pic", "2" },
  { "pie", "2" },
  { "platform", "linux" },
  { "reactor-type", "epoll" },
  { "replication2-enabled", "false" },
  { "rocksdb-version", "7.2.0" },
  { "server-version", "@VERSION@" },
  { "sizeof int", "4" },
  { "sizeof long", "8" },
  { "sizeof void*", "8" },
  { "sse42", "true" },
  { "tsan", "false" },
  { "unaligned-access", "true" },
  { "v8-version", "7.9.317" },
  { "vpack-version", "0.1.36" },
  { "zlib-version", "1.2.12" },
};

#define REPOSITORY_3_11 "refs/@VERSION@ 46e2b3087"

/* 3.11/RestVersionDetails_single.json (3.11.14) */
static const BuildDetail details_3_11[] = {
  { "architecture", "64bit" },
  { "arm", "false" },
  { "asan", "false" },
  { "assertions", "false" },
  { "avx", "true" },
  { "avx2", "false" },
  { "boost-version", "1.78.0" },
  { "build-date", "2025-05-23 17:41:20" },
  { "build-repository", REPOSITORY_3_11 },
  { "compiler", "clang [Ubuntu Clang 16.0.6 (23ubuntu4)]" },
  { "coverage", "false" },
  { "cplusplus", "202002" },
  { "curl-version", "none" },
  { "debug", "false" },
  { "endianness", "little" },
  { "enterprise-build-repository", "refs/@VERSION@ 633a631" },
  { "enterprise-version", "enterprise" },
  { "failure-tests", "false" },
  { "fd-client-event-handler", "poll" },
  { "fd-setsize", "1024" },
  { "full-version-string", "ArangoDB @VERSION@ " EMU_LICENSE " [linux] 64bit, using jemalloc, build " REPOSITORY_3_11 ", VPack 0.2.1, RocksDB 7.2.0, ICU 64.2, V8 7.9.317, OpenSSL 3.5.0 8 Apr 2025" },
  { "icu-version", "64.2" },
  { "ipo", "false" },
  { "iresearch-version", "1.3.0.0" },
  { "jemalloc", "true" },
  { "libunwind", "true" },
  { "license", EMU_LICENSE },
  { "maintainer-mode", "false" },
  { "memory-profiler", "true" },
  { "ndebug", "true" },
  { "openssl-version-compile-time", "OpenSSL 3.5.0 8 Apr 2025" },
  { "openssl-version-run-time", "OpenSSL 3.5.0 8 Apr 2025" },
  { "optimization-flags", "-mfxsr -mmmx -msse -msse2 -mcx16 -msahf -mpopcnt -msse3 -msse4.1 -msse4.2 -mssse3 -mpclmul -mavx -mxsave" },
  { "pic", "2" },
  { "pie", "2" },
  { "platform", "linux" },
  { "reactor-type", "epoll" },
  { "replication2-enabled", "false" },
  { "rocksdb-version", "7.2.0" },
  { "server-version", "@VERSION@" },
  { "sizeof int", "4" },
  { "sizeof long", "8" },
  { "sizeof void*", "8" },
  { "sse42", "true" },
  { "tsan", "false" },
  { "unaligned-access", "true" },
  { "v8-version", "7.9.317" },
  { "vpack-version", "0.2.1" },
  { "zlib-version", "1.2.13" },
};

/* A nightly names its branch, not a release tag. */
#define REPOSITORY_3_12_NIGHTLY "refs/head/3.12 9b0f5c5d58c"

/* 4.x/RestVersionDetails_single.json (3.12.0-nightly.20240305) */
static const BuildDetail details_3_12_nightly[] = {
  { "architecture", "64bit" },
  { "arm", "false" },
  { "asan", "false" },
  { "assertions", "false" },
  { "avx", "true" },
  { "avx2", "false" },
  { "boost-version", "1.78.0" },
  { "build-date", "OFF" },
  { "build-id", "944ae87f180ccec0fabe78f549bf43202100e001" },
  { "build-repository", REPOSITORY_3_12_NIGHTLY },
  { "compiler", "clang [Ubuntu Clang 16.0.6 (15)]" },
  { "coverage", "false" },
  { "cplusplus", "202002" },
  { "curl-version", "none" },
  { "debug", "false" },
  { "endianness", "little" },
  { "enterprise-build-repository", "refs/head/3.12 734205bb" },
  { "enterprise-version", "enterprise" },
  { "failure-tests", "false" },
  { "fd-client-event-handler", "poll" },
  { "fd-setsize", "1024" },
  { "full-version-string", "ArangoDB @VERSION@ " EMU_LICENSE " [linux] 64bit, using jemalloc, build " REPOSITORY_3_12_NIGHTLY ", VPack 0.2.1, RocksDB 7.2.0, ICU 73.1, V8 12.1.165, OpenSSL 3.2.1 30 Jan 2024" },
  { "icu-version", "73.1" },
  { "ipo", "true" },
  { "iresearch-version", "1.3.0.0" },
  { "jemalloc", "true" },
  { "libunwind", "true" },
  { "license", EMU_LICENSE },
  { "maintainer-mode", "false" },
  { "memory-profiler", "true" },
  { "ndebug", "true" },
  { "openssl-version-compile-time", "OpenSSL 3.2.1 30 Jan 2024" },
  { "openssl-version-run-time", "OpenSSL 3.2.1 30 Jan 2024" },
  { "optimization-flags", "-mfxsr -mmmx -msse -msse2 -mcx16 -msahf -mpopcnt -msse3 -msse4.1 -msse4.2 -mssse3 -mpclmul -mavx -mxsave" },
  { "pic", "2" },
  { "pie", "2" },
  { "platform", "linux" },
  { "reactor-type", "epoll" },
  { "replication2-enabled", "false" },
  { "rocksdb-version", "7.2.0" },
  { "server-version", "@VERSION@" },
  { "sizeof int", "4" },
  { "sizeof long", "8" },
  { "sizeof void*", "8" },
  { "sse42", "true" },
  { "tsan", "false" },
  { "unaligned-access", "false" },
  { "v8-version", "12.1.165" },
  { "vpack-version", "0.2.1" },
  { "zlib-version", "1.2.13" },
};

#define REPOSITORY_3_12 "refs/@VERSION@ d222a62c8"

/* 3.12/RestVersionDetails_single.json (3.12.10) */
static const BuildDetail details_3_12[] = {
  { "architecture", "64bit" },
  { "arm", "false" },
  { "asan", "false" },
  { "assertions", "false" },
  { "avx", "true" },
  { "avx2", "false" },
  { "boost-version", "1.78.0" },
  { "build-date", "2026-08-04 14:46:15" },
  { "build-id", "c944638ea472281c1a9b9e9a5517e8801bd9dde0" },
  { "build-repository", REPOSITORY_3_12 },
  { "compiler", "clang [Ubuntu Clang 19.1.7 (++20250804090312+cd708029e0b2-1~exp1~20250804210325.79)]" },
  { "coverage", "false" },
  { "cplusplus", "202002" },
  { "curl-version", "none" },
  { "debug", "false" },
  { "endianness", "little" },
  { "enterprise-build-repository", "refs/@VERSION@ f5bc978" },
  { "enterprise-version", "enterprise" },
  { "failure-tests", "false" },
  { "faiss", "1.14.2" },
  { "fd-client-event-handler", "poll" },
  { "fd-setsize", "1024" },
  { "full-version-string", "ArangoDB @VERSION@ " EMU_LICENSE " [linux] 64bit, using jemalloc, build " REPOSITORY_3_12 ", VPack 0.2.1, RocksDB 9.6.0, ICU 64.2, V8 12.1.165, OpenSSL 3.5.7 9 Jun 2026" },
  { "icu-version", "64.2" },
  { "ipo", "false" },
  { "iresearch-version", "1.3.0.0" },
  { "jemalloc", "true" },
  { "libunwind", "true" },
  { "license", EMU_LICENSE },
  { "maintainer-mode", "false" },
  { "memory-profiler", "true" },
  { "ndebug", "true" },
  { "openmp", "5.1" },
  { "openssl-version-compile-time", "OpenSSL 3.5.7 9 Jun 2026" },
  { "openssl-version-run-time", "OpenSSL 3.5.7 9 Jun 2026" },
  { "optimization-flags", "-mfxsr -mmmx -msse -msse2 -mcx16 -msahf -mpopcnt -msse3 -msse4.1 -msse4.2 -mssse3 -mpclmul -mavx -mxsave" },
  { "pic", "2" },
  { "pie", "2" },
  { "platform", "linux" },
  { "reactor-type", "epoll" },
  { "replication2-enabled", "false" },
  { "rocksdb-version", "9.6.0" },
  { "server-version", "@VERSION@" },
  { "sizeof int", "4" },
  { "sizeof long", "8" },
  { "sizeof void*", "8" },
  { "sse42", "true" },
  { "tsan", "false" },
  { "unaligned-access", "false" },
  { "v8-version", "12.1.165" },
  { "vpack-version", "0.2.1" },
  { "zlib-version", "1.2.13" },
};

#define BUILD(repository, details) { repository, details, G_N_ELEMENTS (details) }

static const Build builds[] = {
  BUILD (REPOSITORY_3_10, details_3_10),
  BUILD (REPOSITORY_3_11, details_3_11),
  BUILD (REPOSITORY_3_12_NIGHTLY, details_3_12_nightly),
  BUILD (REPOSITORY_3_12, details_3_12),
};

/* Releases before 3.10 describe themselves as 3.10.14 does (the oldest
 * recorded build); 3.12.0 was only recorded as a nightly. */
static const Build *
build_answered_as (EmuState *state)
{
  if (!emu_state_version_at_least (state, 3, 11, 0))
    return &builds[0];
  if (!emu_state_version_at_least (state, 3, 12, 0))
    return &builds[1];
  if (!emu_state_version_at_least (state, 3, 12, 1))
    return &builds[2];
  return &builds[3];
}

/* The members of "details", before "mode", "role" and "host". */
void
emu_build_add_details (JsonBuilder *builder,
                       EmuState    *state)
{
  const Build *build = build_answered_as (state);

  for (gsize i = 0; i < build->n_details; i++)
    {
      g_autofree char *value = emu_state_expand_version (state, build->details[i].value);

      emu_json_add_string (builder, build->details[i].key, value);
    }
}

/* The source commit, as "build-repository" and /_admin/support-info name it. */
char *
emu_build_repository (EmuState *state)
{
  return emu_state_expand_version (state, build_answered_as (state)->repository);
}
