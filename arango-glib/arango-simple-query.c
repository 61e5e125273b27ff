/* arango-simple-query.c: the AQL behind a collection's simple queries,
 * with every value a bind parameter
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "arango-collection-private.h"
#include "arango-cursor-private.h"
#include "arango-simple-query-private.h"

struct _ArangoSimpleQuery
{
  ArangoCollection *collection;
  GString *aql;
  JsonObject *bind_vars;
  guint n_attributes;
  guint n_values;
};

/* Starts "FOR doc IN @@collection"-style queries: the text is the
 * caller's, the collection is always bound. */
ArangoSimpleQuery *
arango_simple_query_new (ArangoCollection *collection)
{
  ArangoSimpleQuery *self = g_new0 (ArangoSimpleQuery, 1);

  self->collection = g_object_ref (collection);
  self->aql = g_string_new (NULL);
  self->bind_vars = json_object_new ();
  arango_simple_query_bind_string (self, "@collection", arango_collection_get_name (collection));
  return self;
}

void
arango_simple_query_free (ArangoSimpleQuery *self)
{
  g_object_unref (self->collection);
  g_string_free (self->aql, TRUE);
  json_object_unref (self->bind_vars);
  g_free (self);
}

/* @aql is the call's own text, never a value from the caller. */
void
arango_simple_query_append (ArangoSimpleQuery *self,
                            const char        *aql)
{
  if (self->aql->len > 0)
    g_string_append_c (self->aql, ' ');
  g_string_append (self->aql, aql);
}

/* Takes @value. */
void
arango_simple_query_bind (ArangoSimpleQuery *self,
                          const char        *name,
                          JsonNode          *value)
{
  json_object_set_member (self->bind_vars, name, value);
}

void
arango_simple_query_bind_double (ArangoSimpleQuery *self,
                                 const char        *name,
                                 gdouble            value)
{
  json_object_set_double_member (self->bind_vars, name, value);
}

void
arango_simple_query_bind_int (ArangoSimpleQuery *self,
                              const char        *name,
                              gint64             value)
{
  json_object_set_int_member (self->bind_vars, name, value);
}

void
arango_simple_query_bind_boolean (ArangoSimpleQuery *self,
                                  const char        *name,
                                  gboolean           value)
{
  json_object_set_boolean_member (self->bind_vars, name, value);
}

void
arango_simple_query_bind_string (ArangoSimpleQuery *self,
                                 const char        *name,
                                 const char        *value)
{
  json_object_set_string_member (self->bind_vars, name, value);
}

/* Binds @path and returns the AQL that reads it, `doc.@attributeN`: one
 * name binds as a string, a dotted path ("address.city") as the array of
 * its names, which AQL reads as nested attributes. */
char *
arango_simple_query_bind_attribute (ArangoSimpleQuery *self,
                                    const char        *path)
{
  g_autofree char *name = g_strdup_printf ("attribute%u", self->n_attributes++);

  if (strchr (path, '.') == NULL)
    arango_simple_query_bind_string (self, name, path);
  else
    {
      g_auto(GStrv) names = g_strsplit (path, ".", -1);
      JsonArray *array = json_array_new ();

      for (guint i = 0; names[i] != NULL; i++)
        json_array_add_string_element (array, names[i]);
      json_object_set_array_member (self->bind_vars, name, array);
    }
  return g_strdup_printf ("doc.@%s", name);
}

/* `FILTER doc.@attribute0 == @value0 AND …`, nothing for no filters. */
void
arango_simple_query_filter_equal (ArangoSimpleQuery *self,
                                  JsonObject        *filters)
{
  JsonObjectIter iter;
  const char *path;
  JsonNode *value;
  gboolean first = TRUE;

  if (filters == NULL)
    return;

  json_object_iter_init_ordered (&iter, filters);
  while (json_object_iter_next_ordered (&iter, &path, &value))
    {
      g_autofree char *name = g_strdup_printf ("value%u", self->n_values++);
      g_autofree char *attribute = arango_simple_query_bind_attribute (self, path);
      g_autofree char *comparison = g_strdup_printf ("%s %s == @%s", first ? "FILTER" : "AND",
                                                     attribute, name);

      arango_simple_query_append (self, comparison);
      arango_simple_query_bind (self, name, json_node_copy (value));
      first = FALSE;
    }
}

