/* arango-database.h: one database, with its credentials
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

#define ARANGO_TYPE_DATABASE (arango_database_get_type ())

ARANGO_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ArangoDatabase, arango_database, ARANGO, DATABASE, GObject)

ARANGO_AVAILABLE_IN_ALL
const char         *arango_database_get_name                 (ArangoDatabase *self);
ARANGO_AVAILABLE_IN_ALL
const char         *arango_database_get_username             (ArangoDatabase *self);
ARANGO_AVAILABLE_IN_ALL
ArangoClient       *arango_database_get_client               (ArangoDatabase *self);
ARANGO_AVAILABLE_IN_ALL
ArangoCluster      *arango_database_get_cluster              (ArangoDatabase *self);

ARANGO_AVAILABLE_IN_ALL
ArangoCollection   *arango_database_get_collection           (ArangoDatabase *self,
                                                              const char     *name);

ARANGO_AVAILABLE_IN_ALL
void                arango_database_list_databases_async     (ArangoDatabase      *self,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
char              **arango_database_list_databases_finish    (ArangoDatabase  *self,
                                                              GAsyncResult    *result,
                                                              GError         **error);
ARANGO_AVAILABLE_IN_ALL
char              **arango_database_list_databases_sync      (ArangoDatabase      *self,
                                                              GCancellable        *cancellable,
                                                              GError             **error);
ARANGO_AVAILABLE_IN_ALL
void                arango_database_create_database_async    (ArangoDatabase      *self,
                                                              const char          *name,
                                                              JsonArray           *users,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean            arango_database_create_database_finish   (ArangoDatabase  *self,
                                                              GAsyncResult    *result,
                                                              GError         **error);
ARANGO_AVAILABLE_IN_ALL
gboolean            arango_database_create_database_sync     (ArangoDatabase      *self,
                                                              const char          *name,
                                                              JsonArray           *users,
                                                              GCancellable        *cancellable,
                                                              GError             **error);
ARANGO_AVAILABLE_IN_ALL
void                arango_database_create_database_with_options_async  (ArangoDatabase        *self,
                                                                         const char            *name,
                                                                         JsonArray             *users,
                                                                         ArangoDatabaseOptions *options,
                                                                         GCancellable          *cancellable,
                                                                         GAsyncReadyCallback    callback,
                                                                         gpointer               user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean            arango_database_create_database_with_options_finish (ArangoDatabase  *self,
                                                                         GAsyncResult    *result,
                                                                         GError         **error);
ARANGO_AVAILABLE_IN_ALL
gboolean            arango_database_create_database_with_options_sync   (ArangoDatabase        *self,
                                                                         const char            *name,
                                                                         JsonArray             *users,
                                                                         ArangoDatabaseOptions *options,
                                                                         GCancellable          *cancellable,
                                                                         GError               **error);
ARANGO_AVAILABLE_IN_ALL
void                arango_database_delete_database_async    (ArangoDatabase      *self,
                                                              const char          *name,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean            arango_database_delete_database_finish   (ArangoDatabase  *self,
                                                              GAsyncResult    *result,
                                                              GError         **error);
ARANGO_AVAILABLE_IN_ALL
gboolean            arango_database_delete_database_sync     (ArangoDatabase      *self,
                                                              const char          *name,
                                                              GCancellable        *cancellable,
                                                              GError             **error);
ARANGO_AVAILABLE_IN_ALL
void                arango_database_delete_database_with_flags_async  (ArangoDatabase            *self,
                                                                       const char                *name,
                                                                       ArangoDeleteDatabaseFlags  flags,
                                                                       GCancellable              *cancellable,
                                                                       GAsyncReadyCallback        callback,
                                                                       gpointer                   user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean            arango_database_delete_database_with_flags_finish (ArangoDatabase  *self,
                                                                       GAsyncResult    *result,
                                                                       GError         **error);
ARANGO_AVAILABLE_IN_ALL
gboolean            arango_database_delete_database_with_flags_sync   (ArangoDatabase             *self,
                                                                       const char                 *name,
                                                                       ArangoDeleteDatabaseFlags   flags,
                                                                       GCancellable               *cancellable,
                                                                       GError                    **error);
ARANGO_AVAILABLE_IN_ALL
void                arango_database_has_database_async       (ArangoDatabase      *self,
                                                              const char          *name,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean            arango_database_has_database_finish      (ArangoDatabase  *self,
                                                              GAsyncResult    *result,
                                                              GError         **error);
ARANGO_AVAILABLE_IN_ALL
gboolean            arango_database_has_database_sync        (ArangoDatabase      *self,
                                                              const char          *name,
                                                              GCancellable        *cancellable,
                                                              GError             **error);
ARANGO_AVAILABLE_IN_ALL
void                arango_database_properties_async         (ArangoDatabase      *self,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject         *arango_database_properties_finish        (ArangoDatabase  *self,
                                                              GAsyncResult    *result,
                                                              GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject         *arango_database_properties_sync          (ArangoDatabase      *self,
                                                              GCancellable        *cancellable,
                                                              GError             **error);
ARANGO_AVAILABLE_IN_ALL
void                arango_database_list_collections_async   (ArangoDatabase      *self,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonArray          *arango_database_list_collections_finish  (ArangoDatabase  *self,
                                                              GAsyncResult    *result,
                                                              GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonArray          *arango_database_list_collections_sync    (ArangoDatabase      *self,
                                                              GCancellable        *cancellable,
                                                              GError             **error);
ARANGO_AVAILABLE_IN_ALL
void                arango_database_create_collection_async  (ArangoDatabase      *self,
                                                              const char          *name,
                                                              JsonObject          *options,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
ArangoCollection   *arango_database_create_collection_finish (ArangoDatabase  *self,
                                                              GAsyncResult    *result,
                                                              GError         **error);
ARANGO_AVAILABLE_IN_ALL
ArangoCollection   *arango_database_create_collection_sync   (ArangoDatabase      *self,
                                                              const char          *name,
                                                              JsonObject          *options,
                                                              GCancellable        *cancellable,
                                                              GError             **error);
ARANGO_AVAILABLE_IN_ALL
void                arango_database_delete_collection_async  (ArangoDatabase      *self,
                                                              const char          *name,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean            arango_database_delete_collection_finish (ArangoDatabase  *self,
                                                              GAsyncResult    *result,
                                                              GError         **error);
ARANGO_AVAILABLE_IN_ALL
gboolean            arango_database_delete_collection_sync   (ArangoDatabase      *self,
                                                              const char          *name,
                                                              GCancellable        *cancellable,
                                                              GError             **error);
ARANGO_AVAILABLE_IN_ALL
void                arango_database_has_collection_async     (ArangoDatabase      *self,
                                                              const char          *name,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean            arango_database_has_collection_finish    (ArangoDatabase  *self,
                                                              GAsyncResult    *result,
                                                              GError         **error);
ARANGO_AVAILABLE_IN_ALL
gboolean            arango_database_has_collection_sync      (ArangoDatabase      *self,
                                                              const char          *name,
                                                              GCancellable        *cancellable,
                                                              GError             **error);
ARANGO_AVAILABLE_IN_ALL
void                arango_database_query_async              (ArangoDatabase      *self,
                                                              const char          *aql,
                                                              JsonObject          *bind_vars,
                                                              ArangoQueryOptions  *options,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
ArangoCursor       *arango_database_query_finish             (ArangoDatabase  *self,
                                                              GAsyncResult    *result,
                                                              GError         **error);
ARANGO_AVAILABLE_IN_ALL
ArangoCursor       *arango_database_query_sync               (ArangoDatabase      *self,
                                                              const char          *aql,
                                                              JsonObject          *bind_vars,
                                                              ArangoQueryOptions  *options,
                                                              GCancellable        *cancellable,
                                                              GError             **error);
ARANGO_AVAILABLE_IN_ALL
void                arango_database_explain_async            (ArangoDatabase      *self,
                                                              const char          *aql,
                                                              JsonObject          *bind_vars,
                                                              JsonObject          *options,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject         *arango_database_explain_finish           (ArangoDatabase  *self,
                                                              GAsyncResult    *result,
                                                              GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject         *arango_database_explain_sync             (ArangoDatabase      *self,
                                                              const char          *aql,
                                                              JsonObject          *bind_vars,
                                                              JsonObject          *options,
                                                              GCancellable        *cancellable,
                                                              GError             **error);
ARANGO_AVAILABLE_IN_ALL
void                arango_database_validate_async           (ArangoDatabase      *self,
                                                              const char          *aql,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject         *arango_database_validate_finish          (ArangoDatabase  *self,
                                                              GAsyncResult    *result,
                                                              GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject         *arango_database_validate_sync            (ArangoDatabase      *self,
                                                              const char          *aql,
                                                              GCancellable        *cancellable,
                                                              GError             **error);
ARANGO_AVAILABLE_IN_ALL
void                arango_database_begin_transaction_async  (ArangoDatabase      *self,
                                                              const char * const  *read,
                                                              const char * const  *write,
                                                              const char * const  *exclusive,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
ArangoTransaction  *arango_database_begin_transaction_finish (ArangoDatabase  *self,
                                                              GAsyncResult    *result,
                                                              GError         **error);
ARANGO_AVAILABLE_IN_ALL
ArangoTransaction  *arango_database_begin_transaction_sync   (ArangoDatabase      *self,
                                                              const char * const  *read,
                                                              const char * const  *write,
                                                              const char * const  *exclusive,
                                                              GCancellable        *cancellable,
                                                              GError             **error);
ARANGO_AVAILABLE_IN_ALL
void                arango_database_list_transactions_async  (ArangoDatabase      *self,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonArray          *arango_database_list_transactions_finish (ArangoDatabase  *self,
                                                              GAsyncResult    *result,
                                                              GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonArray          *arango_database_list_transactions_sync   (ArangoDatabase      *self,
                                                              GCancellable        *cancellable,
                                                              GError             **error);

G_END_DECLS
