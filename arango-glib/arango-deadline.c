/* arango-deadline.c: request deadlines, one timer per main context
 *
 * A timeout source per request cost about 4 % of a small request:
 * making, attaching and destroying it, and each iteration of the main
 * loop looking at every one of them in flight. Requests mostly share
 * their client's timeout, so their deadlines come in the order they
 * start: one source per main context, ready at the earliest deadline,
 * serves them all. It is not moved when that request ends first (moving
 * it wakes the main loop); it then wakes once for nothing and moves on
 * to the next deadline.
 *
 * The default main context keeps its timer; another context's (a
 * blocking call's, a worker thread's) goes with its last deadline, as
 * the context itself may go right after.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "arango-deadline-private.h"

typedef struct
{
  GSource source;
  GMainContext *context;  /* not owned: the timer goes first */
  GQueue deadlines;       /* of ArangoDeadline, earliest first */
  gboolean dropped;
} Timer;

static GMutex timers_lock;
static GSList *timers;    /* owns a reference on each */

/* Returns the reference the list held, to drop once unlocked. */
static GSource *
drop_timer_locked (Timer *timer)
{
  if (timer->dropped)
    return NULL;
  timer->dropped = TRUE;
  timers = g_slist_remove (timers, timer);
  g_source_destroy (&timer->source);
  return &timer->source;
}

static gboolean
timer_dispatch (GSource     *source,
                GSourceFunc  callback,
                gpointer     user_data)
{
  Timer *timer = (Timer *) source;
  gint64 now = g_source_get_time (source);
  ArangoDeadline *next;
  GSource *dropped = NULL;

  g_mutex_lock (&timers_lock);
  for (;;)
    {
      ArangoDeadline *expired = g_queue_peek_head (&timer->deadlines);

      if (expired == NULL || expired->deadline_us > now)
        break;
      g_queue_unlink (&timer->deadlines, &expired->link);
      expired->timer = NULL;
      g_mutex_unlock (&timers_lock);
      expired->func (expired->user_data);
      g_mutex_lock (&timers_lock);
    }

  next = g_queue_peek_head (&timer->deadlines);
  if (next != NULL)
    g_source_set_ready_time (source, next->deadline_us);
  else if (timer->context == g_main_context_default ())
    g_source_set_ready_time (source, -1);
  else
    dropped = drop_timer_locked (timer);
  g_mutex_unlock (&timers_lock);

  g_clear_pointer (&dropped, g_source_unref);
  return G_SOURCE_CONTINUE;
}

static GSourceFuncs timer_funcs = {
  NULL, NULL, timer_dispatch, NULL, NULL, NULL,
};

static Timer *
get_timer_locked (GMainContext *context)
{
  Timer *timer;

  for (GSList *l = timers; l != NULL; l = l->next)
    {
      timer = l->data;
      if (timer->context == context)
        {
          /* Its context went while it still had deadlines: that
           * context's address is being used again. */
          if (!g_source_is_destroyed (&timer->source))
            return timer;
          g_source_unref (drop_timer_locked (timer));
          break;
        }
    }

  timer = (Timer *) g_source_new (&timer_funcs, sizeof (Timer));
  timer->context = context;
  g_queue_init (&timer->deadlines);
  g_source_set_name (&timer->source, "[arango-glib] request deadlines");
  g_source_attach (&timer->source, context);
  timers = g_slist_prepend (timers, timer);
  return timer;
}

/* Calls @func in @context's thread once @seconds have passed, unless
 * arango_deadline_stop() comes first. */
void
arango_deadline_start (ArangoDeadline     *self,
                       GMainContext       *context,
                       guint               seconds,
                       ArangoDeadlineFunc  func,
                       gpointer            user_data)
{
  gint64 deadline_us = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;
  Timer *timer;
  GList *before;
  gint64 ready_time;

  self->deadline_us = deadline_us;
  self->func = func;
  self->user_data = user_data;
  self->link.data = self;

  g_mutex_lock (&timers_lock);
  timer = get_timer_locked (context);
  before = timer->deadlines.tail;
  while (before != NULL && ((ArangoDeadline *) before->data)->deadline_us > deadline_us)
    before = before->prev;
  if (before != NULL)
    g_queue_insert_after_link (&timer->deadlines, before, &self->link);
  else
    g_queue_push_head_link (&timer->deadlines, &self->link);
  self->timer = timer;

  ready_time = g_source_get_ready_time (&timer->source);
  if (ready_time == -1 || deadline_us < ready_time)
    g_source_set_ready_time (&timer->source, deadline_us);
  g_mutex_unlock (&timers_lock);
}

/* Does nothing for a deadline that passed or was stopped. */
void
arango_deadline_stop (ArangoDeadline *self)
{
  Timer *timer;
  GSource *dropped = NULL;

  g_mutex_lock (&timers_lock);
  timer = self->timer;
  if (timer != NULL)
    {
      g_queue_unlink (&timer->deadlines, &self->link);
      self->timer = NULL;
      if (g_queue_is_empty (&timer->deadlines) &&
          timer->context != g_main_context_default ())
        dropped = drop_timer_locked (timer);
    }
  g_mutex_unlock (&timers_lock);

  g_clear_pointer (&dropped, g_source_unref);
}
