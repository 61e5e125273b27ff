/* arango-database-token.h: the JSON Web Token of a database handle
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__ARANGO_GLIB_INSIDE__) && !defined(ARANGO_COMPILATION)
#error "Only <arango-glib/arango-glib.h> can be included directly."
#endif

#include <gio/gio.h>

#include "arango-database.h"
#include "arango-version-macros.h"

G_BEGIN_DECLS

ARANGO_AVAILABLE_IN_ALL
char           *arango_database_dup_token          (ArangoDatabase      *self);
ARANGO_AVAILABLE_IN_ALL
GDateTime      *arango_database_dup_token_expiry   (ArangoDatabase      *self);
ARANGO_AVAILABLE_IN_ALL
gboolean        arango_database_set_token          (ArangoDatabase      *self,
                                                    const char          *token,
                                                    GError             **error);

ARANGO_AVAILABLE_IN_ALL
void            arango_database_renew_token_async  (ArangoDatabase      *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
char           *arango_database_renew_token_finish (ArangoDatabase      *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
ARANGO_AVAILABLE_IN_ALL
char           *arango_database_renew_token_sync   (ArangoDatabase      *self,
                                                    GCancellable        *cancellable,
                                                    GError             **error);

G_END_DECLS
