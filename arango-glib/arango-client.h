/* arango-client.h: the entry point, holding the coordinators
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__ARANGO_GLIB_INSIDE__) && !defined(ARANGO_COMPILATION)
#error "Only <arango-glib/arango-glib.h> can be included directly."
#endif

#include <gio/gio.h>

#include "arango-enums.h"
#include "arango-types.h"
#include "arango-version-macros.h"

G_BEGIN_DECLS

#define ARANGO_TYPE_CLIENT (arango_client_get_type ())

ARANGO_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ArangoClient, arango_client, ARANGO, CLIENT, GObject)

ARANGO_AVAILABLE_IN_ALL
ArangoClient       *arango_client_new                 (const char         *hosts,
                                                       GError            **error);
ARANGO_AVAILABLE_IN_ALL
ArangoClient       *arango_client_new_for_hosts       (const char * const *hosts,
                                                       ArangoHostResolver *resolver,
                                                       GError            **error);

ARANGO_AVAILABLE_IN_ALL
char              **arango_client_get_hosts           (ArangoClient       *self);
ARANGO_AVAILABLE_IN_ALL
ArangoHostResolver *arango_client_get_resolver        (ArangoClient       *self);
ARANGO_AVAILABLE_IN_ALL
void                arango_client_set_resolver        (ArangoClient       *self,
                                                       ArangoHostResolver *resolver);
ARANGO_AVAILABLE_IN_ALL
guint               arango_client_get_request_timeout (ArangoClient       *self);
ARANGO_AVAILABLE_IN_ALL
void                arango_client_set_request_timeout (ArangoClient       *self,
                                                       guint               seconds);
ARANGO_AVAILABLE_IN_ALL
guint               arango_client_get_max_tries       (ArangoClient       *self);
ARANGO_AVAILABLE_IN_ALL
gboolean            arango_client_set_max_tries       (ArangoClient       *self,
                                                       guint               max_tries,
                                                       GError            **error);
ARANGO_AVAILABLE_IN_ALL
GTlsDatabase       *arango_client_get_tls_database    (ArangoClient       *self);
ARANGO_AVAILABLE_IN_ALL
void                arango_client_set_tls_database    (ArangoClient       *self,
                                                       GTlsDatabase       *database);
ARANGO_AVAILABLE_IN_ALL
gboolean            arango_client_set_ca_file         (ArangoClient       *self,
                                                       const char         *path,
                                                       GError            **error);
ARANGO_AVAILABLE_IN_ALL
gboolean            arango_client_get_verify_tls      (ArangoClient       *self);
ARANGO_AVAILABLE_IN_ALL
void                arango_client_set_verify_tls      (ArangoClient       *self,
                                                       gboolean            verify);

ARANGO_AVAILABLE_IN_ALL
guint               arango_client_get_request_compression (ArangoClient *self);
ARANGO_AVAILABLE_IN_ALL
void                arango_client_set_request_compression (ArangoClient *self,
                                                           guint         threshold);
ARANGO_AVAILABLE_IN_ALL
double              arango_client_get_max_queue_time  (ArangoClient       *self);
ARANGO_AVAILABLE_IN_ALL
void                arango_client_set_max_queue_time  (ArangoClient       *self,
                                                       double              seconds);
ARANGO_AVAILABLE_IN_ALL
double              arango_client_get_last_queue_time (ArangoClient       *self);
ARANGO_AVAILABLE_IN_ALL
gboolean            arango_client_get_allow_http2     (ArangoClient       *self);
ARANGO_AVAILABLE_IN_ALL
void                arango_client_set_allow_http2     (ArangoClient       *self,
                                                       gboolean            allow);
ARANGO_AVAILABLE_IN_ALL
guint               arango_client_get_max_connections (ArangoClient       *self);
ARANGO_AVAILABLE_IN_ALL
void                arango_client_set_max_connections (ArangoClient       *self,
                                                       guint               max_connections);

ARANGO_AVAILABLE_IN_ALL
void                arango_client_close               (ArangoClient       *self);

ARANGO_AVAILABLE_IN_ALL
void                arango_client_db_async            (ArangoClient        *self,
                                                       const char          *name,
                                                       const char          *username,
                                                       const char          *password,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
ArangoDatabase     *arango_client_db_finish           (ArangoClient        *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
ARANGO_AVAILABLE_IN_ALL
ArangoDatabase     *arango_client_db_sync             (ArangoClient        *self,
                                                       const char          *name,
                                                       const char          *username,
                                                       const char          *password,
                                                       GCancellable        *cancellable,
                                                       GError             **error);
ARANGO_AVAILABLE_IN_ALL
void                arango_client_db_full_async       (ArangoClient        *self,
                                                       const char          *name,
                                                       const char          *username,
                                                       const char          *password,
                                                       ArangoAuthMethod     auth_method,
                                                       gboolean             verify,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
ArangoDatabase     *arango_client_db_full_finish      (ArangoClient        *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
ARANGO_AVAILABLE_IN_ALL
ArangoDatabase     *arango_client_db_full_sync        (ArangoClient        *self,
                                                       const char          *name,
                                                       const char          *username,
                                                       const char          *password,
                                                       ArangoAuthMethod     auth_method,
                                                       gboolean             verify,
                                                       GCancellable        *cancellable,
                                                       GError             **error);
ARANGO_AVAILABLE_IN_ALL
void                arango_client_db_with_token_async (ArangoClient        *self,
                                                       const char          *name,
                                                       const char          *token,
                                                       gboolean             verify,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
ArangoDatabase     *arango_client_db_with_token_finish (ArangoClient       *self,
                                                        GAsyncResult       *result,
                                                        GError            **error);
ARANGO_AVAILABLE_IN_ALL
ArangoDatabase     *arango_client_db_with_token_sync   (ArangoClient        *self,
                                                        const char          *name,
                                                        const char          *token,
                                                        gboolean             verify,
                                                        GCancellable        *cancellable,
                                                        GError             **error);

G_END_DECLS
