/* arango-body-private.h: reading a reply body into memory
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Gets the whole body, or the error that ended it (both owned by the
 * callee). */
typedef void (*ArangoBodyFunc) (GBytes   *bytes,
                                GError   *error,
                                gpointer  user_data);

void arango_body_read (GInputStream   *stream,
                       gsize           size_hint,
                       GMainContext   *context,
                       int             priority,
                       GCancellable   *cancellable,
                       ArangoBodyFunc  callback,
                       gpointer        user_data);

G_END_DECLS
