/* arango-collection.h: documents and indexes of one collection
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__ARANGO_GLIB_INSIDE__) && !defined(ARANGO_COMPILATION)
#error "Only <arango-glib/arango-glib.h> can be included directly."
#endif

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "arango-enums.h"
#include "arango-types.h"
#include "arango-version-macros.h"

G_BEGIN_DECLS

#define ARANGO_TYPE_COLLECTION (arango_collection_get_type ())

ARANGO_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ArangoCollection, arango_collection, ARANGO, COLLECTION, GObject)

ARANGO_AVAILABLE_IN_ALL
const char *arango_collection_get_name            (ArangoCollection *self);
ARANGO_AVAILABLE_IN_ALL
const char *arango_collection_get_transaction_id  (ArangoCollection *self);

ARANGO_AVAILABLE_IN_ALL
void        arango_collection_insert_async        (ArangoCollection    *self,
                                                   JsonNode            *document,
                                                   ArangoDocumentFlags  flags,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_collection_insert_finish       (ArangoCollection  *self,
                                                   GAsyncResult      *result,
                                                   GError           **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_collection_insert_sync         (ArangoCollection    *self,
                                                   JsonNode            *document,
                                                   ArangoDocumentFlags  flags,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_collection_insert_many_async   (ArangoCollection    *self,
                                                   JsonArray           *documents,
                                                   ArangoDocumentFlags  flags,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonArray  *arango_collection_insert_many_finish  (ArangoCollection  *self,
                                                   GAsyncResult      *result,
                                                   GError           **error);
ARANGO_AVAILABLE_IN_ALL
JsonArray  *arango_collection_insert_many_sync    (ArangoCollection    *self,
                                                   JsonArray           *documents,
                                                   ArangoDocumentFlags  flags,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_collection_get_async           (ArangoCollection    *self,
                                                   const char          *key,
                                                   const char          *rev,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_collection_get_finish          (ArangoCollection  *self,
                                                   GAsyncResult      *result,
                                                   GError           **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_collection_get_sync            (ArangoCollection    *self,
                                                   const char          *key,
                                                   const char          *rev,
                                                   GCancellable        *cancellable,
                                                   GError             **error);
ARANGO_AVAILABLE_IN_ALL
void        arango_collection_get_variant_async   (ArangoCollection    *self,
                                                   const char          *key,
                                                   const char          *rev,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
GVariant   *arango_collection_get_variant_finish  (ArangoCollection  *self,
                                                   GAsyncResult      *result,
                                                   GError           **error);
ARANGO_AVAILABLE_IN_ALL
GVariant   *arango_collection_get_variant_sync    (ArangoCollection    *self,
                                                   const char          *key,
                                                   const char          *rev,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_collection_has_async           (ArangoCollection    *self,
                                                   const char          *key,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_collection_has_finish          (ArangoCollection  *self,
                                                   GAsyncResult      *result,
                                                   GError           **error);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_collection_has_sync            (ArangoCollection    *self,
                                                   const char          *key,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_collection_update_async        (ArangoCollection    *self,
                                                   JsonNode            *document,
                                                   ArangoDocumentFlags  flags,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_collection_update_finish       (ArangoCollection  *self,
                                                   GAsyncResult      *result,
                                                   GError           **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_collection_update_sync         (ArangoCollection    *self,
                                                   JsonNode            *document,
                                                   ArangoDocumentFlags  flags,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_collection_replace_async       (ArangoCollection    *self,
                                                   JsonNode            *document,
                                                   ArangoDocumentFlags  flags,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_collection_replace_finish      (ArangoCollection  *self,
                                                   GAsyncResult      *result,
                                                   GError           **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_collection_replace_sync        (ArangoCollection    *self,
                                                   JsonNode            *document,
                                                   ArangoDocumentFlags  flags,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_collection_delete_async        (ArangoCollection    *self,
                                                   const char          *key,
                                                   const char          *rev,
                                                   ArangoDocumentFlags  flags,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_collection_delete_finish       (ArangoCollection  *self,
                                                   GAsyncResult      *result,
                                                   GError           **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_collection_delete_sync         (ArangoCollection    *self,
                                                   const char          *key,
                                                   const char          *rev,
                                                   ArangoDocumentFlags  flags,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_collection_get_many_async      (ArangoCollection    *self,
                                                   JsonArray           *keys,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonArray  *arango_collection_get_many_finish     (ArangoCollection  *self,
                                                   GAsyncResult      *result,
                                                   GError           **error);
ARANGO_AVAILABLE_IN_ALL
JsonArray  *arango_collection_get_many_sync       (ArangoCollection    *self,
                                                   JsonArray           *keys,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_collection_update_many_async   (ArangoCollection    *self,
                                                   JsonArray           *documents,
                                                   ArangoDocumentFlags  flags,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonArray  *arango_collection_update_many_finish  (ArangoCollection  *self,
                                                   GAsyncResult      *result,
                                                   GError           **error);
ARANGO_AVAILABLE_IN_ALL
JsonArray  *arango_collection_update_many_sync    (ArangoCollection    *self,
                                                   JsonArray           *documents,
                                                   ArangoDocumentFlags  flags,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_collection_replace_many_async  (ArangoCollection    *self,
                                                   JsonArray           *documents,
                                                   ArangoDocumentFlags  flags,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonArray  *arango_collection_replace_many_finish (ArangoCollection  *self,
                                                   GAsyncResult      *result,
                                                   GError           **error);
ARANGO_AVAILABLE_IN_ALL
JsonArray  *arango_collection_replace_many_sync   (ArangoCollection    *self,
                                                   JsonArray           *documents,
                                                   ArangoDocumentFlags  flags,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_collection_delete_many_async   (ArangoCollection    *self,
                                                   JsonArray           *documents,
                                                   ArangoDocumentFlags  flags,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonArray  *arango_collection_delete_many_finish  (ArangoCollection  *self,
                                                   GAsyncResult      *result,
                                                   GError           **error);
ARANGO_AVAILABLE_IN_ALL
JsonArray  *arango_collection_delete_many_sync    (ArangoCollection    *self,
                                                   JsonArray           *documents,
                                                   ArangoDocumentFlags  flags,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_collection_import_bulk_async   (ArangoCollection    *self,
                                                   JsonArray           *documents,
                                                   JsonObject          *options,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_collection_import_bulk_finish  (ArangoCollection  *self,
                                                   GAsyncResult      *result,
                                                   GError           **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_collection_import_bulk_sync    (ArangoCollection    *self,
                                                   JsonArray           *documents,
                                                   JsonObject          *options,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_collection_count_async         (ArangoCollection    *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gint64      arango_collection_count_finish        (ArangoCollection  *self,
                                                   GAsyncResult      *result,
                                                   GError           **error);
ARANGO_AVAILABLE_IN_ALL
gint64      arango_collection_count_sync          (ArangoCollection  *self,
                                                   GCancellable      *cancellable,
                                                   GError           **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_collection_truncate_async      (ArangoCollection    *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_collection_truncate_finish     (ArangoCollection  *self,
                                                   GAsyncResult      *result,
                                                   GError           **error);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_collection_truncate_sync       (ArangoCollection    *self,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_collection_properties_async    (ArangoCollection    *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_collection_properties_finish   (ArangoCollection  *self,
                                                   GAsyncResult      *result,
                                                   GError           **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_collection_properties_sync     (ArangoCollection    *self,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_collection_configure_async     (ArangoCollection    *self,
                                                   JsonObject          *properties,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_collection_configure_finish    (ArangoCollection  *self,
                                                   GAsyncResult      *result,
                                                   GError           **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_collection_configure_sync      (ArangoCollection    *self,
                                                   JsonObject          *properties,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_collection_rename_async        (ArangoCollection    *self,
                                                   const char          *new_name,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_collection_rename_finish       (ArangoCollection  *self,
                                                   GAsyncResult      *result,
                                                   GError           **error);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_collection_rename_sync         (ArangoCollection    *self,
                                                   const char          *new_name,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_collection_indexes_async       (ArangoCollection    *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonArray  *arango_collection_indexes_finish      (ArangoCollection  *self,
                                                   GAsyncResult      *result,
                                                   GError           **error);
ARANGO_AVAILABLE_IN_ALL
JsonArray  *arango_collection_indexes_sync        (ArangoCollection    *self,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_collection_add_index_async     (ArangoCollection    *self,
                                                   JsonObject          *definition,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_collection_add_index_finish    (ArangoCollection  *self,
                                                   GAsyncResult      *result,
                                                   GError           **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_collection_add_index_sync      (ArangoCollection    *self,
                                                   JsonObject          *definition,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_collection_delete_index_async  (ArangoCollection    *self,
                                                   const char          *index_id,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_collection_delete_index_finish (ArangoCollection  *self,
                                                   GAsyncResult      *result,
                                                   GError           **error);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_collection_delete_index_sync   (ArangoCollection    *self,
                                                   const char          *index_id,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

ARANGO_AVAILABLE_IN_ALL
gboolean    arango_collection_get_allow_dirty_read  (ArangoCollection *self);
ARANGO_AVAILABLE_IN_ALL
void        arango_collection_set_allow_dirty_read  (ArangoCollection *self,
                                                     gboolean          allow);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_collection_get_last_read_potentially_dirty (ArangoCollection *self);

G_END_DECLS
