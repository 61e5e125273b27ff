/* arango-pause-private.h: waiting a moment before trying again
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef void (*ArangoPauseFunc) (gpointer user_data);

void arango_pause (GMainContext    *context,
                   guint            ms,
                   GCancellable    *cancellable,
                   ArangoPauseFunc  func,
                   gpointer         user_data);

G_END_DECLS
