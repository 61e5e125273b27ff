/* arango-host-private.h: one coordinator and its HTTP session
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "arango-http1-private.h"

G_BEGIN_DECLS

/* Requests pinned to a coordinator hold a reference to its ArangoHost, so
 * the pin survives a change of the client's host list. */

#define ARANGO_HOST_USER_AGENT "arango-glib/" PACKAGE_VERSION

/* The range of ArangoClient:max-connections: the sessions of a host are
 * a bit mask of 32. */
#define ARANGO_HOST_MAX_CONNECTIONS 32
#define ARANGO_HOST_DEFAULT_CONNECTIONS 8

struct _ArangoHost
{
  gatomicrefcount ref_count;
  char *uri;             /* scheme://host:port[/prefix], no trailing slash */

  /* This coordinator's connections, one per session, the others made
   * when first needed; the requests on them and those waiting for one,
   * per main context (arango-host-slots.c) */
  GMutex slots_lock;
  SoupSession *sessions[ARANGO_HOST_MAX_CONNECTIONS];
  /* For a plain-HTTP coordinator, the session's request goes out on the
   * slot's own connection instead (arango-http1.c) */
  ArangoHttp1Connection *http1[ARANGO_HOST_MAX_CONNECTIONS];
  gboolean plain_http;   /* an http:// coordinator */
  GSocketClient *socket_client;
  guint abort_count;     /* times the client closed while it ran */
  guint64 last_used[ARANGO_HOST_MAX_CONNECTIONS];  /* by the count below */
  guint64 n_done;        /* requests finished on its connections */
  guint32 busy;          /* sessions with a request */
  guint32 allowed;       /* the first max_connections sessions */
  guint max_connections;
  SoupSession *overflow; /* for requests no session is free for and
                          * that cannot wait (arango-host-slots.c), with
                          * max_connections connections */
  GPtrArray *retired;    /* of GWeakRef: overflow sessions of an earlier
                          * limit, alive while requests run on them */
  GTlsDatabase *tls_database;
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
  gboolean owns_session; /* FALSE on the overflow session */
  gboolean plain_http1;  /* runs on the slot's own connection */
  guint session_index;
  SoupSession *session;  /* where it runs, once started; a reference
                          * only on the overflow session */
} ArangoHostTicket;

ArangoHost *arango_host_new   (const char *uri);
ArangoHost *arango_host_ref   (ArangoHost *self);
void        arango_host_unref (ArangoHost *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArangoHost, arango_host_unref)

SoupSession *arango_host_new_session      (ArangoHost    *self,
                                           guint          connections);
void         arango_host_set_tls_database (ArangoHost    *self,
                                           GTlsDatabase  *database);

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
void       arango_host_set_max_connections (ArangoHost          *self,
                                            guint                max_connections);

ArangoHttp1Connection *arango_host_dup_http1         (ArangoHost            *self,
                                                     guint                  slot);
void                   arango_host_set_http1         (ArangoHost            *self,
                                                     guint                  slot,
                                                     ArangoHttp1Connection *connection);
guint                  arango_host_get_abort_count   (ArangoHost            *self);
GSocketClient         *arango_host_get_socket_client (ArangoHost            *self);

char      *arango_host_normalize_uri (const char  *text,
                                      GError     **error);
GStrv      arango_host_split_list    (const char  *hosts);

G_END_DECLS
