/* arango-argument.c: refusing bad arguments before sending
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-argument-private.h"
#include "arango-error.h"

/* Names of users, databases, views, analyzers and tokens are never empty;
 * reports one that is with ARANGO_ERROR_INVALID_ARGUMENT. @what names the
 * argument in the message. */
gboolean
arango_check_text (gpointer             source_object,
                   const char          *value,
                   const char          *what,
                   gpointer             source_tag,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  if (value != NULL && *value != '\0')
    return TRUE;

  g_task_report_new_error (source_object, callback, user_data, source_tag,
                           ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                           /* TRANSLATORS: %s is "user", "view", "analyzer", … */
                           _("The %s name is empty"), what);
  return FALSE;
}

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
