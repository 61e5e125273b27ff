/* arango-collection-find.h: finding a collection's documents by example,
 * by range, by text, at random, and listing their keys and ids
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
#include "arango-cursor.h"
#include "arango-query-options.h"
#include "arango-version-macros.h"

G_BEGIN_DECLS

/**
 * ARANGO_NO_LIMIT:
 *
 * The limit of a simple query that returns, or changes, every matching
 * document.
 */
#define ARANGO_NO_LIMIT (-1)

ARANGO_AVAILABLE_IN_ALL
void          arango_collection_find_async          (ArangoCollection    *self,
                                                     JsonObject          *filters,
                                                     gint64               skip,
                                                     gint64               limit,
                                                     ArangoQueryOptions  *options,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
ArangoCursor *arango_collection_find_finish         (ArangoCollection    *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
ARANGO_AVAILABLE_IN_ALL
ArangoCursor *arango_collection_find_sync           (ArangoCollection    *self,
                                                     JsonObject          *filters,
                                                     gint64               skip,
                                                     gint64               limit,
                                                     ArangoQueryOptions  *options,
                                                     GCancellable        *cancellable,
                                                     GError             **error);

ARANGO_AVAILABLE_IN_ALL
void          arango_collection_all_async           (ArangoCollection    *self,
                                                     gint64               skip,
                                                     gint64               limit,
                                                     ArangoQueryOptions  *options,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
ArangoCursor *arango_collection_all_finish          (ArangoCollection    *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
ARANGO_AVAILABLE_IN_ALL
ArangoCursor *arango_collection_all_sync            (ArangoCollection    *self,
                                                     gint64               skip,
                                                     gint64               limit,
                                                     ArangoQueryOptions  *options,
                                                     GCancellable        *cancellable,
                                                     GError             **error);

ARANGO_AVAILABLE_IN_ALL
void          arango_collection_find_in_range_async (ArangoCollection    *self,
                                                     const char          *field,
                                                     JsonNode            *lower,
                                                     JsonNode            *upper,
                                                     gint64               skip,
                                                     gint64               limit,
                                                     ArangoQueryOptions  *options,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
ArangoCursor *arango_collection_find_in_range_finish (ArangoCollection   *self,
                                                      GAsyncResult       *result,
                                                      GError            **error);
ARANGO_AVAILABLE_IN_ALL
ArangoCursor *arango_collection_find_in_range_sync  (ArangoCollection    *self,
                                                     const char          *field,
                                                     JsonNode            *lower,
                                                     JsonNode            *upper,
                                                     gint64               skip,
                                                     gint64               limit,
                                                     ArangoQueryOptions  *options,
                                                     GCancellable        *cancellable,
                                                     GError             **error);

ARANGO_AVAILABLE_IN_ALL
void          arango_collection_find_by_text_async  (ArangoCollection    *self,
                                                     const char          *field,
                                                     const char          *text,
                                                     const char          *index,
                                                     const char          *analyzer,
                                                     gint64               limit,
                                                     ArangoQueryOptions  *options,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
ArangoCursor *arango_collection_find_by_text_finish (ArangoCollection    *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
ARANGO_AVAILABLE_IN_ALL
ArangoCursor *arango_collection_find_by_text_sync   (ArangoCollection    *self,
                                                     const char          *field,
                                                     const char          *text,
                                                     const char          *index,
                                                     const char          *analyzer,
                                                     gint64               limit,
                                                     ArangoQueryOptions  *options,
                                                     GCancellable        *cancellable,
                                                     GError             **error);

ARANGO_AVAILABLE_IN_ALL
void          arango_collection_keys_async          (ArangoCollection    *self,
                                                     ArangoQueryOptions  *options,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
char        **arango_collection_keys_finish         (ArangoCollection    *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
ARANGO_AVAILABLE_IN_ALL
char        **arango_collection_keys_sync           (ArangoCollection    *self,
                                                     ArangoQueryOptions  *options,
                                                     GCancellable        *cancellable,
                                                     GError             **error);

ARANGO_AVAILABLE_IN_ALL
void          arango_collection_ids_async           (ArangoCollection    *self,
                                                     ArangoQueryOptions  *options,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
char        **arango_collection_ids_finish          (ArangoCollection    *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
ARANGO_AVAILABLE_IN_ALL
char        **arango_collection_ids_sync            (ArangoCollection    *self,
                                                     ArangoQueryOptions  *options,
                                                     GCancellable        *cancellable,
                                                     GError             **error);

ARANGO_AVAILABLE_IN_ALL
void          arango_collection_random_async        (ArangoCollection    *self,
                                                     ArangoQueryOptions  *options,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject   *arango_collection_random_finish       (ArangoCollection    *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject   *arango_collection_random_sync         (ArangoCollection    *self,
                                                     ArangoQueryOptions  *options,
                                                     GCancellable        *cancellable,
                                                     GError             **error);

G_END_DECLS
