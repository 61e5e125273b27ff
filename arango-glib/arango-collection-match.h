/* arango-collection-match.h: changing or removing the documents that
 * match filters
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__ARANGO_GLIB_INSIDE__) && !defined(ARANGO_COMPILATION)
#error "Only <arango-glib/arango-glib.h> can be included directly."
#endif

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "arango-collection.h"
#include "arango-collection-find.h"
#include "arango-enums.h"
#include "arango-version-macros.h"

G_BEGIN_DECLS

ARANGO_AVAILABLE_IN_ALL
void    arango_collection_update_match_async   (ArangoCollection    *self,
                                                JsonObject          *filters,
                                                JsonObject          *body,
                                                gint64               limit,
                                                ArangoDocumentFlags  flags,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gint64  arango_collection_update_match_finish  (ArangoCollection    *self,
                                                GAsyncResult        *result,
                                                GError             **error);
ARANGO_AVAILABLE_IN_ALL
gint64  arango_collection_update_match_sync    (ArangoCollection    *self,
                                                JsonObject          *filters,
                                                JsonObject          *body,
                                                gint64               limit,
                                                ArangoDocumentFlags  flags,
                                                GCancellable        *cancellable,
                                                GError             **error);

ARANGO_AVAILABLE_IN_ALL
void    arango_collection_replace_match_async  (ArangoCollection    *self,
                                                JsonObject          *filters,
                                                JsonObject          *body,
                                                gint64               limit,
                                                ArangoDocumentFlags  flags,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gint64  arango_collection_replace_match_finish (ArangoCollection    *self,
                                                GAsyncResult        *result,
                                                GError             **error);
ARANGO_AVAILABLE_IN_ALL
gint64  arango_collection_replace_match_sync   (ArangoCollection    *self,
                                                JsonObject          *filters,
                                                JsonObject          *body,
                                                gint64               limit,
                                                ArangoDocumentFlags  flags,
                                                GCancellable        *cancellable,
                                                GError             **error);

ARANGO_AVAILABLE_IN_ALL
void    arango_collection_delete_match_async   (ArangoCollection    *self,
                                                JsonObject          *filters,
                                                gint64               limit,
                                                ArangoDocumentFlags  flags,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gint64  arango_collection_delete_match_finish  (ArangoCollection    *self,
                                                GAsyncResult        *result,
                                                GError             **error);
ARANGO_AVAILABLE_IN_ALL
gint64  arango_collection_delete_match_sync    (ArangoCollection    *self,
                                                JsonObject          *filters,
                                                gint64               limit,
                                                ArangoDocumentFlags  flags,
                                                GCancellable        *cancellable,
                                                GError             **error);

G_END_DECLS
