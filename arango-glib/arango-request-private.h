/* arango-request-private.h: the fields of a request, for the connection
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "arango-connection-private.h"

G_BEGIN_DECLS

/* How a success's body is handed over. An async job keeps it, to read
 * its stored reply as the call would have read the direct one. */
typedef struct
{
  gboolean text;               /* kept as text, not decoded as JSON */
  gboolean json_text;          /* JSON, kept as its text, undecoded */
  gboolean raw;                /* the bytes kept too; a success need not be JSON */
  const char *deferred_member; /* a top-level member kept as text (static) */
} ArangoReplyForm;

struct _ArangoRequest
{
  char *method;
  char *path;             /* escaped, starts with '/' */
  char *database;         /* NULL: no /_db/ prefix */
  GString *query;         /* escaped, without '?' */
  GPtrArray *headers;     /* name, value, name, value, … */
  GBytes *body;           /* JSON text */
  GError *error;          /* why the request cannot be sent (a body with no JSON form) */
  ArangoAuth *auth;
  ArangoHost *pinned_host;
  gboolean idempotent;    /* safe to send again after it may have arrived */
  gboolean keep_errors;   /* error statuses come back as responses (async job results) */
  ArangoReplyForm reply_form;
};

G_END_DECLS
