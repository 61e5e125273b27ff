/* arango-http-response.h: a server's reply to a generic request
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__ARANGO_GLIB_INSIDE__) && !defined(ARANGO_COMPILATION)
#error "Only <arango-glib/arango-glib.h> can be included directly."
#endif

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "arango-types.h"
#include "arango-version-macros.h"

G_BEGIN_DECLS

#define ARANGO_TYPE_HTTP_RESPONSE (arango_http_response_get_type ())

ARANGO_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ArangoHttpResponse, arango_http_response, ARANGO, HTTP_RESPONSE, GObject)

ARANGO_AVAILABLE_IN_ALL
guint        arango_http_response_get_status       (ArangoHttpResponse  *self);
ARANGO_AVAILABLE_IN_ALL
JsonNode    *arango_http_response_get_body         (ArangoHttpResponse  *self);
ARANGO_AVAILABLE_IN_ALL
GBytes      *arango_http_response_get_bytes        (ArangoHttpResponse  *self);
ARANGO_AVAILABLE_IN_ALL
const char  *arango_http_response_get_host         (ArangoHttpResponse  *self);
ARANGO_AVAILABLE_IN_ALL
const char  *arango_http_response_get_header       (ArangoHttpResponse  *self,
                                                    const char          *name);
ARANGO_AVAILABLE_IN_ALL
char       **arango_http_response_get_header_names (ArangoHttpResponse  *self);
ARANGO_AVAILABLE_IN_ALL
gboolean     arango_http_response_check_status     (ArangoHttpResponse  *self,
                                                    GError             **error);

G_END_DECLS
