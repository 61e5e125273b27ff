/* arango-database-views.c: arangosearch and search-alias views, and
 * analyzers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-database-call-private.h"
#include "arango-database-private.h"
#include "arango-database-views.h"
#include "arango-error.h"
#include "arango-sync-private.h"

static JsonObject *
view_body (const char *name,
           const char *view_type,
           JsonObject *properties)
{
  JsonObject *body = json_object_new ();
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  json_object_set_string_member (body, "name", name);
  json_object_set_string_member (body, "type", view_type);
  if (properties != NULL)
    {
      json_object_iter_init (&iter, properties);
      while (json_object_iter_next (&iter, &member, &value))
        if (!g_str_equal (member, "name") && !g_str_equal (member, "type"))
          json_object_set_member (body, member, json_node_copy (value));
    }
  return body;
}

static JsonObject *
analyzer_body (const char         *name,
               const char         *analyzer_type,
               JsonObject         *properties,
               const char * const *features)
{
  JsonObject *body = json_object_new ();
  JsonArray *array = json_array_new ();

  json_object_set_string_member (body, "name", name);
  json_object_set_string_member (body, "type", analyzer_type);
  json_object_set_object_member (body, "properties",
                                 properties != NULL ? json_object_ref (properties) : json_object_new ());
  for (; features != NULL && *features != NULL; features++)
    json_array_add_string_element (array, *features);
  json_object_set_array_member (body, "features", array);
  return body;
}

/**
 * arango_database_views_async:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Lists the views of the database (`GET /_api/view`).
 */
void
arango_database_views_async (ArangoDatabase      *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  arango_database_call (self, SOUP_METHOD_GET, NULL,
                        arango_reply_array_member, "result",
                        arango_database_views_async, cancellable, callback, user_data,
                        "/_api/view", NULL);
}

/**
 * arango_database_views_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_views_async().
 *
 * Returns: (transfer full): the views, each with `name`, `id`,
 *   `type` and `globallyUniqueId`; %NULL with an error
 */
JsonArray *
arango_database_views_finish (ArangoDatabase  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_views_async, error);
}

/**
 * arango_database_views_sync:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_views_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: (transfer full): the views, each with `name`, `id`,
 *   `type` and `globallyUniqueId`; %NULL with an error
 */
JsonArray *
arango_database_views_sync (ArangoDatabase  *self,
                            GCancellable    *cancellable,
                            GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_views_async (self, cancellable, arango_sync_call_done, call);
  return arango_database_views_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_view_async:
 * @self: an #ArangoDatabase
 * @name: the view's name (or id)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Reads a view's properties (`GET /_api/view/{view}/properties`).
 */
void
arango_database_view_async (ArangoDatabase      *self,
                            const char          *name,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!arango_check_text (self, name, N_("The view name is empty"),
                          arango_database_view_async, callback, user_data))
    return;

  arango_database_call (self, SOUP_METHOD_GET, NULL,
                        arango_reply_object, NULL,
                        arango_database_view_async, cancellable, callback, user_data,
                        "/_api/view", name, "properties", NULL);
}

/**
 * arango_database_view_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_view_async().
 *
 * Returns: (transfer full): `name`, `id`, `type` and the properties of
 *   the view's type (`links` and settings of an `arangosearch` view,
 *   `indexes` of a `search-alias` view); %NULL with an error such as
 *   %ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND
 */
JsonObject *
arango_database_view_finish (ArangoDatabase  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_view_async, error);
}

/**
 * arango_database_view_sync:
 * @self: an #ArangoDatabase
 * @name: the view's name (or id)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_view_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: (transfer full): `name`, `id`, `type` and the properties of
 *   the view's type (`links` and settings of an `arangosearch` view,
 *   `indexes` of a `search-alias` view); %NULL with an error such as
 *   %ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND
 */
