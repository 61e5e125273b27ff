/* arango-document.c: document keys, ids and options, checked before
 * anything is sent
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-document-private.h"
#include "arango-error.h"

#define MAX_KEY_LENGTH 254

/* The characters ArangoDB allows in a document key. */
static gboolean
is_key_char (char c)
{
  return g_ascii_isalnum (c) || strchr ("_-:.@()+,=;$!*'%~", c) != NULL;
}

static gboolean
is_valid_key (const char *key)
{
  gsize length = strlen (key);

  if (length == 0 || length > MAX_KEY_LENGTH)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!is_key_char (key[i]))
      return FALSE;
  return TRUE;
}

/* Accepts a key ("1234") or an id of this collection ("users/1234"). */
char *
arango_document_resolve_key (const char  *collection,
                             const char  *key_or_id,
                             GError     **error)
{
  const char *slash;
  const char *key = key_or_id;

  if (key_or_id == NULL)
    {
      g_set_error_literal (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                           _("A document key is required"));
      return NULL;
    }

  slash = strchr (key_or_id, '/');
  if (slash != NULL)
    {
      gsize prefix = slash - key_or_id;

      if (strlen (collection) != prefix || strncmp (key_or_id, collection, prefix) != 0)
        {
          g_set_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                       _("The document id “%s” does not belong to the collection “%s”"),
                       key_or_id, collection);
          return NULL;
        }
      key = slash + 1;
    }

  if (!is_valid_key (key))
    {
      g_set_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a valid document key"), key);
      return NULL;
    }
  return g_strdup (key);
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* A document must be a JSON object; for updates and replacements it names
 * its key through `_key` or `_id`. */
gboolean
arango_document_check_object (const char  *collection,
                              JsonNode    *document,
                              gboolean     needs_key,
                              char       **key,
                              char       **rev,
                              GError     **error)
{
  JsonObject *object;
  const char *key_or_id;

  if (document == NULL || !JSON_NODE_HOLDS_OBJECT (document))
    {
      g_set_error_literal (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                           _("A document must be a JSON object"));
      return FALSE;
    }

  object = json_node_get_object (document);
  key_or_id = string_member (object, "_key");
  if (key_or_id == NULL)
    key_or_id = string_member (object, "_id");

  if (key_or_id == NULL && needs_key)
    {
      g_set_error_literal (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                           _("The document has no “_key” or “_id”"));
      return FALSE;
    }

  if (key_or_id != NULL)
    {
      g_autofree char *resolved = arango_document_resolve_key (collection, key_or_id, error);

      if (resolved == NULL)
        return FALSE;
      if (key)
        *key = g_steal_pointer (&resolved);
    }
  else if (key)
    *key = NULL;

  if (rev)
    *rev = g_strdup (string_member (object, "_rev"));
  return TRUE;
}

gboolean
arango_document_check_flags (ArangoDocumentFlags   flags,
                             gboolean              is_insert,
                             GError              **error)
{
  ArangoDocumentFlags overwrite = flags & (ARANGO_DOCUMENT_FLAGS_OVERWRITE_IGNORE |
                                           ARANGO_DOCUMENT_FLAGS_OVERWRITE_REPLACE |
                                           ARANGO_DOCUMENT_FLAGS_OVERWRITE_UPDATE |
                                           ARANGO_DOCUMENT_FLAGS_OVERWRITE_CONFLICT);

  if (overwrite != 0 && !is_insert)
    {
      g_set_error_literal (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                           _("Overwrite modes apply to inserts only"));
      return FALSE;
    }
  if (overwrite & (overwrite - 1))
    {
      g_set_error_literal (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                           _("At most one overwrite mode may be given"));
      return FALSE;
    }
  return TRUE;
}

void
arango_document_add_options (ArangoRequest       *request,
                             ArangoDocumentFlags  flags)
{
  if (flags & ARANGO_DOCUMENT_FLAGS_RETURN_NEW)
    arango_request_add_query (request, "returnNew", "true");
  if (flags & ARANGO_DOCUMENT_FLAGS_RETURN_OLD)
    arango_request_add_query (request, "returnOld", "true");
  if (flags & ARANGO_DOCUMENT_FLAGS_SILENT)
    arango_request_add_query (request, "silent", "true");
  if (flags & ARANGO_DOCUMENT_FLAGS_WAIT_FOR_SYNC)
    arango_request_add_query (request, "waitForSync", "true");
  if (flags & ARANGO_DOCUMENT_FLAGS_CHECK_REV)
    arango_request_add_query (request, "ignoreRevs", "false");
  if (flags & ARANGO_DOCUMENT_FLAGS_REMOVE_NULL)
    arango_request_add_query (request, "keepNull", "false");
  if (flags & ARANGO_DOCUMENT_FLAGS_REPLACE_OBJECTS)
    arango_request_add_query (request, "mergeObjects", "false");
  if (flags & ARANGO_DOCUMENT_FLAGS_OVERWRITE_IGNORE)
    arango_request_add_query (request, "overwriteMode", "ignore");
  if (flags & ARANGO_DOCUMENT_FLAGS_OVERWRITE_REPLACE)
    arango_request_add_query (request, "overwriteMode", "replace");
  if (flags & ARANGO_DOCUMENT_FLAGS_OVERWRITE_UPDATE)
    arango_request_add_query (request, "overwriteMode", "update");
  if (flags & ARANGO_DOCUMENT_FLAGS_OVERWRITE_CONFLICT)
    arango_request_add_query (request, "overwriteMode", "conflict");
}
