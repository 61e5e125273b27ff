/* arango-database-call.c: what the calls of the users, views and analyzers
 * API share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-database-call-private.h"
#include "arango-database-private.h"
#include "arango-error.h"

ArangoReplyFunc
arango_delete_reply (gboolean ignore_missing)
{
  return ignore_missing ? arango_reply_exists : arango_reply_true;
}

gconstpointer
arango_delete_reply_data (gboolean ignore_missing,
                          int      missing_code)
{
  return ignore_missing ? GINT_TO_POINTER (missing_code) : NULL;
}

void
arango_database_call (ArangoDatabase      *self,
                      const char          *method,
                      JsonObject          *body,
                      ArangoReplyFunc      reply_func,
                      gconstpointer        reply_data,
                      gpointer             source_tag,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data,
                      const char          *path,
                      ...)
{
  ArangoContext *context = arango_database_get_context (self);
  ArangoRequest *request;
  va_list segments;

  va_start (segments, path);
  request = arango_request_new_valist (method, path, segments);
  va_end (segments);

  arango_request_set_database (request, context->database);
  arango_request_set_auth (request, context->auth);
  if (body != NULL)
    arango_request_take_json_object (request, body);

  arango_context_call (context, self, request, reply_func, reply_data, source_tag,
                       cancellable, callback, user_data);
}
