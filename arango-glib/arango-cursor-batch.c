/* arango-cursor-batch.c: one batch of a cursor, until the caller says in
 * which form it wants it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-cursor-batch-private.h"
#include "arango-error.h"
#include "arango-json-private.h"

/* Takes the result array of @response, which the cursor's requests
 * leave undecoded; FALSE when it has none. */
gboolean
arango_cursor_batch_take (ArangoCursorBatch *self,
                          ArangoResponse    *response)
{
  gsize length = 0;
  const char *text = response->deferred ? g_bytes_get_data (response->deferred, &length) : NULL;

  arango_cursor_batch_clear (self);
  /* The reader checked the whole value: only its kind is left. */
  if (length == 0 || text[0] != '[')
    return FALSE;
  self->text = g_bytes_ref (response->deferred);
  return TRUE;
}

gboolean
arango_cursor_batch_is_set (ArangoCursorBatch *self)
{
  return self->text != NULL;
}

void
arango_cursor_batch_clear (ArangoCursorBatch *self)
{
  g_clear_pointer (&self->text, g_bytes_unref);
}

/* Returns the batch as @task's result, in @form, and clears it. */
void
arango_cursor_batch_return (ArangoCursorBatch *self,
                            GTask             *task,
                            ArangoBatchForm    form)
{
  GError *error = NULL;
  gsize length;
  const char *text = g_bytes_get_data (self->text, &length);
  gpointer batch;
  GDestroyNotify free_batch;

  if (form == ARANGO_BATCH_AS_VARIANT)
    {
      batch = arango_json_parse_variant (text, length, &error);
      free_batch = (GDestroyNotify) g_variant_unref;
    }
  else
    {
      g_autoptr(JsonNode) node = arango_json_parse (text, length, &error);

      batch = node ? json_array_ref (json_node_get_array (node)) : NULL;
      free_batch = (GDestroyNotify) json_array_unref;
    }
  arango_cursor_batch_clear (self);

  /* The text was checked when it came in, so only a GVariant can fail,
   * for results nested more deeply than it can be; this must not look
   * like the end. */
  if (batch == NULL)
    {
      g_task_return_new_error (task, ARANGO_ERROR, ARANGO_ERROR_INVALID_REPLY,
                               _("The cursor's batch could not be decoded: %s"),
                               error->message);
      g_error_free (error);
      return;
    }
  g_task_return_pointer (task, batch, free_batch);
}
