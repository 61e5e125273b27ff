/* arango-collection-import.h: importing a file of JSON lines, with progress
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
void        arango_collection_import_bulk_from_file_async  (ArangoCollection      *self,
                                                            GFile                 *file,
                                                            gsize                  chunk_size,
                                                            JsonObject            *options,
                                                            GFileProgressCallback  progress_callback,
                                                            gpointer               progress_data,
                                                            GDestroyNotify         progress_notify,
                                                            GCancellable          *cancellable,
                                                            GAsyncReadyCallback    callback,
                                                            gpointer               user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_collection_import_bulk_from_file_finish (ArangoCollection      *self,
                                                            GAsyncResult          *result,
                                                            GError               **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_collection_import_bulk_from_file_sync   (ArangoCollection      *self,
                                                            GFile                 *file,
                                                            gsize                  chunk_size,
                                                            JsonObject            *options,
                                                            GFileProgressCallback  progress_callback,
                                                            gpointer               progress_data,
                                                            GCancellable          *cancellable,
                                                            GError               **error);

G_END_DECLS
