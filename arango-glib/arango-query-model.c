/* arango-query-model.c: the results of an AQL query as a GListModel
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "arango-cursor.h"
#include "arango-database.h"
#include "arango-document-object.h"
#include "arango-query-model.h"
#include "arango-query-options.h"

/**
 * ArangoQueryModel:
 *
 * The results of an AQL query as a [iface@Gio.ListModel] of
 * [class@Document] items, filled batch by batch: a GTK application hands
 * it to a list view as it is, and the view shows each batch as it arrives.
 *
 * Nothing is sent until [method@QueryModel.load]. Then the model runs the
 * query and fetches one batch after the other from its cursor, on the
 * thread-default main context of the thread that called load (so that
 * thread needs a running main loop). Each batch appends its results and
 * emits [signal@Gio.ListModel::items-changed] once, with the position of
 * the first new item, 0 removed and the batch's length added.
 * [property@QueryModel:loading] is %TRUE from load until the last batch,
 * an error or a cancellation; an error stops the loading and is kept in
 * [property@QueryModel:error], next to the results loaded before it.
 *
 * ```c
 * g_autoptr(ArangoQueryModel) model =
 *   arango_query_model_new (database, "FOR u IN users SORT u.name RETURN u", NULL, NULL);
 *
 * g_signal_connect (model, "notify::loading", G_CALLBACK (on_loading_changed), NULL);
 * arango_query_model_load (model);
 * // GTK: gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (model)), factory)
 * ```
 *
 * The size of a batch is [property@QueryOptions:batch-size]. Every result
 * becomes one document, whatever its JSON type: `RETURN u.name` gives
 * documents holding strings, without key, id or revision.
 *
 * [method@QueryModel.cancel] stops the loading; dropping the last
 * reference to the model does too, and deletes the cursor on the server
 * when results were left.
 */

/* One run of the query. The call in flight owns it, so that a model
 * disposed, cancelled or reloaded meanwhile only has to let go of it. */
typedef struct
{
  GWeakRef model;
  GCancellable *cancellable;
  ArangoCursor *cursor;
} Fetch;

struct _ArangoQueryModel
{
  GObject parent_instance;

  ArangoDatabase *database;
  char *query;
  JsonObject *bind_vars;
  ArangoQueryOptions *options;

  GPtrArray *items;          /* of ArangoDocument */
  Fetch *fetch;              /* the run under way, or NULL */
  GError *error;
};

static void arango_query_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ArangoQueryModel, arango_query_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      arango_query_model_list_model_init))

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_QUERY,
  PROP_BIND_VARS,
  PROP_OPTIONS,
  PROP_LOADING,
  PROP_ERROR,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static Fetch *
fetch_new (ArangoQueryModel *model)
{
  Fetch *fetch = g_new0 (Fetch, 1);

  g_weak_ref_init (&fetch->model, model);
  fetch->cancellable = g_cancellable_new ();
  return fetch;
}

/* Dropping the cursor deletes it on the server if it still holds results. */
static void
fetch_free (Fetch *fetch)
{
  g_weak_ref_clear (&fetch->model);
  g_clear_object (&fetch->cancellable);
  g_clear_object (&fetch->cursor);
  g_free (fetch);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fetch, fetch_free)

/* Returns (transfer full) (nullable): the model, if it still waits for
 * this run. */
static ArangoQueryModel *
fetch_get_model (Fetch *fetch)
{
  ArangoQueryModel *model = g_weak_ref_get (&fetch->model);

  if (model != NULL && model->fetch != fetch)
    g_clear_object (&model);
  return model;
}

/* Lets go of the run under way; its call in flight frees it. */
static void
stop_fetch (ArangoQueryModel *self)
{
  if (self->fetch == NULL)
    return;

  g_cancellable_cancel (self->fetch->cancellable);
  self->fetch = NULL;
}

