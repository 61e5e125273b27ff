/* arango-argument-private.h: refusing bad arguments before sending
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>

#include "arango-connection-private.h"

G_BEGIN_DECLS

gboolean        arango_check_text         (gpointer             source_object,
                                           const char          *value,
                                           const char          *what,
                                           gpointer             source_tag,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);

/* For calls with an ignore_missing flag: the reply function and its data
 * that turn the "not found" error @missing_code into a FALSE result. */
ArangoReplyFunc arango_delete_reply       (gboolean             ignore_missing);
gconstpointer   arango_delete_reply_data  (gboolean             ignore_missing,
                                           int                  missing_code);

G_END_DECLS
