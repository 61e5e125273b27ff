/* arango-collection-shards.h: the shards of a collection
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
#include "arango-version-macros.h"

G_BEGIN_DECLS

ARANGO_AVAILABLE_IN_ALL
void        arango_collection_shards_async (ArangoCollection    *self,
                                            gboolean             details,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_collection_shards_finish (ArangoCollection  *self,
                                             GAsyncResult      *result,
                                             GError           **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_collection_shards_sync (ArangoCollection  *self,
                                           gboolean           details,
                                           GCancellable      *cancellable,
                                           GError           **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_collection_responsible_shard_async (ArangoCollection    *self,
                                                       JsonObject          *document,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
char       *arango_collection_responsible_shard_finish (ArangoCollection  *self,
                                                        GAsyncResult      *result,
                                                        GError           **error);
ARANGO_AVAILABLE_IN_ALL
char       *arango_collection_responsible_shard_sync (ArangoCollection  *self,
                                                      JsonObject        *document,
                                                      GCancellable      *cancellable,
                                                      GError           **error);

G_END_DECLS
