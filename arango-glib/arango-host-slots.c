/* arango-host-slots.c: handing requests to a coordinator's session no
 * faster than its connections can take them
 *
 * libsoup looks at every pooled connection for every message waiting in
 * its own queue, each time any connection changes state: with 64 requests
 * in flight on 8 connections, the 56 waiting ones cost more than the
 * requests themselves. So a session only ever holds as many requests as
 * it may open connections; the others wait here, in order, at no cost.
 *
 * Requests wait per main context (a "lane"): a blocking call runs its own
 * context, and must never wait behind requests whose replies only another
 * context dispatches.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "arango-host-private.h"

typedef struct
{
  GMainContext *context;
  guint in_flight;
  GQueue waiting;        /* of ArangoHostTicket, by their link */
} Lane;

static Lane *
find_lane (ArangoHost   *self,
           GMainContext *context)
{
  for (GSList *l = self->lanes; l != NULL; l = l->next)
    if (((Lane *) l->data)->context == context)
      return l->data;
  return NULL;
}

/* A lane lives as long as it has requests: contexts of blocking calls
 * come and go. */
static void
drop_lane_if_idle (ArangoHost *self,
                   Lane       *lane)
{
  if (lane->in_flight > 0 || !g_queue_is_empty (&lane->waiting))
    return;
  self->lanes = g_slist_remove (self->lanes, lane);
  g_main_context_unref (lane->context);
  g_free (lane);
}

static guint
slots_per_lane (ArangoHost *self)
{
  return soup_session_get_max_conns_per_host (self->session);
}

/* Starts @ticket's request at once when the session has a connection
 * free for it; otherwise it waits for one. */
void
arango_host_queue (ArangoHost          *self,
                   ArangoHostTicket    *ticket,
                   GMainContext        *context,
                   ArangoHostStartFunc  start,
                   gpointer             user_data)
{
  Lane *lane;
  gboolean start_now;

  ticket->context = context;
  ticket->start = start;
  ticket->user_data = user_data;
  ticket->link.data = ticket;

  g_mutex_lock (&self->slots_lock);
  lane = find_lane (self, context);
  if (lane == NULL)
    {
      lane = g_new0 (Lane, 1);
      lane->context = g_main_context_ref (context);
      g_queue_init (&lane->waiting);
      self->lanes = g_slist_prepend (self->lanes, lane);
    }
  start_now = lane->in_flight < slots_per_lane (self);
  if (start_now)
    {
      lane->in_flight++;
      ticket->holds_slot = TRUE;
    }
  else
    {
      ticket->waiting = TRUE;
      g_queue_push_tail_link (&lane->waiting, &ticket->link);
    }
  g_mutex_unlock (&self->slots_lock);

  if (start_now)
    start (user_data);
}

/* Starts a waiting request without waiting for a free connection: for
 * one that was cancelled or timed out, libsoup then fails it at once
 * without sending anything. Does nothing for a started one. */
void
arango_host_start_now (ArangoHost       *self,
                       ArangoHostTicket *ticket)
{
  Lane *lane;

  g_mutex_lock (&self->slots_lock);
  if (!ticket->waiting)
    {
      g_mutex_unlock (&self->slots_lock);
      return;
    }
  lane = find_lane (self, ticket->context);
  g_queue_unlink (&lane->waiting, &ticket->link);
  ticket->waiting = FALSE;
  ticket->holds_slot = TRUE;
  lane->in_flight++;
  g_mutex_unlock (&self->slots_lock);

  ticket->start (ticket->user_data);
}

/* The request of @ticket is over: its connection goes to the next one
 * waiting in the same lane. */
void
arango_host_done (ArangoHost       *self,
                  ArangoHostTicket *ticket)
{
  ArangoHostTicket *next = NULL;
  Lane *lane;

  g_mutex_lock (&self->slots_lock);
  if (!ticket->holds_slot)
    {
      g_mutex_unlock (&self->slots_lock);
      return;
    }
  ticket->holds_slot = FALSE;
  lane = find_lane (self, ticket->context);
  lane->in_flight--;
  if (lane->in_flight < slots_per_lane (self))
    {
      GList *link = g_queue_pop_head_link (&lane->waiting);

      if (link != NULL)
        {
          next = link->data;
          next->waiting = FALSE;
          next->holds_slot = TRUE;
          lane->in_flight++;
        }
    }
  drop_lane_if_idle (self, lane);
  g_mutex_unlock (&self->slots_lock);

  if (next != NULL)
    next->start (next->user_data);
}

/* Hands every waiting request to the session and aborts it, so that they
 * all fail as the ones already sent do. */
void
arango_host_abort (ArangoHost *self)
{
  GQueue waiting = G_QUEUE_INIT;

  g_mutex_lock (&self->slots_lock);
  for (GSList *l = self->lanes; l != NULL; l = l->next)
    {
      Lane *lane = l->data;
      GList *link;

      while ((link = g_queue_pop_head_link (&lane->waiting)) != NULL)
        {
          ArangoHostTicket *ticket = link->data;

          ticket->waiting = FALSE;
          ticket->holds_slot = TRUE;
          lane->in_flight++;
          g_queue_push_tail (&waiting, ticket);
        }
    }
  g_mutex_unlock (&self->slots_lock);

  for (GList *l = waiting.head; l != NULL; l = l->next)
    {
      ArangoHostTicket *ticket = l->data;

      /* libsoup runs a request in the thread-default context of the
       * call that starts it. */
      g_main_context_push_thread_default (ticket->context);
      ticket->start (ticket->user_data);
      g_main_context_pop_thread_default (ticket->context);
    }
  g_queue_clear (&waiting);

  soup_session_abort (self->session);
}
