/* arango-database-call-private.h: what the calls of the users, views and
 * analyzers API share: refusing bad arguments before sending, sending
 * a request for a database, and ignore_missing
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>

#include "arango-connection-private.h"
#include "arango-database.h"

G_BEGIN_DECLS


/* For calls with an ignore_missing flag: the reply function and its data
 * that turn the "not found" error @missing_code into a FALSE result. */
ArangoReplyFunc arango_delete_reply       (gboolean             ignore_missing);
gconstpointer   arango_delete_reply_data  (gboolean             ignore_missing,
                                           int                  missing_code);

/* Sends @method @path/@…, NULL-terminated segments (a NULL segment ends
 * the path early, for optional trailing parts) with @body (taken; may be
 * NULL) to @self's database, as arango_context_call() does. */
void            arango_database_call      (ArangoDatabase      *self,
                                           const char          *method,
                                           JsonObject          *body,
                                           ArangoReplyFunc      reply_func,
                                           gconstpointer        reply_data,
                                           gpointer             source_tag,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data,
                                           const char          *path,
                                           ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
