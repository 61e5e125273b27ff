/* arango-database-log-private.h: the filters of the server log calls
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "arango-connection-private.h"
#include "arango-database.h"

G_BEGIN_DECLS

/* A GET of @path (/_admin/log or /_admin/log/entries) with the filters
 * both calls take: %NULL strings and negative numbers are left out. Sorts
 * other than "asc" and "desc" are reported to @callback as the call
 * @source_tag, and %NULL returned. */
ArangoRequest *arango_database_log_request (ArangoDatabase      *self,
                                            const char          *path,
                                            const char          *upto,
                                            const char          *level,
                                            gint64               start,
                                            gint64               size,
                                            gint64               offset,
                                            const char          *search,
                                            const char          *sort,
                                            const char          *server_id,
                                            gpointer             source_tag,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);

G_END_DECLS
