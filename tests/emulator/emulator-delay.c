/* emulator-delay.c: answers that take their time
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A query that sleeps (AQL SLEEP()) is answered when its time has passed,
 * without blocking the emulator's one thread: the answer is made at once
 * and the message paused until then. A client that goes away first ends
 * the wait.
 */

#include "emulator-delay.h"

typedef struct {
  SoupServerMessage *msg;
  guint              timeout_id;
  gulong             finished_id;
  gulong             disconnected_id;
} Held;

static void
held_free (Held *held)
{
  g_clear_handle_id (&held->timeout_id, g_source_remove);
  g_clear_signal_handler (&held->finished_id, held->msg);
  g_clear_signal_handler (&held->disconnected_id, held->msg);
  g_object_unref (held->msg);
  g_free (held);
}

static gboolean
release (gpointer user_data)
{
  Held *held = user_data;
  g_autoptr(SoupServerMessage) msg = g_object_ref (held->msg);

  held->timeout_id = 0;
  held_free (held);
  soup_server_message_unpause (msg);
  return G_SOURCE_REMOVE;
}

static void
gone (SoupServerMessage *msg,
      gpointer           user_data)
{
  held_free (user_data);
}

/* The answer may be set before or after. */
void
emu_reply_hold (SoupServerMessage *msg,
                guint              ms)
{
  Held *held;

  if (ms == 0)
    return;
  held = g_new0 (Held, 1);
  held->msg = g_object_ref (msg);
  held->finished_id = g_signal_connect (msg, "finished", G_CALLBACK (gone), held);
  held->disconnected_id = g_signal_connect (msg, "disconnected", G_CALLBACK (gone), held);
  held->timeout_id = g_timeout_add (ms, release, held);
  soup_server_message_pause (msg);
}
