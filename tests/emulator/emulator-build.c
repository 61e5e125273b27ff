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
 *
 * Most details are the same in every recorded build, so they are stated
 * once in shared_details; each build lists only where it differs.
 */

#include "emulator-build.h"

#include <string.h>

#include "emulator-reply.h"

typedef struct
{
  const char *key;
  const char *value;
} BuildDetail;

typedef struct
{
  const BuildDetail *own_details;
  gsize              n_own_details;
} Build;

/* Every key a recorded build sends, in the order the server sends them
 * (sorted), with the value the builds share.  A build's own entry for a
 * key overrides the shared value; NULL means only the builds that list
 * the key send it.  "@key@" in a value stands for this build's value of
 * that key: the server composes its full version string from its other
 * details (Version::getVerboseVersionString). */
static const BuildDetail shared_details[] = {
  { "architecture", "64bit" },
  { "arm", "false" },
  { "asan", "false" },
  { "asm-crc32", NULL },
  { "assertions", "false" },
  { "avx", "true" },
  { "avx2", "false" },
  { "boost-version", "1.78.0" },
  { "build-date", NULL },
  { "build-id", NULL },
  { "build-repository", NULL },
  { "compiler", NULL },
  { "coverage", "false" },
  { "cplusplus", "202002" },
  { "curl-version", "none" },
  { "debug", "false" },
  { "endianness", "little" },
  { "enterprise-build-repository", NULL },
  { "enterprise-version", "enterprise" },
  { "failure-tests", "false" },
  { "faiss", NULL },
  { "fd-client-event-handler", "poll" },
  { "fd-setsize", "1024" },
  { "full-version-string", "ArangoDB @VERSION@ " EMU_LICENSE " [@platform@] @architecture@, using jemalloc, build @build-repository@, VPack @vpack-version@, RocksDB @rocksdb-version@, ICU @icu-version@, V8 @v8-version@, @openssl-version-run-time@" },
  { "icu-version", "64.2" },
  { "ipo", "false" },
  { "iresearch-version", "1.3.0.0" },
  { "jemalloc", "true" },
  { "libunwind", "true" },
  { "license", EMU_LICENSE },
  { "maintainer-mode", "false" },
  { "memory-profiler", "true" },
  { "ndebug", "true" },
  { "openmp", NULL },
  { "openssl-version-compile-time", NULL },
  { "openssl-version-run-time", NULL },
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
  { "unaligned-access", NULL },
  { "v8-version", NULL },
  { "vpack-version", "0.2.1" },
  { "zlib-version", "1.2.13" },
};

/* 3.10/RestVersionDetails_single.json (3.10.14) */
static const BuildDetail details_3_10[] = {
  { "asm-crc32", "true" },
  { "build-date", "2024-04-04 15:14:08" },
  { "build-repository", "refs/@VERSION@ 31b0e460c" },
  { "compiler", "gcc [11.2.1 20220219]" },
  { "enterprise-build-repository", "refs/@VERSION@ 2600ffc" },
  { "memory-profiler", "false" },
  { "openssl-version-compile-time", "OpenSSL 3.0.13 30 Jan 2024" },
  { "openssl-version-run-time", "OpenSSL 3.0.13 30 Jan 2024" },
  { "optimization-flags", "-march=sandybridge -msse2 -msse3 -mssse3 -msse4.1 -msse4.2 -mavx -mno-sse4a -mno-fma -mno-bmi2 -mno-avx2 -mno-xop -mno-fma4 -mno-avx512f -mno-avx512vl -mno-avx512pf -mno-avx512er -mno-avx512cd -mno-avx512dq -mno-avx512bw -mno-avx512ifma -mno-avx512vbmi" },
  { "unaligned-access", "true" },
  { "v8-version", "7.9.317" },
  { "vpack-version", "0.1.36" },
  { "zlib-version", "1.2.12" },
};

/* 3.11/RestVersionDetails_single.json (3.11.14) */
static const BuildDetail details_3_11[] = {
  { "build-date", "2025-05-23 17:41:20" },
  { "build-repository", "refs/@VERSION@ 46e2b3087" },
  { "compiler", "clang [Ubuntu Clang 16.0.6 (23ubuntu4)]" },
  { "enterprise-build-repository", "refs/@VERSION@ 633a631" },
  { "openssl-version-compile-time", "OpenSSL 3.5.0 8 Apr 2025" },
  { "openssl-version-run-time", "OpenSSL 3.5.0 8 Apr 2025" },
  { "unaligned-access", "true" },
  { "v8-version", "7.9.317" },
};