JsonObject *
arango_database_view_sync (ArangoDatabase  *self,
                           const char      *name,
                           GCancellable    *cancellable,
                           GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_view_async (self, name, cancellable, arango_sync_call_done, call);
  return arango_database_view_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_create_view_async:
 * @self: an #ArangoDatabase
 * @name: the new view's name
 * @view_type: `arangosearch` or `search-alias`
 * @properties: (nullable): the view's properties as ArangoDB names them,
  e.g. `links` or `indexes`
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Creates a view (`POST /_api/view`).
 */
void
arango_database_create_view_async (ArangoDatabase      *self,
                                   const char          *name,
                                   const char          *view_type,
                                   JsonObject          *properties,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!arango_check_text (self, name, N_("The view name is empty"),
                          arango_database_create_view_async, callback, user_data))
    return;
  if (!arango_check_text (self, view_type, N_("The view type is empty"),
                          arango_database_create_view_async, callback, user_data))
    return;

  arango_database_call (self, SOUP_METHOD_POST, view_body (name, view_type, properties),
                        arango_reply_body_object, NULL,
                        arango_database_create_view_async, cancellable, callback, user_data,
                        "/_api/view", NULL);
}

/**
 * arango_database_create_view_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_create_view_async().
 *
 * Returns: (transfer full): the new view's definition; %NULL with an
 *   error such as %ARANGO_SERVER_ERROR_DUPLICATE_NAME
 */
JsonObject *
arango_database_create_view_finish (ArangoDatabase  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_create_view_async, error);
}

/**
 * arango_database_create_view_sync:
 * @self: an #ArangoDatabase
 * @name: the new view's name
 * @view_type: `arangosearch` or `search-alias`
 * @properties: (nullable): the view's properties as ArangoDB names them,
  e.g. `links` or `indexes`
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_create_view_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: (transfer full): the new view's definition; %NULL with an
 *   error such as %ARANGO_SERVER_ERROR_DUPLICATE_NAME
 */
JsonObject *
arango_database_create_view_sync (ArangoDatabase  *self,
                                  const char      *name,
                                  const char      *view_type,
                                  JsonObject      *properties,
                                  GCancellable    *cancellable,
                                  GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_create_view_async (self, name, view_type, properties, cancellable, arango_sync_call_done, call);
  return arango_database_create_view_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_create_search_alias_view_async:
 * @self: an #ArangoDatabase
 * @name: the new view's name
 * @properties: (nullable): its properties, e.g. `indexes`: an array of
  `{"collection", "index"}` naming inverted indexes
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Creates a `search-alias` view (`POST /_api/view`).
 */
void
arango_database_create_search_alias_view_async (ArangoDatabase      *self,
                                                const char          *name,
                                                JsonObject          *properties,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!arango_check_text (self, name, N_("The view name is empty"),
                          arango_database_create_search_alias_view_async, callback, user_data))
    return;

  arango_database_call (self, SOUP_METHOD_POST, view_body (name, "search-alias", properties),
                        arango_reply_body_object, NULL,
                        arango_database_create_search_alias_view_async, cancellable, callback, user_data,
                        "/_api/view", NULL);
}

/**
 * arango_database_create_search_alias_view_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_create_search_alias_view_async().
 *
 * Returns: (transfer full): the new view's definition; %NULL with an
 *   error
 */
JsonObject *
arango_database_create_search_alias_view_finish (ArangoDatabase  *self,
                                                 GAsyncResult    *result,
                                                 GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_create_search_alias_view_async, error);
}

/**
 * arango_database_create_search_alias_view_sync:
 * @self: an #ArangoDatabase
 * @name: the new view's name
 * @properties: (nullable): its properties, e.g. `indexes`: an array of
  `{"collection", "index"}` naming inverted indexes
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_create_search_alias_view_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: (transfer full): the new view's definition; %NULL with an
 *   error
 */