static void
finish_loading (ArangoQueryModel *self,
                GError           *error)
{
  self->fetch = NULL;
  g_clear_error (&self->error);
  self->error = error;

  g_object_freeze_notify (G_OBJECT (self));
  if (error != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
append_batch (ArangoQueryModel *self,
              JsonArray        *batch)
{
  guint position = self->items->len;
  guint n_added = json_array_get_length (batch);

  if (n_added == 0)
    return;

  for (guint i = 0; i < n_added; i++)
    {
      JsonNode *result = json_array_get_element (batch, i);

      /* The results outlive the batch: no parent pointer to dangle */
      json_node_set_parent (result, NULL);
      g_ptr_array_add (self->items, arango_document_new (result));
    }

  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, n_added);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void on_batch (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data);

/* Takes the run: the call in flight owns it. */
static void
fetch_next_batch (Fetch *fetch)
{
  arango_cursor_next_batch_async (fetch->cursor, fetch->cancellable, on_batch, fetch);
}

static void
on_batch (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Fetch) fetch = user_data;
  g_autoptr(ArangoQueryModel) self = fetch_get_model (fetch);
  g_autoptr(JsonArray) batch = NULL;
  GError *error = NULL;

  batch = arango_cursor_next_batch_finish (ARANGO_CURSOR (source), result, &error);
  if (self == NULL)
    {
      g_clear_error (&error);
      return;
    }
  if (batch == NULL)
    {
      finish_loading (self, error);
      return;
    }

  append_batch (self, batch);

  /* A handler of items-changed may have cancelled or reloaded */
  if (self->fetch != fetch)
    return;
  fetch_next_batch (g_steal_pointer (&fetch));
}

static void
on_query (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Fetch) fetch = user_data;
  g_autoptr(ArangoQueryModel) self = fetch_get_model (fetch);
  GError *error = NULL;

  fetch->cursor = arango_database_query_finish (ARANGO_DATABASE (source), result, &error);
  if (self == NULL)
    {
      g_clear_error (&error);
      return;
    }
  if (fetch->cursor == NULL)
    {
      finish_loading (self, error);
      return;
    }

  fetch_next_batch (g_steal_pointer (&fetch));
}

static GType
arango_query_model_get_item_type (GListModel *model)
{
  return ARANGO_TYPE_DOCUMENT;
}

static guint
arango_query_model_get_n_items (GListModel *model)
{
  return ARANGO_QUERY_MODEL (model)->items->len;
}

