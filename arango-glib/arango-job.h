/* arango-job.h: a call the server runs in the background
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

#define ARANGO_TYPE_JOB (arango_job_get_type ())

ARANGO_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ArangoJob, arango_job, ARANGO, JOB, GObject)

ARANGO_AVAILABLE_IN_ALL
ArangoJob    *arango_job_new_from_result (GAsyncResult         *result,
                                          GError              **error);
ARANGO_AVAILABLE_IN_ALL
const char   *arango_job_get_id          (ArangoJob            *self);

ARANGO_AVAILABLE_IN_ALL
void          arango_job_status_async    (ArangoJob            *self,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean      arango_job_status_finish   (ArangoJob            *self,
                                          GAsyncResult         *result,
                                          ArangoJobStatus      *status,
                                          GError              **error);
ARANGO_AVAILABLE_IN_ALL
gboolean      arango_job_status_sync     (ArangoJob            *self,
                                          ArangoJobStatus      *status,
                                          GCancellable         *cancellable,
                                          GError              **error);

ARANGO_AVAILABLE_IN_ALL
void          arango_job_result_async    (ArangoJob            *self,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
ARANGO_AVAILABLE_IN_ALL
GAsyncResult *arango_job_result_sync     (ArangoJob            *self,
                                          GCancellable         *cancellable);

ARANGO_AVAILABLE_IN_ALL
void          arango_job_cancel_async    (ArangoJob            *self,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean      arango_job_cancel_finish   (ArangoJob            *self,
                                          GAsyncResult         *result,
                                          GError              **error);
ARANGO_AVAILABLE_IN_ALL
gboolean      arango_job_cancel_sync     (ArangoJob            *self,
                                          GCancellable         *cancellable,
                                          GError              **error);

ARANGO_AVAILABLE_IN_ALL
void          arango_job_clear_async     (ArangoJob            *self,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean      arango_job_clear_finish    (ArangoJob            *self,
                                          GAsyncResult         *result,
                                          GError              **error);
ARANGO_AVAILABLE_IN_ALL
gboolean      arango_job_clear_sync      (ArangoJob            *self,
                                          GCancellable         *cancellable,
                                          GError              **error);

G_END_DECLS
