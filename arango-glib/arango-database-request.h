/* arango-database-request.h: a request to any endpoint of a database
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__ARANGO_GLIB_INSIDE__) && !defined(ARANGO_COMPILATION)
#error "Only <arango-glib/arango-glib.h> can be included directly."
#endif

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "arango-database.h"
#include "arango-http-response.h"
#include "arango-version-macros.h"

G_BEGIN_DECLS

/**
 * ArangoRequestFlags:
 * @ARANGO_REQUEST_FLAGS_NONE: an error reply is reported as an
 *   %ARANGO_SERVER_ERROR, as by every other call
 * @ARANGO_REQUEST_FLAGS_RETURN_ERRORS: an error reply (any status outside
 *   200–299) comes back as an #ArangoHttpResponse too;
 *   arango_http_response_check_status() turns it into the usual error
 *
 * Options of arango_database_request_async().
 */
typedef enum {
  ARANGO_REQUEST_FLAGS_NONE = 0,
  ARANGO_REQUEST_FLAGS_RETURN_ERRORS = 1 << 0,
} ArangoRequestFlags;

ARANGO_AVAILABLE_IN_ALL
void                arango_database_request_async  (ArangoDatabase      *self,
                                                    const char          *method,
                                                    const char          *path,
                                                    GHashTable          *query,
                                                    GHashTable          *headers,
                                                    JsonNode            *body,
                                                    ArangoRequestFlags   flags,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
ArangoHttpResponse *arango_database_request_finish (ArangoDatabase      *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
ARANGO_AVAILABLE_IN_ALL
ArangoHttpResponse *arango_database_request_sync   (ArangoDatabase      *self,
                                                    const char          *method,
                                                    const char          *path,
                                                    GHashTable          *query,
                                                    GHashTable          *headers,
                                                    JsonNode            *body,
                                                    ArangoRequestFlags   flags,
                                                    GCancellable        *cancellable,
                                                    GError             **error);

G_END_DECLS