JsonObject *
arango_database_create_search_alias_view_sync (ArangoDatabase  *self,
                                               const char      *name,
                                               JsonObject      *properties,
                                               GCancellable    *cancellable,
                                               GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_create_search_alias_view_async (self, name, properties, cancellable, arango_sync_call_done, call);
  return arango_database_create_search_alias_view_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_update_view_async:
 * @self: an #ArangoDatabase
 * @name: the view's name (or id)
 * @properties: the properties to change; a link set to `null` is
  removed
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Changes some properties of a view
 * (`PATCH /_api/view/{view}/properties`).
 */
void
arango_database_update_view_async (ArangoDatabase      *self,
                                   const char          *name,
                                   JsonObject          *properties,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!arango_check_text (self, name, N_("The view name is empty"),
                          arango_database_update_view_async, callback, user_data))
    return;

  arango_database_call (self, "PATCH", properties != NULL ? json_object_ref (properties) : json_object_new (),
                        arango_reply_body_object, NULL,
                        arango_database_update_view_async, cancellable, callback, user_data,
                        "/_api/view", name, "properties", NULL);
}

/**
 * arango_database_update_view_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_update_view_async().
 *
 * Returns: (transfer full): the view's definition now; %NULL with an
 *   error
 */
JsonObject *
arango_database_update_view_finish (ArangoDatabase  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_update_view_async, error);
}

/**
 * arango_database_update_view_sync:
 * @self: an #ArangoDatabase
 * @name: the view's name (or id)
 * @properties: the properties to change; a link set to `null` is
  removed
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_update_view_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: (transfer full): the view's definition now; %NULL with an
 *   error
 */
JsonObject *
arango_database_update_view_sync (ArangoDatabase  *self,
                                  const char      *name,
                                  JsonObject      *properties,
                                  GCancellable    *cancellable,
                                  GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_update_view_async (self, name, properties, cancellable, arango_sync_call_done, call);
  return arango_database_update_view_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_replace_view_async:
 * @self: an #ArangoDatabase
 * @name: the view's name (or id)
 * @properties: the new properties; those left out return to their
  defaults
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Replaces the changeable properties of a view
 * (`PUT /_api/view/{view}/properties`).
 */
void
arango_database_replace_view_async (ArangoDatabase      *self,
                                    const char          *name,
                                    JsonObject          *properties,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!arango_check_text (self, name, N_("The view name is empty"),
                          arango_database_replace_view_async, callback, user_data))
    return;

  arango_database_call (self, SOUP_METHOD_PUT, properties != NULL ? json_object_ref (properties) : json_object_new (),
                        arango_reply_body_object, NULL,
                        arango_database_replace_view_async, cancellable, callback, user_data,
                        "/_api/view", name, "properties", NULL);
}

/**
 * arango_database_replace_view_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_replace_view_async().
 *
 * Returns: (transfer full): the view's definition now; %NULL with an
 *   error
 */
JsonObject *
arango_database_replace_view_finish (ArangoDatabase  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_replace_view_async, error);
}

/**
 * arango_database_replace_view_sync:
 * @self: an #ArangoDatabase
 * @name: the view's name (or id)
 * @properties: the new properties; those left out return to their
  defaults
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_replace_view_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: (transfer full): the view's definition now; %NULL with an
 *   error
 */
JsonObject *
arango_database_replace_view_sync (ArangoDatabase  *self,
                                   const char      *name,
                                   JsonObject      *properties,
                                   GCancellable    *cancellable,
                                   GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_replace_view_async (self, name, properties, cancellable, arango_sync_call_done, call);
  return arango_database_replace_view_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_rename_view_async:
 * @self: an #ArangoDatabase
 * @name: the view's name (or id)
 * @new_name: the view's new name
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Renames a view (`PUT /_api/view/{view}/rename`; single servers only).
 */
void
arango_database_rename_view_async (ArangoDatabase      *self,
                                   const char          *name,
                                   const char          *new_name,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  JsonObject *body;

  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!arango_check_text (self, name, N_("The view name is empty"),
                          arango_database_rename_view_async, callback, user_data))
    return;
  if (!arango_check_text (self, new_name, N_("The view name is empty"),
                          arango_database_rename_view_async, callback, user_data))
    return;

  body = json_object_new ();
  json_object_set_string_member (body, "name", new_name);
  arango_database_call (self, SOUP_METHOD_PUT, body,
                        arango_reply_true, NULL,
                        arango_database_rename_view_async, cancellable, callback, user_data,
                        "/_api/view", name, "rename", NULL);
}

