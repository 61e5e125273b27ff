/* arango-reply-private.h: what a reply says, before any method looks at it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

gboolean  arango_reply_check_json_type (const char  *host,
                                        const char  *method,
                                        const char  *path,
                                        guint        status,
                                        const char  *content_type,
                                        GError     **error);
gboolean  arango_reply_decode       (const char  *host,
                                     const char  *method,
                                     const char  *path,
                                     guint        status,
                                     const char  *content_type,
                                     GBytes      *bytes,
                                     const char  *deferred_member,
                                     JsonNode   **body,
                                     GBytes     **deferred,
                                     GError     **error);
gint64    arango_reply_error_number (JsonNode    *body);
GError   *arango_server_error_new   (guint        status,
                                     JsonNode    *body);

G_END_DECLS
