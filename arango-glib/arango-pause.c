/* arango-pause.c: waiting a moment before trying again
 *
 * A plain source with a ready time, not a timeout source combined with a
 * cancellable source: GLib 2.74's cancellable source leaks now and then
 * when cancelled from another thread (see arango-connection.c), while
 * moving a ready time is safe from any thread.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "arango-pause-private.h"

typedef struct
{
  GSource source;
  GCancellable *cancellable;
  gulong cancelled_id;
  ArangoPauseFunc func;
  gpointer user_data;
} Pause;

static void
stop_listening (Pause *pause)
{
  /* Waits for a handler running in another thread, so none runs later. */
  if (pause->cancelled_id != 0)
    g_cancellable_disconnect (pause->cancellable, pause->cancelled_id);
  pause->cancelled_id = 0;
}

static gboolean
pause_dispatch (GSource     *source,
                GSourceFunc  callback,
                gpointer     user_data)
{
  Pause *pause = (Pause *) source;

  stop_listening (pause);
  pause->func (pause->user_data);
  return G_SOURCE_REMOVE;
}

static void
pause_finalize (GSource *source)
{
  Pause *pause = (Pause *) source;

  stop_listening (pause);
  g_clear_object (&pause->cancellable);
}

static GSourceFuncs pause_funcs = {
  NULL, NULL, pause_dispatch, pause_finalize, NULL, NULL,
};

/* May run in any thread. */
static void
on_cancelled (GCancellable *cancellable,
              GSource      *source)
{
  g_source_set_ready_time (source, 0);
}

/* Calls @func once, in @context's thread, after @ms milliseconds, or as
 * soon as @cancellable is cancelled: @func then finds it cancelled. */
void
arango_pause (GMainContext    *context,
              guint            ms,
              GCancellable    *cancellable,
              ArangoPauseFunc  func,
              gpointer         user_data)
{
  GSource *source = g_source_new (&pause_funcs, sizeof (Pause));
  Pause *pause = (Pause *) source;

  pause->func = func;
  pause->user_data = user_data;
  g_source_set_name (source, "[arango-glib] pause before a retry");
  g_source_set_ready_time (source, g_get_monotonic_time () + (gint64) ms * 1000);
  if (cancellable != NULL)
    {
      pause->cancellable = g_object_ref (cancellable);
      pause->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled),
                                                   source, NULL);
    }
  g_source_attach (source, context);
  g_source_unref (source);
}