/**
 * arango_database_rename_view_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_rename_view_async().
 *
 * Returns: %TRUE, or %FALSE with an error
 */
gboolean
arango_database_rename_view_finish (ArangoDatabase  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  return arango_call_finish_boolean (self, result, arango_database_rename_view_async, error);
}

/**
 * arango_database_rename_view_sync:
 * @self: an #ArangoDatabase
 * @name: the view's name (or id)
 * @new_name: the view's new name
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_rename_view_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: %TRUE, or %FALSE with an error
 */
gboolean
arango_database_rename_view_sync (ArangoDatabase  *self,
                                  const char      *name,
                                  const char      *new_name,
                                  GCancellable    *cancellable,
                                  GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);

  call = arango_sync_call_begin ();
  arango_database_rename_view_async (self, name, new_name, cancellable, arango_sync_call_done, call);
  return arango_database_rename_view_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_delete_view_async:
 * @self: an #ArangoDatabase
 * @name: the view's name (or id)
 * @ignore_missing: whether a view that does not exist is no error
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Deletes a view (`DELETE /_api/view/{view}`).
 */
void
arango_database_delete_view_async (ArangoDatabase      *self,
                                   const char          *name,
                                   gboolean             ignore_missing,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!arango_check_text (self, name, N_("The view name is empty"),
                          arango_database_delete_view_async, callback, user_data))
    return;

  arango_database_call (self, SOUP_METHOD_DELETE, NULL,
                        arango_delete_reply (ignore_missing), arango_delete_reply_data (ignore_missing, ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND),
                        arango_database_delete_view_async, cancellable, callback, user_data,
                        "/_api/view", name, NULL);
}

/**
 * arango_database_delete_view_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_delete_view_async().
 *
 * Returns: %TRUE if the view was deleted; %FALSE if it did not exist
 *   (with @ignore_missing), or with an error such as
 *   %ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND
 */
gboolean
arango_database_delete_view_finish (ArangoDatabase  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  return arango_call_finish_boolean (self, result, arango_database_delete_view_async, error);
}

/**
 * arango_database_delete_view_sync:
 * @self: an #ArangoDatabase
 * @name: the view's name (or id)
 * @ignore_missing: whether a view that does not exist is no error
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_delete_view_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: %TRUE if the view was deleted; %FALSE if it did not exist
 *   (with @ignore_missing), or with an error such as
 *   %ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND
 */
gboolean
arango_database_delete_view_sync (ArangoDatabase  *self,
                                  const char      *name,
                                  gboolean         ignore_missing,
                                  GCancellable    *cancellable,
                                  GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);

  call = arango_sync_call_begin ();
  arango_database_delete_view_async (self, name, ignore_missing, cancellable, arango_sync_call_done, call);
  return arango_database_delete_view_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_analyzers_async:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Lists the analyzers this database can use (`GET /_api/analyzer`): the
 * built-in ones, its own and those of `_system`.
 */
void
arango_database_analyzers_async (ArangoDatabase      *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  arango_database_call (self, SOUP_METHOD_GET, NULL,
                        arango_reply_array_member, "result",
                        arango_database_analyzers_async, cancellable, callback, user_data,
                        "/_api/analyzer", NULL);
}

/**
 * arango_database_analyzers_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_analyzers_async().
 *
 * Returns: (transfer full): the analyzers, each with `name`, `type`,
 *   `properties` and `features`; %NULL with an error
 */
JsonArray *
arango_database_analyzers_finish (ArangoDatabase  *self,
                                  GAsyncResult    *result,
                                  GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_analyzers_async, error);
}

