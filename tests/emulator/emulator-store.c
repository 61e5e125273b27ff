/* emulator-store.c: stored documents, and what a request sees of them
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "emulator-store.h"
#include "emulator-wal.h"

struct _EmuOverlay {
  /* collection id -> (key -> EmuDocument, or NULL for a removal) */
  GHashTable *collections;
  /* collection id -> gint64: visible documents added minus removed */
  GHashTable *deltas;
};

/* Takes @body, a JSON object. */
EmuDocument *
emu_document_new (EmuState *state,
                  JsonNode *body)
{
  EmuDocument *document = g_new0 (EmuDocument, 1);

  document->ref_count = 1;
  document->body = body;
  document->sequence = ++state->write_sequence;

  return document;
}

EmuDocument *
emu_document_ref (EmuDocument *document)
{
  g_atomic_int_inc (&document->ref_count);
  return document;
}

void
emu_document_unref (EmuDocument *document)
{
  if (document == NULL || !g_atomic_int_dec_and_test (&document->ref_count))
    return;

  json_node_unref (document->body);
  g_free (document);
}

JsonObject *
emu_document_object (EmuDocument *document)
{
  return json_node_get_object (document->body);
}

const char *
emu_document_key (EmuDocument *document)
{
  return json_object_get_string_member (emu_document_object (document), "_key");
}

const char *
emu_document_rev (EmuDocument *document)
{
  return json_object_get_string_member (emu_document_object (document), "_rev");
}

static GHashTable *
new_document_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify) emu_document_unref);
}

EmuOverlay *
emu_overlay_new (void)
{
  EmuOverlay *overlay = g_new0 (EmuOverlay, 1);

  overlay->collections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) g_hash_table_unref);
  overlay->deltas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return overlay;
}

void
emu_overlay_free (EmuOverlay *overlay)
{
  if (overlay == NULL)
    return;

  g_hash_table_unref (overlay->collections);
  g_hash_table_unref (overlay->deltas);
  g_free (overlay);
}

gboolean
emu_overlay_is_empty (EmuOverlay *overlay)
{
  return g_hash_table_size (overlay->collections) == 0;
}

static GHashTable *
overlay_table (EmuOverlay    *overlay,
               EmuCollection *collection,
               gboolean       create)
{
  GHashTable *table = g_hash_table_lookup (overlay->collections, collection->id);

  if (table == NULL && create)
    {
      table = new_document_table ();
      g_hash_table_insert (overlay->collections, g_strdup (collection->id), table);
    }

  return table;
}

void
emu_view_init (EmuView     *view,
               EmuDatabase *database,
               EmuOverlay  *transaction,
               EmuOverlay  *query)
{
  view->database = database;
  view->layers[0] = transaction;
  view->layers[1] = query;
  view->budget = NULL;
}

gboolean
emu_view_charge (EmuView     *view,
                 const char  *key,
                 EmuDocument *document)
{
  gsize size;

  if (view->budget == NULL || view->budget->limit == G_MAXUINT64)
    return TRUE;

  if (document != NULL)
    {
      g_autofree char *text = json_to_string (document->body, FALSE);

      size = strlen (text);
    }
  else
    {
      size = strlen (key);
    }
  if (size > view->budget->limit - view->budget->used)
    return FALSE;
  view->budget->used += size;
  return TRUE;
}

/* Borrowed; NULL when the key is unknown or removed. */
EmuDocument *
emu_view_lookup (EmuView       *view,
                 EmuCollection *collection,
                 const char    *key)
{
  int i;

  for (i = G_N_ELEMENTS (view->layers) - 1; i >= 0; i--)
    {
      GHashTable *table;
      gpointer document;

      if (view->layers[i] == NULL)
        continue;
      table = overlay_table (view->layers[i], collection, FALSE);
      if (table != NULL && g_hash_table_lookup_extended (table, key, NULL, &document))
        return document;
    }

  return g_hash_table_lookup (collection->documents, key);
}

static int
compare_sequence (gconstpointer a,
                  gconstpointer b)
{
  const EmuDocument *first = *(EmuDocument * const *) a;
  const EmuDocument *second = *(EmuDocument * const *) b;

  return first->sequence < second->sequence ? -1 : first->sequence > second->sequence;
}

/* Every visible document, oldest write first (the order of a RocksDB
 * full scan); the array holds references. */
GPtrArray *
emu_view_scan (EmuView       *view,
               EmuCollection *collection)
{
  g_autoptr(GHashTable) visible = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *documents = g_ptr_array_new_with_free_func ((GDestroyNotify) emu_document_unref);
  GHashTableIter iter;
  gpointer key, document;
  guint i;

  g_hash_table_iter_init (&iter, collection->documents);
  while (g_hash_table_iter_next (&iter, &key, &document))
    g_hash_table_insert (visible, key, document);

  for (i = 0; i < G_N_ELEMENTS (view->layers); i++)
    {
      GHashTable *table;

      if (view->layers[i] == NULL ||
          (table = overlay_table (view->layers[i], collection, FALSE)) == NULL)
        continue;

      g_hash_table_iter_init (&iter, table);
      while (g_hash_table_iter_next (&iter, &key, &document))
        {
          if (document != NULL)
            g_hash_table_insert (visible, key, document);
          else
            g_hash_table_remove (visible, key);
        }
    }

  g_hash_table_iter_init (&iter, visible);
  while (g_hash_table_iter_next (&iter, NULL, &document))
    g_ptr_array_add (documents, emu_document_ref (document));
  g_ptr_array_sort (documents, compare_sequence);

  return documents;
}

