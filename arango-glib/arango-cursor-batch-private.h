/* arango-cursor-batch-private.h: one batch of a cursor, until the caller
 * says in which form it wants it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "arango-connection-private.h"

G_BEGIN_DECLS

typedef enum
{
  ARANGO_BATCH_AS_JSON,
  ARANGO_BATCH_AS_VARIANT,
} ArangoBatchForm;

/* A cursor's requests leave the result array undecoded (checked, but
 * kept as text) until the caller says in which form it wants it. */
typedef struct
{
  GBytes *text;
} ArangoCursorBatch;

gboolean arango_cursor_batch_take   (ArangoCursorBatch *self,
                                     ArangoResponse    *response);
gboolean arango_cursor_batch_is_set (ArangoCursorBatch *self);
void     arango_cursor_batch_clear  (ArangoCursorBatch *self);
void     arango_cursor_batch_return (ArangoCursorBatch *self,
                                     GTask             *task,
                                     ArangoBatchForm    form);

G_END_DECLS