/**
 * arango_database_analyzers_sync:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_analyzers_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: (transfer full): the analyzers, each with `name`, `type`,
 *   `properties` and `features`; %NULL with an error
 */
JsonArray *
arango_database_analyzers_sync (ArangoDatabase  *self,
                                GCancellable    *cancellable,
                                GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_analyzers_async (self, cancellable, arango_sync_call_done, call);
  return arango_database_analyzers_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_analyzer_async:
 * @self: an #ArangoDatabase
 * @name: the analyzer's name, bare (`text_en`, or one of this
  database) or with its database (`_system::mine`)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Reads an analyzer's definition (`GET /_api/analyzer/{name}`).
 */
void
arango_database_analyzer_async (ArangoDatabase      *self,
                                const char          *name,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!arango_check_text (self, name, N_("The analyzer name is empty"),
                          arango_database_analyzer_async, callback, user_data))
    return;

  arango_database_call (self, SOUP_METHOD_GET, NULL,
                        arango_reply_object, NULL,
                        arango_database_analyzer_async, cancellable, callback, user_data,
                        "/_api/analyzer", name, NULL);
}

/**
 * arango_database_analyzer_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_analyzer_async().
 *
 * Returns: (transfer full): `name`, `type`, `properties` and
 *   `features`; %NULL with an error such as
 *   %ARANGO_SERVER_ERROR_DOCUMENT_NOT_FOUND
 */
JsonObject *
arango_database_analyzer_finish (ArangoDatabase  *self,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_analyzer_async, error);
}

/**
 * arango_database_analyzer_sync:
 * @self: an #ArangoDatabase
 * @name: the analyzer's name, bare (`text_en`, or one of this
  database) or with its database (`_system::mine`)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_analyzer_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: (transfer full): `name`, `type`, `properties` and
 *   `features`; %NULL with an error such as
 *   %ARANGO_SERVER_ERROR_DOCUMENT_NOT_FOUND
 */
JsonObject *
arango_database_analyzer_sync (ArangoDatabase  *self,
                               const char      *name,
                               GCancellable    *cancellable,
                               GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_analyzer_async (self, name, cancellable, arango_sync_call_done, call);
  return arango_database_analyzer_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_create_analyzer_async:
 * @self: an #ArangoDatabase
 * @name: the new analyzer's name
 * @analyzer_type: its type, e.g. `identity`, `text`, `norm`, `ngram`
 * @properties: (nullable): the settings of its type, e.g.
  `{"locale": "en", "case": "lower"}`
 * @features: (nullable) (array zero-terminated=1): what it
  records: `frequency`, `norm`, `position`, `offset`
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Creates an analyzer in this database (`POST /_api/analyzer`).
 * Creating one again with the same definition is no error.
 */
void
arango_database_create_analyzer_async (ArangoDatabase      *self,
                                       const char          *name,
                                       const char          *analyzer_type,
                                       JsonObject          *properties,
                                       const char * const  *features,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!arango_check_text (self, name, N_("The analyzer name is empty"),
                          arango_database_create_analyzer_async, callback, user_data))
    return;
  if (!arango_check_text (self, analyzer_type, N_("The analyzer type is empty"),
                          arango_database_create_analyzer_async, callback, user_data))
    return;

  arango_database_call (self, SOUP_METHOD_POST, analyzer_body (name, analyzer_type, properties, features),
                        arango_reply_body_object, NULL,
                        arango_database_create_analyzer_async, cancellable, callback, user_data,
                        "/_api/analyzer", NULL);
}

/**
 * arango_database_create_analyzer_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_create_analyzer_async().
 *
 * Returns: (transfer full): the analyzer's definition, its name with
 *   the database prefix (`mydb::name`); %NULL with an error such as
 *   %ARANGO_SERVER_ERROR_BAD_PARAMETER
 */
JsonObject *
arango_database_create_analyzer_finish (ArangoDatabase  *self,
                                        GAsyncResult    *result,
                                        GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_create_analyzer_async, error);
}

