/* arango-host-slots.c: a coordinator's connections, one per session, and
 * the requests waiting for one
 *
 * libsoup looks at every pooled connection of a session for every message
 * waiting in its queue, each time any connection changes state, and
 * checks every idle one before each request. So a coordinator's
 * connections are spread over sessions of one connection each, and a
 * session is only given a request when its connection is free: with the
 * default of 8 connections, 56 of 64 requests in flight wait here, in
 * order, at no cost; and a caller that sends one request at a time
 * always gets the first session, whose one connection is the only one
 * looked at.
 *
 * Requests wait per main context (a "lane"), and only while their own
 * context has requests in flight, whose ends hand their sessions on: a
 * blocking call runs its own context and must never wait for requests
 * whose replies only another context dispatches. Only the default main
 * context's requests get the one-connection sessions; other contexts'
 * (blocking calls, worker threads) and a request that finds every
 * session busy go to an overflow session with a pool of its own.
 *
 * The number of connections (ArangoClient:max-connections) may change
 * while requests run: each keeps its session; a lower limit drops the
 * sessions beyond it as they come free, and the overflow session for
 * one of the new size; a higher one makes sessions as requests need
 * them, the waiting ones taking them as the requests before them end.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "arango-host-private.h"

G_STATIC_ASSERT (ARANGO_HOST_MAX_CONNECTIONS <= 32);
G_STATIC_ASSERT (ARANGO_HOST_DEFAULT_CONNECTIONS <= ARANGO_HOST_MAX_CONNECTIONS);

/* A connection that no request needed while this many others finished
 * is closed: after a burst, the extra connections would otherwise stay
 * open for minutes, each one more source the main loop polls for every
 * request. */
#define IDLE_REQUESTS_BEFORE_CLOSE 64

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

/* The first session is never closed here: a caller sending one request
 * at a time keeps its one connection. */
static void
close_unneeded_connections (ArangoHost *self)
{
  for (guint i = 1; i < self->max_connections; i++)
    if ((self->sessions[i] != NULL || self->http1[i] != NULL) &&
        (self->busy & (1u << i)) == 0 &&
        self->n_done - self->last_used[i] > IDLE_REQUESTS_BEFORE_CLOSE)
      {
        /* With no request on it, aborting only closes its connection. */
        if (self->sessions[i] != NULL)
          soup_session_abort (self->sessions[i]);
        g_clear_pointer (&self->http1[i], arango_http1_connection_unref);
        self->last_used[i] = self->n_done;
      }
}

/* Gives @ticket the first free session within the limit, if any. */
static gboolean
take_session (ArangoHost       *self,
              ArangoHostTicket *ticket)
{
  guint32 free = self->allowed & ~self->busy;
  guint i;

  if (free == 0)
    return FALSE;
  i = g_bit_nth_lsf (free, -1);
  self->busy |= 1u << i;
  ticket->session_index = i;
  ticket->owns_session = TRUE;
  /* A plain-HTTP slot has its own connection (arango-http1.c) and no
   * session. */
  ticket->plain_http1 = self->plain_http;
  if (self->sessions[i] == NULL && !ticket->plain_http1)
    self->sessions[i] = arango_host_new_session (self, 1);
  ticket->session = self->sessions[i];
  return TRUE;
}

/* The ticket holds a reference: a new limit may replace the overflow
 * session before the request is sent on it. */
static void
take_overflow (ArangoHost       *self,
               ArangoHostTicket *ticket)
{
  if (self->overflow == NULL)
    self->overflow = arango_host_new_session (self, self->max_connections);
  ticket->session = g_object_ref (self->overflow);
  ticket->owns_session = FALSE;
  ticket->plain_http1 = FALSE;
}

/* Marks @ticket's session free, and returns the session if it is beyond
 * the limit now: its connection closes once the request's message has
 * let go of it. */
static SoupSession *
free_session (ArangoHost       *self,
              ArangoHostTicket *ticket)
{
  guint i = ticket->session_index;

  self->busy &= ~(1u << i);
  self->last_used[i] = ++self->n_done;
  close_unneeded_connections (self);
  if (i >= self->max_connections)
    {
      g_clear_pointer (&self->http1[i], arango_http1_connection_unref);
      return g_steal_pointer (&self->sessions[i]);
    }
  return NULL;
}

/* Starts @ticket's request at once when one of the coordinator's
 * connections is free for it, or when it may not wait; otherwise it
 * waits for one. All of these run with the lock held but for the
 * start functions. */