static gint64 *
overlay_delta (EmuOverlay    *overlay,
               EmuCollection *collection)
{
  gint64 *delta = g_hash_table_lookup (overlay->deltas, collection->id);

  if (delta == NULL)
    {
      delta = g_new0 (gint64, 1);
      g_hash_table_insert (overlay->deltas, g_strdup (collection->id), delta);
    }
  return delta;
}

/* The committed count plus what each layer added or removed. */
guint
emu_view_count (EmuView       *view,
                EmuCollection *collection)
{
  gint64 count = g_hash_table_size (collection->documents);
  guint i;

  for (i = 0; i < G_N_ELEMENTS (view->layers); i++)
    if (view->layers[i] != NULL)
      count += *overlay_delta (view->layers[i], collection);

  return (guint) MAX (count, 0);
}

/* As the server's collection revision, the revision of the last committed
 * write, which a removal (or truncation) makes anew: any change shows.
 * A commit applies a transaction's writes in no order: the newest wins. */
static void
note_revision (EmuCollection *collection,
               char          *revision,
               guint64        sequence)
{
  if (sequence < collection->revision_sequence)
    {
      g_free (revision);
      return;
    }
  g_free (collection->revision);
  collection->revision = revision;
  collection->revision_sequence = sequence;
}

static void
note_removal (EmuState      *state,
              EmuCollection *collection)
{
  note_revision (collection, emu_state_new_rev (state), ++state->write_sequence);
}

/* Stores @document (a new reference is taken) under @key in the topmost
 * layer; NULL removes the key. */
void
emu_view_put (EmuView       *view,
              EmuCollection *collection,
              const char    *key,
              EmuDocument   *document)
{
  int i;

  for (i = G_N_ELEMENTS (view->layers) - 1; i >= 0; i--)
    if (view->layers[i] != NULL)
      {
        gboolean visible = emu_view_lookup (view, collection, key) != NULL;

        *overlay_delta (view->layers[i], collection) += (document != NULL) - visible;
        g_hash_table_replace (overlay_table (view->layers[i], collection, TRUE),
                              g_strdup (key),
                              document != NULL ? emu_document_ref (document) : NULL);
        return;
      }

  if (document != NULL)
    {
      g_hash_table_replace (collection->documents, g_strdup (key),
                            emu_document_ref (document));
      note_revision (collection, g_strdup (emu_document_rev (document)), document->sequence);
      emu_wal_log (view->database->state, EMU_WAL_DOCUMENT, view->database->name,
                   collection, document->body);
    }
  else
    {
      g_autoptr(EmuDocument) removed = NULL;
      g_autofree char *stored_key = NULL;
      g_autoptr(JsonNode) data = NULL;

      if (!g_hash_table_steal_extended (collection->documents, key,
                                        (gpointer *) &stored_key, (gpointer *) &removed))
        return;
      note_removal (view->database->state, collection);
      data = json_from_string ("{}", NULL);
      json_object_set_string_member (json_node_get_object (data), "_key", key);
      json_object_set_string_member (json_node_get_object (data), "_rev",
                                     emu_document_rev (removed));
      emu_wal_log (view->database->state, EMU_WAL_REMOVE, view->database->name,
                   collection, data);
    }
}

void
emu_view_truncate (EmuView       *view,
                   EmuCollection *collection)
{
  g_autoptr(GPtrArray) documents = NULL;
  guint i;

  if (view->layers[0] == NULL && view->layers[1] == NULL)
    {
      g_hash_table_remove_all (collection->documents);
      note_removal (view->database->state, collection);
      return;
    }

  documents = emu_view_scan (view, collection);
  for (i = 0; i < documents->len; i++)
    emu_view_put (view, collection,
                  emu_document_key (g_ptr_array_index (documents, i)), NULL);
}

/* Commits @overlay into @view: its writes become those of the layer
 * below. Writes to collections dropped meanwhile are lost. */
void
emu_view_apply (EmuView    *view,
                EmuOverlay *overlay)
{
  GHashTableIter collections;
  gpointer id, table;

  g_hash_table_iter_init (&collections, overlay->collections);
  while (g_hash_table_iter_next (&collections, &id, &table))
    {
      EmuCollection *collection = emu_database_find_collection (view->database, id);
      GHashTableIter documents;
      gpointer key, document;

      if (collection == NULL || !g_str_equal (collection->id, id))
        continue;

      g_hash_table_iter_init (&documents, table);
      while (g_hash_table_iter_next (&documents, &key, &document))
        emu_view_put (view, collection, key, document);
    }
}
