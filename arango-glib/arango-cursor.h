/* arango-cursor.h: the results of an AQL query, batch by batch
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

#define ARANGO_TYPE_CURSOR (arango_cursor_get_type ())

ARANGO_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ArangoCursor, arango_cursor, ARANGO, CURSOR, GObject)

ARANGO_AVAILABLE_IN_ALL
const char *arango_cursor_get_id          (ArangoCursor         *self);
ARANGO_AVAILABLE_IN_ALL
gint64      arango_cursor_get_count       (ArangoCursor         *self);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_cursor_get_has_more    (ArangoCursor         *self);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_cursor_get_cached      (ArangoCursor         *self);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_cursor_get_statistics  (ArangoCursor         *self);
ARANGO_AVAILABLE_IN_ALL
JsonArray  *arango_cursor_get_warnings    (ArangoCursor         *self);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_cursor_get_potentially_dirty (ArangoCursor   *self);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_cursor_get_profile     (ArangoCursor         *self);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_cursor_get_plan        (ArangoCursor         *self);
ARANGO_AVAILABLE_IN_ALL
JsonArray  *arango_cursor_get_node_statistics (ArangoCursor     *self);
ARANGO_AVAILABLE_IN_ALL
const char *arango_cursor_get_plan_cache_key  (ArangoCursor     *self);

ARANGO_AVAILABLE_IN_ALL
void        arango_cursor_next_batch_async  (ArangoCursor        *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonArray  *arango_cursor_next_batch_finish (ArangoCursor        *self,
                                             GAsyncResult        *result,
                                             GError             **error);
ARANGO_AVAILABLE_IN_ALL
JsonArray  *arango_cursor_next_batch_sync   (ArangoCursor        *self,
                                             GCancellable        *cancellable,
                                             GError             **error);
ARANGO_AVAILABLE_IN_ALL
void        arango_cursor_next_batch_variant_async  (ArangoCursor        *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
GVariant   *arango_cursor_next_batch_variant_finish (ArangoCursor        *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
ARANGO_AVAILABLE_IN_ALL
GVariant   *arango_cursor_next_batch_variant_sync   (ArangoCursor        *self,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
ARANGO_AVAILABLE_IN_ALL
void        arango_cursor_close_async       (ArangoCursor        *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_cursor_close_finish      (ArangoCursor        *self,
                                             GAsyncResult        *result,
                                             GError             **error);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_cursor_close_sync        (ArangoCursor        *self,
                                             GCancellable        *cancellable,
                                             GError             **error);

G_END_DECLS