void
arango_host_queue (ArangoHost          *self,
                   ArangoHostTicket    *ticket,
                   GMainContext        *context,
                   ArangoHostStartFunc  start,
                   gpointer             user_data)
{
  Lane *lane;
  gboolean start_now = TRUE;

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
  /* The one-connection sessions serve the default main context only.
   * libsoup hands a connection back when a message finishes, on the
   * context that sent it; a blocking call's context (or a worker
   * thread's) taking a session whose last message the idle default
   * context has yet to finish would wait for it forever. */
  if (context != g_main_context_default ())
    take_overflow (self, ticket);
  /* No overtaking the ones waiting for sessions a higher limit just
   * allowed: they take them when the next request ends. */
  else if (!g_queue_is_empty (&lane->waiting) || !take_session (self, ticket))
    {
      if (lane->in_flight > 0)
        start_now = FALSE;
      else
        take_overflow (self, ticket);
    }
  if (start_now)
    {
      ticket->holds_slot = TRUE;
      lane->in_flight++;
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

/* Starts a waiting request on the overflow session. */
static void
force_start (ArangoHost       *self,
             Lane             *lane,
             ArangoHostTicket *ticket)
{
  g_queue_unlink (&lane->waiting, &ticket->link);
  ticket->waiting = FALSE;
  ticket->holds_slot = TRUE;
  take_overflow (self, ticket);
  lane->in_flight++;
}

/* Starts a waiting request without waiting for a free connection: for
 * one that was cancelled or timed out, libsoup then fails it at once
 * without sending anything. Does nothing for a started one. */
void
arango_host_start_now (ArangoHost       *self,
                       ArangoHostTicket *ticket)
{
  g_mutex_lock (&self->slots_lock);
  if (!ticket->waiting)
    {
      g_mutex_unlock (&self->slots_lock);
      return;
    }
  force_start (self, find_lane (self, ticket->context), ticket);
  g_mutex_unlock (&self->slots_lock);

  ticket->start (ticket->user_data);
}

/* The request of @ticket is over: the next ones waiting in the same
 * lane go, as many as there are free sessions (more than one after the
 * limit was raised). */
void
arango_host_done (ArangoHost       *self,
                  ArangoHostTicket *ticket)
{
  g_autoptr(SoupSession) unneeded = NULL;
  GQueue ready = G_QUEUE_INIT;
  GList *link;
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
  if (ticket->owns_session)
    unneeded = free_session (self, ticket);
  else
    unneeded = g_steal_pointer (&ticket->session);

  while (lane->waiting.head != NULL && take_session (self, lane->waiting.head->data))
    {
      ArangoHostTicket *next;

      link = g_queue_pop_head_link (&lane->waiting);
      next = link->data;
      next->waiting = FALSE;
      next->holds_slot = TRUE;
      lane->in_flight++;
      g_queue_push_tail_link (&ready, link);
    }
  drop_lane_if_idle (self, lane);
  g_mutex_unlock (&self->slots_lock);

  /* The links are the tickets' own: popped, never freed. */
  while ((link = g_queue_pop_head_link (&ready)) != NULL)
    {
      ArangoHostTicket *next = link->data;

      next->start (next->user_data);
    }
}

/* Every session with requests that may run on it: an earlier limit's
 * overflow session lives as long as they do. */
static GPtrArray *
ref_sessions (ArangoHost *self)
{
  GPtrArray *sessions = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (self->sessions); i++)
    if (self->sessions[i] != NULL)
      g_ptr_array_add (sessions, g_object_ref (self->sessions[i]));
  if (self->overflow != NULL)
    g_ptr_array_add (sessions, g_object_ref (self->overflow));
  for (guint i = 0; self->retired != NULL && i < self->retired->len; i++)
    {
      SoupSession *retired = g_weak_ref_get (self->retired->pdata[i]);

      if (retired != NULL)
        g_ptr_array_add (sessions, retired);
    }
  return sessions;
}

/* Hands every waiting request to a session and aborts them all, so that
 * the waiting requests fail as the ones already sent do. */
void
arango_host_abort (ArangoHost *self)
{
  GQueue waiting = G_QUEUE_INIT;
  g_autoptr(GPtrArray) sessions = NULL;

  g_mutex_lock (&self->slots_lock);
  for (GSList *l = self->lanes; l != NULL; l = l->next)
    {
      Lane *lane = l->data;

      while (lane->waiting.head != NULL)
        {
          ArangoHostTicket *ticket = lane->waiting.head->data;

          force_start (self, lane, ticket);
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

  g_mutex_lock (&self->slots_lock);
  sessions = ref_sessions (self);
  /* Requests on the slots' own connections see the connection end;
   * those still connecting, the count change. */
  self->abort_count++;
  for (guint i = 0; i < G_N_ELEMENTS (self->http1); i++)
    if (self->http1[i] != NULL)
      arango_http1_connection_shutdown (self->http1[i]);
  g_mutex_unlock (&self->slots_lock);
  for (guint i = 0; i < sessions->len; i++)
    soup_session_abort (sessions->pdata[i]);
}

/* The connection of @slot, if it has one. Only the request holding the
 * slot uses it; the lock is for a client closing in another thread. */
ArangoHttp1Connection *
arango_host_dup_http1 (ArangoHost *self,
                       guint       slot)
{
  ArangoHttp1Connection *connection;

  g_mutex_lock (&self->slots_lock);
  connection = self->http1[slot] ? arango_http1_connection_ref (self->http1[slot]) : NULL;
  g_mutex_unlock (&self->slots_lock);
  return connection;
}

/* Gives @slot @connection (nullable), closing the one it had unless a
 * request still holds it. */
void
arango_host_set_http1 (ArangoHost            *self,
                       guint                  slot,
                       ArangoHttp1Connection *connection)
{
  g_autoptr(ArangoHttp1Connection) old = NULL;

  g_mutex_lock (&self->slots_lock);
  old = g_steal_pointer (&self->http1[slot]);
  self->http1[slot] = connection ? arango_http1_connection_ref (connection) : NULL;
  g_mutex_unlock (&self->slots_lock);
}

guint
arango_host_get_abort_count (ArangoHost *self)
{
  guint count;

  g_mutex_lock (&self->slots_lock);
  count = self->abort_count;
  g_mutex_unlock (&self->slots_lock);
  return count;
}

GSocketClient *
arango_host_get_socket_client (ArangoHost *self)
{
  g_mutex_lock (&self->slots_lock);
  if (self->socket_client == NULL)
    self->socket_client = g_socket_client_new ();
  g_mutex_unlock (&self->slots_lock);
  return self->socket_client;
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

/* Moves the overflow session to the retired ones, where the host can
 * still abort the requests on it, and forgets those already gone. Its
 * reference, and those taken to look at the retired ones, go to
 * @unneeded, to be dropped without the lock: dropping the last one
 * closes a session's connections. */
static void
retire_overflow (ArangoHost *self,
                 GPtrArray  *unneeded)
{
  GWeakRef *ref;

  if (self->retired == NULL)
    self->retired = g_ptr_array_new_with_free_func ((GDestroyNotify) weak_ref_free);
  for (guint i = self->retired->len; i > 0; i--)
    {
      SoupSession *retired = g_weak_ref_get (self->retired->pdata[i - 1]);

      if (retired != NULL)
        g_ptr_array_add (unneeded, retired);
      else
        g_ptr_array_remove_index_fast (self->retired, i - 1);
    }

  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self->overflow);
  g_ptr_array_add (self->retired, ref);
  g_ptr_array_add (unneeded, g_steal_pointer (&self->overflow));
}

/* Requests already running keep their sessions; see the top of the
 * file. */
void
arango_host_set_max_connections (ArangoHost *self,
                                 guint       max_connections)
{
  g_autoptr(GPtrArray) unneeded = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (max_connections >= 1 && max_connections <= ARANGO_HOST_MAX_CONNECTIONS);

  g_mutex_lock (&self->slots_lock);
  if (self->max_connections != max_connections)
    {
      self->max_connections = max_connections;
      self->allowed = G_MAXUINT32 >> (32 - max_connections);
      for (guint i = max_connections; i < ARANGO_HOST_MAX_CONNECTIONS; i++)
        if ((self->busy & (1u << i)) == 0)
          {
            if (self->sessions[i] != NULL)
              g_ptr_array_add (unneeded, g_steal_pointer (&self->sessions[i]));
            g_clear_pointer (&self->http1[i], arango_http1_connection_unref);
          }
      if (self->overflow != NULL)
        retire_overflow (self, unneeded);
    }
  g_mutex_unlock (&self->slots_lock);
}
