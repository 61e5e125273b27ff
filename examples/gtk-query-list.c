/* gtk-query-list.c: the results of an AQL query in a GTK 4 list view
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Usage: arango-gtk-query-list HOSTS AQL
 *
 * e.g. arango-gtk-query-list http://127.0.0.1:8529 'FOR u IN users RETURN u'
 *
 * An ArangoQueryModel is a GListModel, so the list view takes it as it is;
 * the rows appear batch by batch while a spinner shows the loading. The
 * main thread of a GUI must not block: everything here is _async.
 */

#include <arango-glib/arango-glib.h>
#include <gtk/gtk.h>

#define BATCH_SIZE 100

typedef struct
{
  const char *hosts;
  const char *aql;
  ArangoClient *client;
  GtkWidget *list_view;
  GtkWidget *spinner;
  GtkWidget *status;
} Demo;

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

/* A row shows the document's id, or the value when it has none */
static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  ArangoDocument *document = gtk_list_item_get_item (item);
  g_autofree char *json = arango_document_to_json (document);
  g_autofree char *text = NULL;

  if (arango_document_get_id (document) != NULL)
    text = g_strdup_printf ("%s  %s", arango_document_get_id (document), json);
  else
    text = g_steal_pointer (&json);
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
on_loading_changed (ArangoQueryModel *model,
                    GParamSpec       *pspec,
                    Demo             *demo)
{
  const GError *error = arango_query_model_get_error (model);
  g_autofree char *text = NULL;

  if (arango_query_model_get_loading (model))
    return;

  if (error != NULL)
    text = g_strdup_printf ("Stopped after %u results: %s",
                            g_list_model_get_n_items (G_LIST_MODEL (model)), error->message);
  else
    text = g_strdup_printf ("%u results", g_list_model_get_n_items (G_LIST_MODEL (model)));
  gtk_label_set_text (GTK_LABEL (demo->status), text);
}

static void
on_database (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Demo *demo = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoDatabase) database = NULL;
  g_autoptr(ArangoQueryOptions) options = NULL;
  g_autoptr(ArangoQueryModel) model = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;

  database = arango_client_db_finish (ARANGO_CLIENT (source), result, &error);
  if (database == NULL)
    {
      gtk_label_set_text (GTK_LABEL (demo->status), error->message);
      return;
    }

  options = arango_query_options_new ();
  arango_query_options_set_batch_size (options, BATCH_SIZE);
  model = arango_query_model_new (database, demo->aql, NULL, options);
  g_object_bind_property (model, "loading", demo->spinner, "spinning", G_BINDING_SYNC_CREATE);
  g_signal_connect (model, "notify::loading", G_CALLBACK (on_loading_changed), demo);

  arango_query_model_load (model);

  /* The selection model takes the query model; the list view its own
   * reference to the selection model */
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&model)));
  gtk_list_view_set_model (GTK_LIST_VIEW (demo->list_view), GTK_SELECTION_MODEL (selection));
}

static void
activate (GtkApplication *app,
          Demo           *demo)
{
  g_autoptr(GError) error = NULL;
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *window = gtk_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  demo->list_view = gtk_list_view_new (NULL, factory);
  demo->spinner = gtk_spinner_new ();
  demo->status = gtk_label_new ("Connecting…");

  gtk_box_append (GTK_BOX (header), demo->spinner);
  gtk_box_append (GTK_BOX (header), demo->status);
  gtk_box_append (GTK_BOX (box), header);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), demo->list_view);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);

  gtk_window_set_title (GTK_WINDOW (window), demo->aql);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));

  demo->client = arango_client_new (demo->hosts, &error);
  if (demo->client == NULL)
    {
      gtk_label_set_text (GTK_LABEL (demo->status), error->message);
      return;
    }
  arango_client_db_async (demo->client, "_system", NULL, NULL, NULL, on_database, demo);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = NULL;
  Demo demo = { 0 };
  int status;

  if (argc != 3)
    {
      g_printerr ("Usage: %s HOSTS AQL\n", argv[0]);
      return 2;
    }
  demo.hosts = argv[1];
  demo.aql = argv[2];

  app = gtk_application_new ("org.example.ArangoQueryList", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate), &demo);
  /* Our arguments are not files for GApplication */
  status = g_application_run (G_APPLICATION (app), 1, argv);
  g_clear_object (&demo.client);
  return status;
}
