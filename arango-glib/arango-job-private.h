/* arango-job-private.h: sending a call as an async job
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "arango-context-private.h"
#include "arango-job.h"

G_BEGIN_DECLS

void arango_job_submit_async (gpointer             source_object,
                              ArangoContext       *context,
                              ArangoRequest       *request,
                              ArangoReplyFunc      reply_func,
                              gconstpointer        reply_data,
                              gpointer             source_tag,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data);

G_END_DECLS