/* 4.x/RestVersionDetails_single.json (3.12.0-nightly.20240305): a
 * nightly names its branch, not a release tag. */
static const BuildDetail details_3_12_nightly[] = {
  { "build-date", "OFF" },
  { "build-id", "944ae87f180ccec0fabe78f549bf43202100e001" },
  { "build-repository", "refs/head/3.12 9b0f5c5d58c" },
  { "compiler", "clang [Ubuntu Clang 16.0.6 (15)]" },
  { "enterprise-build-repository", "refs/head/3.12 734205bb" },
  { "icu-version", "73.1" },
  { "ipo", "true" },
  { "openssl-version-compile-time", "OpenSSL 3.2.1 30 Jan 2024" },
  { "openssl-version-run-time", "OpenSSL 3.2.1 30 Jan 2024" },
  { "unaligned-access", "false" },
  { "v8-version", "12.1.165" },
};

/* 3.12/RestVersionDetails_single.json (3.12.10) */
static const BuildDetail details_3_12[] = {
  { "build-date", "2026-08-04 14:46:15" },
  { "build-id", "c944638ea472281c1a9b9e9a5517e8801bd9dde0" },
  { "build-repository", "refs/@VERSION@ d222a62c8" },
  { "compiler", "clang [Ubuntu Clang 19.1.7 (++20250804090312+cd708029e0b2-1~exp1~20250804210325.79)]" },
  { "enterprise-build-repository", "refs/@VERSION@ f5bc978" },
  { "faiss", "1.14.2" },
  { "openmp", "5.1" },
  { "openssl-version-compile-time", "OpenSSL 3.5.7 9 Jun 2026" },
  { "openssl-version-run-time", "OpenSSL 3.5.7 9 Jun 2026" },
  { "rocksdb-version", "9.6.0" },
  { "unaligned-access", "false" },
  { "v8-version", "12.1.165" },
};

#define BUILD(details) { details, G_N_ELEMENTS (details) }

static const Build builds[] = {
  BUILD (details_3_10),
  BUILD (details_3_11),
  BUILD (details_3_12_nightly),
  BUILD (details_3_12),
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

/* NULL when @build does not send @shared's key at all. */
static const char *
build_detail_value (const Build       *build,
                    const BuildDetail *shared)
{
  for (gsize i = 0; i < build->n_own_details; i++)
    if (g_str_equal (build->own_details[i].key, shared->key))
      return build->own_details[i].value;

  return shared->value;
}

static const char *
build_detail_value_of_key (const Build *build,
                           const char  *key)
{
  for (gsize i = 0; i < G_N_ELEMENTS (shared_details); i++)
    if (g_str_equal (shared_details[i].key, key))
      return build_detail_value (build, &shared_details[i]);

  g_return_val_if_reached (NULL);
}

/* Replaces each "@key@" in @text with @build's value of that key and
 * @VERSION@ with the version answered as. */
static char *
expand_build_detail (EmuState    *state,
                     const Build *build,
                     const char  *text)
{
  g_autofree char *expanded = g_strdup (text);

  for (gsize i = 0; strchr (expanded, '@') != NULL && i < G_N_ELEMENTS (shared_details); i++)
    {
      g_autofree char *reference = g_strconcat ("@", shared_details[i].key, "@", NULL);
      g_auto(GStrv) parts = NULL;

      if (strstr (expanded, reference) == NULL)
        continue;
      parts = g_strsplit (expanded, reference, -1);
      g_free (expanded);
      expanded = g_strjoinv (build_detail_value (build, &shared_details[i]), parts);
    }

  return emu_state_expand_version (state, expanded);
}

/* The members of "details", before "mode", "role" and "host". */
void
emu_build_add_details (JsonBuilder *builder,
                       EmuState    *state)
{
  const Build *build = build_answered_as (state);

  for (gsize i = 0; i < G_N_ELEMENTS (shared_details); i++)
    {
      const char *value = build_detail_value (build, &shared_details[i]);
      g_autofree char *expanded = NULL;

      if (value == NULL)
        continue;
      expanded = expand_build_detail (state, build, value);
      emu_json_add_string (builder, shared_details[i].key, expanded);
    }
}

/* The source commit, as "build-repository" and /_admin/support-info name it. */
char *
emu_build_repository (EmuState *state)
{
  const Build *build = build_answered_as (state);

  return expand_build_detail (state, build, build_detail_value_of_key (build, "build-repository"));
}