/**
 * arango_database_create_analyzer_sync:
 * @self: an #ArangoDatabase
 * @name: the new analyzer's name
 * @analyzer_type: its type, e.g. `identity`, `text`, `norm`, `ngram`
 * @properties: (nullable): the settings of its type, e.g.
  `{"locale": "en", "case": "lower"}`
 * @features: (nullable) (array zero-terminated=1): what it
  records: `frequency`, `norm`, `position`, `offset`
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_create_analyzer_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: (transfer full): the analyzer's definition, its name with
 *   the database prefix (`mydb::name`); %NULL with an error such as
 *   %ARANGO_SERVER_ERROR_BAD_PARAMETER
 */
JsonObject *
arango_database_create_analyzer_sync (ArangoDatabase      *self,
                                      const char          *name,
                                      const char          *analyzer_type,
                                      JsonObject          *properties,
                                      const char * const  *features,
                                      GCancellable        *cancellable,
                                      GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_create_analyzer_async (self, name, analyzer_type, properties, features, cancellable, arango_sync_call_done, call);
  return arango_database_create_analyzer_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_delete_analyzer_async:
 * @self: an #ArangoDatabase
 * @name: the analyzer's name, bare (`text_en`, or one of this
  database) or with its database (`_system::mine`)
 * @force: whether to delete it even while views use it
 * @ignore_missing: whether an analyzer that does not exist is no error
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Deletes an analyzer of this database (`DELETE /_api/analyzer/{name}`).
 */
void
arango_database_delete_analyzer_async (ArangoDatabase      *self,
                                       const char          *name,
                                       gboolean             force,
                                       gboolean             ignore_missing,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  ArangoRequest *request;

  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!arango_check_text (self, name, N_("The analyzer name is empty"),
                          arango_database_delete_analyzer_async, callback, user_data))
    return;

  request = arango_context_request (arango_database_get_context (self), SOUP_METHOD_DELETE,
                                    "/_api/analyzer", name, NULL);
  if (force)
    arango_request_add_query (request, "force", "true");
  arango_context_call (arango_database_get_context (self), self, request,
                       arango_delete_reply (ignore_missing),
                       arango_delete_reply_data (ignore_missing, ARANGO_SERVER_ERROR_DOCUMENT_NOT_FOUND),
                       arango_database_delete_analyzer_async, cancellable, callback, user_data);
}

/**
 * arango_database_delete_analyzer_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_delete_analyzer_async().
 *
 * Returns: %TRUE if it was deleted; %FALSE if it did not exist (with
 *   @ignore_missing), or with an error such as
 *   %ARANGO_SERVER_ERROR_CONFLICT while a view uses it
 */
gboolean
arango_database_delete_analyzer_finish (ArangoDatabase  *self,
                                        GAsyncResult    *result,
                                        GError         **error)
{
  return arango_call_finish_boolean (self, result, arango_database_delete_analyzer_async, error);
}

/**
 * arango_database_delete_analyzer_sync:
 * @self: an #ArangoDatabase
 * @name: the analyzer's name, bare (`text_en`, or one of this
  database) or with its database (`_system::mine`)
 * @force: whether to delete it even while views use it
 * @ignore_missing: whether an analyzer that does not exist is no error
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_delete_analyzer_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: %TRUE if it was deleted; %FALSE if it did not exist (with
 *   @ignore_missing), or with an error such as
 *   %ARANGO_SERVER_ERROR_CONFLICT while a view uses it
 */
gboolean
arango_database_delete_analyzer_sync (ArangoDatabase  *self,
                                      const char      *name,
                                      gboolean         force,
                                      gboolean         ignore_missing,
                                      GCancellable    *cancellable,
                                      GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);

  call = arango_sync_call_begin ();
  arango_database_delete_analyzer_async (self, name, force, ignore_missing, cancellable, arango_sync_call_done, call);
  return arango_database_delete_analyzer_finish (self, arango_sync_call_wait (call), error);
}
