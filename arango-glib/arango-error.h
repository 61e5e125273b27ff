/* arango-error.h: error domains
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__ARANGO_GLIB_INSIDE__) && !defined(ARANGO_COMPILATION)
#error "Only <arango-glib/arango-glib.h> can be included directly."
#endif

#include <glib.h>

#include "arango-version-macros.h"

G_BEGIN_DECLS

/**
 * ARANGO_ERROR:
 *
 * Error domain of the errors arango-glib reports itself. Codes are values
 * of #ArangoError.
 */
#define ARANGO_ERROR (arango_error_quark ())

/**
 * ARANGO_SERVER_ERROR:
 *
 * Error domain of the errors an ArangoDB server reports. The code is the
 * reply's `errorNum` (see #ArangoServerError), or its HTTP status when the
 * reply had no error number; the message reads like
 * `[HTTP 404][ERR 1203] collection or view not found`.
 *
 * The errors arango-glib makes in this domain carry the reply's HTTP
 * status, error number and message, for
 * arango_server_error_get_http_status(),
 * arango_server_error_get_error_number() and
 * arango_server_error_get_server_message().
 */
#define ARANGO_SERVER_ERROR (arango_server_error_quark ())

ARANGO_AVAILABLE_IN_ALL
GQuark arango_error_quark (void);

ARANGO_AVAILABLE_IN_ALL
GQuark arango_server_error_quark (void);

ARANGO_AVAILABLE_IN_ALL
guint        arango_server_error_get_http_status    (const GError *error);
ARANGO_AVAILABLE_IN_ALL
gint         arango_server_error_get_error_number   (const GError *error);
ARANGO_AVAILABLE_IN_ALL
const char  *arango_server_error_get_server_message (const GError *error);

G_END_DECLS
