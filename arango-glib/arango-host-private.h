/* arango-host-private.h: one coordinator and its HTTP session
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* Requests pinned to a coordinator hold a reference to its ArangoHost, so
 * the pin survives a change of the client's host list. */
typedef struct _ArangoHost ArangoHost;

struct _ArangoHost
{
  gatomicrefcount ref_count;
  char *uri;             /* scheme://host:port[/prefix], no trailing slash */
  SoupSession *session;  /* this coordinator's connections, and only its */

  /* Requests handed to the session, and those waiting for a free
   * connection, per main context (arango-host-slots.c) */
  GMutex slots_lock;
  GSList *lanes;
};

/* A request's place in its host's line: starts it when a connection is
 * free for it. */
typedef void (*ArangoHostStartFunc) (gpointer user_data);

typedef struct
{
  GList link;            /* in its lane's waiting queue */
  GMainContext *context;
  ArangoHostStartFunc start;
  gpointer user_data;
  gboolean waiting;
  gboolean holds_slot;
} ArangoHostTicket;

ArangoHost *arango_host_new   (const char *uri);
ArangoHost *arango_host_ref   (ArangoHost *self);
void        arango_host_unref (ArangoHost *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArangoHost, arango_host_unref)

void       arango_host_queue         (ArangoHost          *self,
                                      ArangoHostTicket    *ticket,
                                      GMainContext        *context,
                                      ArangoHostStartFunc  start,
                                      gpointer             user_data);
void       arango_host_start_now     (ArangoHost          *self,
                                      ArangoHostTicket    *ticket);
void       arango_host_done          (ArangoHost          *self,
                                      ArangoHostTicket    *ticket);
void       arango_host_abort         (ArangoHost          *self);

char      *arango_host_normalize_uri (const char  *text,
                                      GError     **error);
GStrv      arango_host_split_list    (const char  *hosts);

G_END_DECLS