/* Nothing for no window; a negative @limit is no limit. */
void
arango_simple_query_limit (ArangoSimpleQuery *self,
                           gint64             skip,
                           gint64             limit)
{
  if (skip == 0 && limit < 0)
    return;

  arango_simple_query_bind_int (self, "limit", limit < 0 ? ARANGO_SIMPLE_QUERY_ALL : limit);
  if (skip == 0)
    arango_simple_query_append (self, "LIMIT @limit");
  else
    {
      arango_simple_query_bind_int (self, "skip", skip);
      arango_simple_query_append (self, "LIMIT @skip, @limit");
    }
}

/* The task's result is the ArangoCursor. */
void
arango_simple_query_run_cursor (ArangoSimpleQuery   *self,
                                ArangoQueryOptions  *options,
                                gpointer             source_tag,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  arango_query_start (arango_collection_get_context (self->collection), self->collection,
                      self->aql->str, self->bind_vars, options, source_tag,
                      cancellable, callback, user_data);
}

/* For queries whose whole answer is in the first reply: @reply_func reads
 * the POST /_api/cursor body. */
void
arango_simple_query_run (ArangoSimpleQuery   *self,
                         ArangoQueryOptions  *options,
                         ArangoReplyFunc      reply_func,
                         gconstpointer        reply_data,
                         gpointer             source_tag,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  ArangoContext *context = arango_collection_get_context (self->collection);
  gboolean allow_retry;
  ArangoRequest *request;

  request = arango_query_request_new (context, self->aql->str, self->bind_vars, options,
                                      &allow_retry);
  arango_context_call (context, self->collection, request, reply_func, reply_data,
                       source_tag, cancellable, callback, user_data);
}

/* One or more names, none empty, separated by dots. */
static gboolean
is_attribute_path (const char *path)
{
  const char *p;

  if (path == NULL || *path == '\0' || *path == '.')
    return FALSE;
  for (p = path; *p != '\0'; p++)
    if (*p == '.' && (p[1] == '.' || p[1] == '\0'))
      return FALSE;
  return TRUE;
}

gboolean
arango_simple_query_check_path (ArangoCollection    *collection,
                                const char          *path,
                                gpointer             source_tag,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  return arango_check_argument (collection, is_attribute_path (path), source_tag,
                                callback, user_data,
                                _("An attribute path is one or more names separated by dots, "
                                  "none of them empty"));
}

gboolean
arango_simple_query_check_filters (ArangoCollection    *collection,
                                   JsonObject          *filters,
                                   gboolean             required,
                                   gpointer             source_tag,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  JsonObjectIter iter;
  const char *path;

  if (required &&
      !arango_check_argument (collection, filters != NULL && json_object_get_size (filters) > 0,
                              source_tag, callback, user_data,
                              _("The filters must name at least one attribute")))
    return FALSE;
  if (filters == NULL)
    return TRUE;

  json_object_iter_init_ordered (&iter, filters);
  while (json_object_iter_next_ordered (&iter, &path, NULL))
    if (!arango_simple_query_check_path (collection, path, source_tag, callback, user_data))
      return FALSE;
  return TRUE;
}

gboolean
arango_simple_query_check_window (ArangoCollection    *collection,
                                  gint64               skip,
                                  gint64               limit,
                                  gpointer             source_tag,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  return arango_check_argument (collection, skip >= 0, source_tag, callback, user_data,
                                _("The number of documents to skip must not be negative")) &&
         arango_check_argument (collection, limit >= -1, source_tag, callback, user_data,
                                _("The limit must be a number of documents, or -1 for none"));
}
