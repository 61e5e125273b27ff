/* arango-context-private.h: where a handle's requests go, and as whom
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "arango-connection-private.h"

G_BEGIN_DECLS

/* Shared by a database handle and everything made from it (cluster API,
 * collections, cursors, transactions): the client, the database prefix,
 * the credentials, and for stream transactions the transaction id and
 * the coordinator it lives on. Immutable once made. */
typedef struct _ArangoContext ArangoContext;

struct _ArangoContext
{
  gatomicrefcount ref_count;
  ArangoClient *client;
  char *database;
  ArangoAuth *auth;
  char *transaction_id;   /* nullable */
  ArangoHost *host;       /* nullable: where the transaction lives */
  const char *async_mode; /* nullable: x-arango-async value ("store", "true") */
  ArangoContext *direct;  /* with async_mode: the same context without it */
};

ArangoContext *arango_context_new             (ArangoClient  *client,
                                               const char    *database,
                                               ArangoAuth    *auth);
ArangoContext *arango_context_new_transaction (ArangoContext *base,
                                               const char    *transaction_id,
                                               ArangoHost    *host);
ArangoContext *arango_context_new_async       (ArangoContext *base,
                                               gboolean       return_result);
ArangoContext *arango_context_get_direct      (ArangoContext *self);
ArangoContext *arango_context_ref             (ArangoContext *self);
void           arango_context_unref           (ArangoContext *self);

ArangoRequest *arango_context_request         (ArangoContext *self,
                                               const char    *method,
                                               const char    *path,
                                               ...) G_GNUC_NULL_TERMINATED;
void           arango_context_call            (ArangoContext        *self,
                                               gpointer              source_object,
                                               ArangoRequest        *request,
                                               ArangoReplyFunc       reply_func,
                                               gconstpointer         reply_data,
                                               gpointer              source_tag,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArangoContext, arango_context_unref)

G_END_DECLS
