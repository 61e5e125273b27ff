/* arango-error.c: error domains
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "arango-error.h"

/**
 * arango_error_quark:
 *
 * Gets the error domain of the errors arango-glib reports itself; see
 * %ARANGO_ERROR and #ArangoError.
 *
 * Returns: the error domain
 */
G_DEFINE_QUARK (arango-error-quark, arango_error)

/**
 * arango_server_error_quark:
 *
 * Gets the error domain of the errors an ArangoDB server reports; see
 * %ARANGO_SERVER_ERROR and #ArangoServerError.
 *
 * Returns: the error domain
 */
G_DEFINE_QUARK (arango-server-error-quark, arango_server_error)
