/* arango-collection-admin.h: looking after a collection: its figures,
 * revision and checksum, compaction, its count and indexes, and dropping
 * it with options
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
#include "arango-database.h"
#include "arango-version-macros.h"

G_BEGIN_DECLS

/**
 * ArangoChecksumFlags:
 * @ARANGO_CHECKSUM_FLAGS_NONE: the checksum covers the document keys only
 * @ARANGO_CHECKSUM_FLAGS_WITH_REVISIONS: it covers the revisions too
 *   (`withRevisions=true`), so it changes whenever a document does
 * @ARANGO_CHECKSUM_FLAGS_WITH_DATA: it covers the documents' attributes
 *   too (`withData=true`)
 *
 * What arango_collection_checksum_async() adds up.
 */
typedef enum {
  ARANGO_CHECKSUM_FLAGS_NONE = 0,
  ARANGO_CHECKSUM_FLAGS_WITH_REVISIONS = 1 << 0,
  ARANGO_CHECKSUM_FLAGS_WITH_DATA = 1 << 1,
} ArangoChecksumFlags;

/**
 * ArangoDeleteCollectionFlags:
 * @ARANGO_DELETE_COLLECTION_FLAGS_NONE: a collection that does not exist is
 *   an error, a system collection is not dropped
 * @ARANGO_DELETE_COLLECTION_FLAGS_IGNORE_MISSING: a collection that does
 *   not exist is no error: the call returns %FALSE
 * @ARANGO_DELETE_COLLECTION_FLAGS_SYSTEM: the collection may be a system
 *   collection (`isSystem=true`); without it the server refuses to drop one
 *
 * Options of arango_database_delete_collection_with_flags_async().
 */
typedef enum {
  ARANGO_DELETE_COLLECTION_FLAGS_NONE = 0,
  ARANGO_DELETE_COLLECTION_FLAGS_IGNORE_MISSING = 1 << 0,
  ARANGO_DELETE_COLLECTION_FLAGS_SYSTEM = 1 << 1,
} ArangoDeleteCollectionFlags;

ARANGO_AVAILABLE_IN_ALL
void        arango_collection_statistics_async          (ArangoCollection    *self,
                                                         gboolean             details,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_collection_statistics_finish         (ArangoCollection  *self,
                                                         GAsyncResult      *result,
                                                         GError           **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_collection_statistics_sync           (ArangoCollection  *self,
                                                         gboolean           details,
                                                         GCancellable      *cancellable,
                                                         GError           **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_collection_revision_async            (ArangoCollection    *self,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
char       *arango_collection_revision_finish           (ArangoCollection  *self,
                                                         GAsyncResult      *result,
                                                         GError           **error);
ARANGO_AVAILABLE_IN_ALL
char       *arango_collection_revision_sync             (ArangoCollection  *self,
                                                         GCancellable      *cancellable,
                                                         GError           **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_collection_checksum_async            (ArangoCollection    *self,
                                                         ArangoChecksumFlags  flags,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
char       *arango_collection_checksum_finish           (ArangoCollection  *self,
                                                         GAsyncResult      *result,
                                                         GError           **error);
ARANGO_AVAILABLE_IN_ALL
char       *arango_collection_checksum_sync             (ArangoCollection     *self,
                                                         ArangoChecksumFlags   flags,
                                                         GCancellable         *cancellable,
                                                         GError              **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_collection_compact_async             (ArangoCollection    *self,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_collection_compact_finish            (ArangoCollection  *self,
                                                         GAsyncResult      *result,
                                                         GError           **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_collection_compact_sync              (ArangoCollection  *self,
                                                         GCancellable      *cancellable,
                                                         GError           **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_collection_recalculate_count_async   (ArangoCollection    *self,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_collection_recalculate_count_finish  (ArangoCollection  *self,
                                                         GAsyncResult      *result,
                                                         GError           **error);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_collection_recalculate_count_sync    (ArangoCollection  *self,
                                                         GCancellable      *cancellable,
                                                         GError           **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_collection_get_index_async           (ArangoCollection    *self,
                                                         const char          *index_id,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_collection_get_index_finish          (ArangoCollection  *self,
                                                         GAsyncResult      *result,
                                                         GError           **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_collection_get_index_sync            (ArangoCollection  *self,
                                                         const char        *index_id,
                                                         GCancellable      *cancellable,
                                                         GError           **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_collection_load_indexes_async        (ArangoCollection    *self,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_collection_load_indexes_finish       (ArangoCollection  *self,
                                                         GAsyncResult      *result,
                                                         GError           **error);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_collection_load_indexes_sync         (ArangoCollection  *self,
                                                         GCancellable      *cancellable,
                                                         GError           **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_database_delete_collection_with_flags_async  (ArangoDatabase              *self,
                                                                 const char                  *name,
                                                                 ArangoDeleteCollectionFlags  flags,
                                                                 GCancellable                *cancellable,
                                                                 GAsyncReadyCallback          callback,
                                                                 gpointer                     user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_database_delete_collection_with_flags_finish (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_database_delete_collection_with_flags_sync   (ArangoDatabase              *self,
                                                                 const char                  *name,
                                                                 ArangoDeleteCollectionFlags  flags,
                                                                 GCancellable                *cancellable,
                                                                 GError                     **error);

G_END_DECLS
