/* arango-database-jobs.h: async execution, and the jobs of a database
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__ARANGO_GLIB_INSIDE__) && !defined(ARANGO_COMPILATION)
#error "Only <arango-glib/arango-glib.h> can be included directly."
#endif

#include <gio/gio.h>

#include "arango-database.h"
#include "arango-enums.h"
#include "arango-version-macros.h"

G_BEGIN_DECLS

ARANGO_AVAILABLE_IN_ALL
ArangoDatabase *arango_database_begin_async_execution (ArangoDatabase      *self,
                                                       gboolean             return_result);
ARANGO_AVAILABLE_IN_ALL
gboolean        arango_database_is_async              (ArangoDatabase      *self);

ARANGO_AVAILABLE_IN_ALL
void            arango_database_async_jobs_async      (ArangoDatabase      *self,
                                                       ArangoJobStatus      status,
                                                       guint                count,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
char          **arango_database_async_jobs_finish     (ArangoDatabase      *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
ARANGO_AVAILABLE_IN_ALL
char          **arango_database_async_jobs_sync       (ArangoDatabase      *self,
                                                       ArangoJobStatus      status,
                                                       guint                count,
                                                       GCancellable        *cancellable,
                                                       GError             **error);

ARANGO_AVAILABLE_IN_ALL
void            arango_database_clear_async_jobs_async  (ArangoDatabase      *self,
                                                         gdouble              threshold,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean        arango_database_clear_async_jobs_finish (ArangoDatabase      *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);
ARANGO_AVAILABLE_IN_ALL
gboolean        arango_database_clear_async_jobs_sync   (ArangoDatabase      *self,
                                                         gdouble              threshold,
                                                         GCancellable        *cancellable,
                                                         GError             **error);

G_END_DECLS
