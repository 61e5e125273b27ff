/* arango-version-macros.h: symbol visibility and availability macros
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__ARANGO_GLIB_INSIDE__) && !defined(ARANGO_COMPILATION)
#error "Only <arango-glib/arango-glib.h> can be included directly."
#endif

#include <glib.h>

#include "arango-version.h"

#ifndef _ARANGO_EXTERN
# if defined(ARANGO_COMPILATION) && defined(__GNUC__)
#  define _ARANGO_EXTERN __attribute__((visibility ("default"))) extern
# else
#  define _ARANGO_EXTERN extern
# endif
#endif

#define ARANGO_VERSION_1_0 (G_ENCODE_VERSION (1, 0))

#ifdef ARANGO_DISABLE_DEPRECATION_WARNINGS
# define ARANGO_DEPRECATED _ARANGO_EXTERN
# define ARANGO_DEPRECATED_FOR(f) _ARANGO_EXTERN
# define ARANGO_UNAVAILABLE(maj,min) _ARANGO_EXTERN
#else
# define ARANGO_DEPRECATED G_DEPRECATED _ARANGO_EXTERN
# define ARANGO_DEPRECATED_FOR(f) G_DEPRECATED_FOR (f) _ARANGO_EXTERN
# define ARANGO_UNAVAILABLE(maj,min) G_UNAVAILABLE (maj, min) _ARANGO_EXTERN
#endif

/* Every symbol of the 0.x series is part of the 1.0 API. */
#define ARANGO_AVAILABLE_IN_ALL _ARANGO_EXTERN
#define ARANGO_AVAILABLE_IN_1_0 _ARANGO_EXTERN