static gpointer
arango_query_model_get_item (GListModel *model,
                             guint       position)
{
  ArangoQueryModel *self = ARANGO_QUERY_MODEL (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
arango_query_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = arango_query_model_get_item_type;
  iface->get_n_items = arango_query_model_get_n_items;
  iface->get_item = arango_query_model_get_item;
}

static void
arango_query_model_dispose (GObject *object)
{
  ArangoQueryModel *self = ARANGO_QUERY_MODEL (object);

  stop_fetch (self);
  g_ptr_array_set_size (self->items, 0);
  g_clear_object (&self->database);
  g_clear_object (&self->options);

  G_OBJECT_CLASS (arango_query_model_parent_class)->dispose (object);
}

static void
arango_query_model_finalize (GObject *object)
{
  ArangoQueryModel *self = ARANGO_QUERY_MODEL (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->bind_vars, json_object_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (arango_query_model_parent_class)->finalize (object);
}

static void
arango_query_model_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ArangoQueryModel *self = ARANGO_QUERY_MODEL (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;
    case PROP_BIND_VARS:
      g_value_set_boxed (value, self->bind_vars);
      break;
    case PROP_OPTIONS:
      g_value_set_object (value, self->options);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->fetch != NULL);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, ARANGO_TYPE_DOCUMENT);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
arango_query_model_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ArangoQueryModel *self = ARANGO_QUERY_MODEL (object);
  JsonObject *bind_vars;

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;
    case PROP_QUERY:
      self->query = g_value_dup_string (value);
      break;
    case PROP_BIND_VARS:
      bind_vars = g_value_get_boxed (value);
      self->bind_vars = bind_vars != NULL ? json_object_ref (bind_vars) : NULL;
      break;
    case PROP_OPTIONS:
      self->options = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
arango_query_model_class_init (ArangoQueryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = arango_query_model_dispose;
  object_class->finalize = arango_query_model_finalize;
  object_class->get_property = arango_query_model_get_property;
  object_class->set_property = arango_query_model_set_property;

  /**
   * ArangoQueryModel:database: (getter get_database)
   *
   * The database the query runs in.
   */
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, ARANGO_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoQueryModel:query: (getter get_query)
   *
   * The AQL query.
   */
  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoQueryModel:bind-vars:
   *
   * Values for the query's bind parameters, or %NULL.
   */
  properties[PROP_BIND_VARS] =
    g_param_spec_boxed ("bind-vars", NULL, NULL, JSON_TYPE_OBJECT,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoQueryModel:options:
   *
   * The query options, such as the batch size, or %NULL for the server's
   * defaults.
   */
  properties[PROP_OPTIONS] =
    g_param_spec_object ("options", NULL, NULL, ARANGO_TYPE_QUERY_OPTIONS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoQueryModel:loading: (getter get_loading)
   *
   * Whether results are still being fetched.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoQueryModel:error: (getter get_error)
   *
   * The error that stopped the loading, %G_IO_ERROR_CANCELLED after
   * [method@QueryModel.cancel], or %NULL.
   */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoQueryModel:item-type:
   *
   * The type of the items: always #ArangoDocument.
   */
  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, ARANGO_TYPE_DOCUMENT,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoQueryModel:n-items:
   *
   * The number of results loaded so far.
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
arango_query_model_init (ArangoQueryModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * arango_query_model_new:
 * @database: the database to query
 * @aql: the AQL query
 * @bind_vars: (nullable): values for the query's bind parameters
 * @options: (nullable): query options, e.g. the batch size
 *
 * Makes a model of the results of @aql. It stays empty until
 * arango_query_model_load().
 *
 * Returns: (transfer full): a new #ArangoQueryModel
 */
ArangoQueryModel *
arango_query_model_new (ArangoDatabase     *database,
                        const char         *aql,
                        JsonObject         *bind_vars,
                        ArangoQueryOptions *options)
{
  g_return_val_if_fail (ARANGO_IS_DATABASE (database), NULL);
  g_return_val_if_fail (aql != NULL, NULL);
  g_return_val_if_fail (options == NULL || ARANGO_IS_QUERY_OPTIONS (options), NULL);

  return g_object_new (ARANGO_TYPE_QUERY_MODEL,
                       "database", database,
                       "query", aql,
                       "bind-vars", bind_vars,
                       "options", options,
                       NULL);
}

/**
 * arango_query_model_get_database:
 * @self: an #ArangoQueryModel
 *
 * Gets the database the query runs in.
 *
 * Returns: (transfer none): the database
 */
ArangoDatabase *
arango_query_model_get_database (ArangoQueryModel *self)
{
  g_return_val_if_fail (ARANGO_IS_QUERY_MODEL (self), NULL);

  return self->database;
}

/**
 * arango_query_model_get_query:
 * @self: an #ArangoQueryModel
 *
 * Gets the AQL query.
 *
 * Returns: the query
 */
const char *
arango_query_model_get_query (ArangoQueryModel *self)
{
  g_return_val_if_fail (ARANGO_IS_QUERY_MODEL (self), NULL);

  return self->query;
}

/**
 * arango_query_model_get_loading:
 * @self: an #ArangoQueryModel
 *
 * Tells whether results are still being fetched.
 *
 * Returns: %TRUE from arango_query_model_load() until the last batch, an
 *   error or a cancellation
 */
gboolean
arango_query_model_get_loading (ArangoQueryModel *self)
{
  g_return_val_if_fail (ARANGO_IS_QUERY_MODEL (self), FALSE);

  return self->fetch != NULL;
}

/**
 * arango_query_model_get_error:
 * @self: an #ArangoQueryModel
 *
 * Gets the error that stopped the loading: a server error such as
 * %ARANGO_SERVER_ERROR_QUERY_PARSE, a connection error, or
 * %G_IO_ERROR_CANCELLED after arango_query_model_cancel().
 *
 * Returns: (transfer none) (nullable): the error, or %NULL
 */
const GError *
arango_query_model_get_error (ArangoQueryModel *self)
{
  g_return_val_if_fail (ARANGO_IS_QUERY_MODEL (self), NULL);

  return self->error;
}

/**
 * arango_query_model_load:
 * @self: an #ArangoQueryModel
 *
 * Runs the query and fetches its results, batch by batch, on the
 * thread-default main context of the calling thread. While the model is
 * loading this does nothing; after the last batch, an error or a
 * cancellation it loads again from the start: the old items are removed
 * (one [signal@Gio.ListModel::items-changed]) and the error is cleared.
 */
void
arango_query_model_load (ArangoQueryModel *self)
{
  guint n_removed;

  g_return_if_fail (ARANGO_IS_QUERY_MODEL (self));

  if (self->fetch != NULL)
    return;

  /* The run belongs to the call from here on, before any handler of the
   * signals below can cancel it or drop the model. */
  self->fetch = fetch_new (self);
  arango_database_query_async (self->database, self->query, self->bind_vars, self->options,
                               self->fetch->cancellable, on_query, self->fetch);

  g_object_ref (self);
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  if (self->error != NULL)
    {
      g_clear_error (&self->error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
    }
  n_removed = self->items->len;
  if (n_removed > 0)
    {
      g_ptr_array_set_size (self->items, 0);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, n_removed, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
  g_object_thaw_notify (G_OBJECT (self));
  g_object_unref (self);
}

/**
 * arango_query_model_cancel:
 * @self: an #ArangoQueryModel
 *
 * Stops the loading, if the model is loading: the items fetched so far
 * stay, [property@QueryModel:loading] becomes %FALSE and
 * [property@QueryModel:error] %G_IO_ERROR_CANCELLED. The cursor is deleted
 * on the server.
 */
void
arango_query_model_cancel (ArangoQueryModel *self)
{
  GError *error = NULL;
  GCancellable *cancellable;

  g_return_if_fail (ARANGO_IS_QUERY_MODEL (self));

  if (self->fetch == NULL)
    return;

  cancellable = self->fetch->cancellable;
  stop_fetch (self);
  g_cancellable_set_error_if_cancelled (cancellable, &error);
  finish_loading (self, error);
}
