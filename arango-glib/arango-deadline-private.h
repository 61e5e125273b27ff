/* arango-deadline-private.h: request deadlines, one timer per main
 * context
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef void (*ArangoDeadlineFunc) (gpointer user_data);

typedef struct
{
  GList link;             /* in its timer's queue, by deadline */
  gint64 deadline_us;     /* monotonic */
  gpointer timer;         /* while it runs */
  ArangoDeadlineFunc func;
  gpointer user_data;
} ArangoDeadline;

void arango_deadline_start (ArangoDeadline     *self,
                            GMainContext       *context,
                            guint               seconds,
                            ArangoDeadlineFunc  func,
                            gpointer            user_data);
void arango_deadline_stop  (ArangoDeadline     *self);

G_END_DECLS
