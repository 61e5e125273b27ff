/* emulator-delay.c: answers that take their time
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A query that sleeps (AQL SLEEP()) is answered when its time has passed,
 * without blocking the emulator's one thread: the answer is made at once
 * and the message paused until then. A client that goes away first ends
 * the wait; so does killing the query (emulator-query-tracking.c).
 */

#include "emulator-delay.h"

#define HELD_KEY "emu-held"

typedef struct {
  SoupServerMessage *msg;
  guint              timeout_id;
  gulong             finished_id;
  gulong             disconnected_id;
  EmuHeldDone        done;
  gpointer           user_data;
} Held;

static void
held_finish (Held *held)
{
  EmuHeldDone done = held->done;
  gpointer user_data = held->user_data;

  g_clear_handle_id (&held->timeout_id, g_source_remove);
  g_clear_signal_handler (&held->finished_id, held->msg);
  g_clear_signal_handler (&held->disconnected_id, held->msg);
  g_object_set_data (G_OBJECT (held->msg), HELD_KEY, NULL);
  g_object_unref (held->msg);
  g_free (held);
  if (done != NULL)
    done (user_data);
}

static void
release (Held *held)
{
  g_autoptr(SoupServerMessage) msg = g_object_ref (held->msg);

  held_finish (held);
  soup_server_message_unpause (msg);
}

static gboolean
timeout_cb (gpointer user_data)
{
  Held *held = user_data;

  held->timeout_id = 0;
  release (held);
  return G_SOURCE_REMOVE;
}

static void
gone (SoupServerMessage *msg,
      gpointer           user_data)
{
  held_finish (user_data);
}

/* The answer may be set before or after. */
void
emu_reply_hold (SoupServerMessage *msg,
                guint              ms,
                EmuHeldDone        done,
                gpointer           user_data)
{
  Held *held = g_new0 (Held, 1);

  held->msg = g_object_ref (msg);
  held->done = done;
  held->user_data = user_data;
  held->finished_id = g_signal_connect (msg, "finished", G_CALLBACK (gone), held);
  held->disconnected_id = g_signal_connect (msg, "disconnected", G_CALLBACK (gone), held);
  held->timeout_id = g_timeout_add (ms, timeout_cb, held);
  g_object_set_data (G_OBJECT (msg), HELD_KEY, held);
  soup_server_message_pause (msg);
}

/* Sends a held answer now. */
void
emu_reply_hold_end (SoupServerMessage *msg)
{
  Held *held = g_object_get_data (G_OBJECT (msg), HELD_KEY);

  if (held != NULL)
    release (held);
}
