/* emulator-aql-exec.c: running a parsed AQL query
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The statements run one after the other over all rows (a row holds one
 * value per variable), starting from one empty row. A query is one
 * transaction: its writes go to an overlay of their own and reach the
 * layer below (the stream transaction, or the committed state) only when
 * the whole query succeeded. Errors while executing read like the
 * server's: "AQL: <message> [node #3: RemoveNode] (while executing)".
 */

#include "emulator-aql-exec.h"

#include "emulator-aql-access.h"

#include <string.h>

#include "emulator-aql-eval.h"
#include "emulator-aql-explain.h"
#include "emulator-aql-memory.h"
#include "emulator-aql-profile.h"
#include "emulator-docops.h"
#include "emulator-reply.h"
#include "emulator-value.h"

/* More rows than this at once fail the query with the server's error
 * for a query over its memory limit, rather than blocking the
 * single-threaded emulator. */
#define MAX_ROWS 1000000

typedef struct {
  guint     n;
  JsonNode *values[];
} Row;

typedef struct {
  EmuState      *state;
  EmuAqlQuery   *query;
  EmuAqlContext  context;
  GPtrArray     *writable;
  EmuAqlOutcome *outcome;
  gboolean       full_count;
  guint          last_limit;     /* index of the last LIMIT statement, G_MAXUINT: none */
  const EmuAqlRunOptions *options;
} Run;

static Row *
row_new (guint n)
{
  Row *row = g_malloc0 (sizeof (Row) + n * sizeof (JsonNode *));

  row->n = n;
  return row;
}

static void
row_free (gpointer data)
{
  Row *row = data;
  guint i;

  for (i = 0; i < row->n; i++)
    g_clear_pointer (&row->values[i], json_node_unref);
  g_free (row);
}

static Row *
row_copy (Row *row)
{
  Row *copy = row_new (row->n);
  guint i;

  for (i = 0; i < row->n; i++)
    copy->values[i] = row->values[i] != NULL ? json_node_copy (row->values[i]) : NULL;
  return copy;
}

static void
row_set (Row            *row,
         EmuAqlVariable *variable,
         JsonNode       *value)
{
  g_clear_pointer (&row->values[variable->id], json_node_unref);
  row->values[variable->id] = value;
}

static GPtrArray *
new_rows (void)
{
  return g_ptr_array_new_with_free_func (row_free);
}

/* A run-time error in the server's words. */
static void
execution_error (Run        *run,
                 int         number,
                 const char *message,
                 guint       statement)
{
  static const char *node_names[] = {
    [AQL_STATEMENT_INSERT] = "InsertNode",
    [AQL_STATEMENT_UPDATE] = "UpdateNode",
    [AQL_STATEMENT_REPLACE] = "ReplaceNode",
    [AQL_STATEMENT_REMOVE] = "RemoveNode",
  };
  EmuAqlStatement *st = g_ptr_array_index (run->query->statements, statement);

  /* The failing node is named since 3.12.0 (4.x/, 3.12/RestCursorDeleteQueryFail_single.json),
   * not before (3.11/). */
  if (st->type >= AQL_STATEMENT_INSERT && emu_state_version_at_least (run->state, 3, 12, 0))
    emu_aql_error_set (run->context.error, number, "AQL: %s [node #%u: %s] (while executing)",
                       message, emu_aql_plan_node_id (run->query, statement),
                       node_names[st->type]);
  else
    emu_aql_error_set (run->context.error, number, "AQL: %s (while executing)", message);
}

/* An evaluation error is reported as one of the execution. */
static void
decorate_eval_error (Run   *run,
                     guint  statement)
{
  EmuAqlError *error = run->context.error;
  g_autofree char *message = g_steal_pointer (&error->message);
  int number = error->number;

  error->number = 0;
  execution_error (run, number, message, statement);
}

static gboolean
too_many_rows (Run   *run,
               guint  statement)
{
  execution_error (run, 32, "query would use more memory than allowed", statement);
  return FALSE;
}

/* The server's count of bytes of rows[0, @n): slots, and the values
 * that do not fit into theirs, once however many rows share them
 * (emulator-aql-memory.c). */
static guint64
rows_memory (GPtrArray *rows,
             guint      n,
             guint      row_bytes)
{
  g_autoptr(GHashTable) shared = g_hash_table_new (NULL, NULL);
  guint64 bytes = (guint64) n * row_bytes;
  guint i, j;

  for (i = 0; i < n; i++)
    {
      Row *row = g_ptr_array_index (rows, i);

      for (j = 0; j < row->n; j++)
        {
          JsonNode *value = row->values[j];
          gpointer compound;

          if (value == NULL)
            continue;
          compound = JSON_NODE_HOLDS_ARRAY (value) ? (gpointer) json_node_get_array (value)
                   : JSON_NODE_HOLDS_OBJECT (value) ? (gpointer) json_node_get_object (value)
                   : NULL;
          if (compound != NULL && !g_hash_table_add (shared, compound))
            continue;
          bytes += emu_aql_memory_value (value);
        }
    }
  return bytes;
}

/* options.memoryLimit: the rows statement @index made (a block of them,
 * or all when @buffered: the input a SORT holds) must fit. */
static gboolean
check_memory (Run       *run,
              guint      index,
              GPtrArray *rows,
              gboolean   buffered)
{
  EmuAqlStatement *statement = g_ptr_array_index (run->query->statements, index);
  EmuPlan *plan = run->options->plan;
  EmuPlanNode *node, *thrower;
  guint n;

  if (run->options->memory_limit == 0 || rows->len == 0 ||
      (node = emu_aql_memory_node_of (plan, statement)) == NULL)
    return TRUE;
  n = buffered ? rows->len : MIN (rows->len, EMU_AQL_BATCH_ROWS);
  if (rows_memory (rows, n, emu_aql_memory_registers (plan, statement)) <= run->options->memory_limit)
    return TRUE;
  thrower = buffered ? emu_aql_memory_allocator (plan, node) : node;
  emu_aql_memory_error (run->state, plan, thrower != NULL ? thrower : node,
                        rows->len > EMU_AQL_BATCH_ROWS, run->context.error);
  return FALSE;
}

/* The documents a FOR reads, counted as the server's plan reads them
 * (emulator-aql-access.c); NULL with the error set. */
static GPtrArray *
read_collection (Run           *run,
                 EmuCollection *collection,
                 guint          index,
                 Row           *row,
                 gboolean       first_row)
{
  EmuAqlNode *key_expression;
  g_autoptr(JsonNode) key = NULL;
  GPtrArray *documents;
  EmuDocument *document;

  EmuAqlAccess access = emu_aql_access_of (run->query, index, &key_expression);

  /* An index read opens a cursor on the index for the first row and
   * re-arms it for the others. */
  if (access != EMU_AQL_FULL_SCAN)
    {
      if (first_row)
        run->outcome->cursors_created++;
      else
        run->outcome->cursors_rearmed++;
    }

  switch (access)
    {
    case EMU_AQL_KEY_LOOKUP:
      if ((key = emu_aql_eval (&run->context, key_expression, row->values)) == NULL)
        {
          decorate_eval_error (run, index);
          return NULL;
        }
      documents = g_ptr_array_new_with_free_func ((GDestroyNotify) emu_document_unref);
      document = JSON_NODE_HOLDS_VALUE (key) && json_node_get_value_type (key) == G_TYPE_STRING
        ? emu_view_lookup (run->context.view, collection, json_node_get_string (key))
        : NULL;
      if (document != NULL)
        g_ptr_array_add (documents, emu_document_ref (document));
      run->outcome->scanned_index += documents->len;
      run->outcome->document_lookups += documents->len;
      return documents;
    case EMU_AQL_KEY_SCAN:
      documents = emu_view_scan (run->context.view, collection);
      run->outcome->scanned_index += documents->len;
      return documents;
    case EMU_AQL_FULL_SCAN:
    default:
      documents = emu_view_scan (run->context.view, collection);
      run->outcome->scanned_full += documents->len;
      return documents;
    }
}

static gboolean
run_for (Run             *run,
         EmuAqlStatement *statement,
         guint            index,
         GPtrArray      **rows)
{
  EmuAqlNode *source = statement->expression;
  g_autoptr(GPtrArray) output = new_rows ();
  guint i, j;

  for (i = 0; i < (*rows)->len; i++)
    {
      Row *row = g_ptr_array_index (*rows, i);

      if (source->type == AQL_NODE_COLLECTION || source->type == AQL_NODE_DATASOURCE_PARAMETER)
        {
          EmuCollection *collection = emu_aql_eval_collection (&run->context, source);
          g_autoptr(GPtrArray) documents = NULL;

          if (collection == NULL)
            return FALSE;
          documents = read_collection (run, collection, index, row, i == 0);
          if (documents == NULL)
            return FALSE;
          if (output->len + documents->len > MAX_ROWS)
            return too_many_rows (run, index);
          for (j = 0; j < documents->len; j++)
            {
              Row *next = row_copy (row);
              EmuDocument *document = g_ptr_array_index (documents, j);

              row_set (next, statement->variable, json_node_copy (document->body));
              g_ptr_array_add (output, next);
            }
        }
      else
        {
          g_autoptr(JsonNode) value = emu_aql_eval (&run->context, source, row->values);
          JsonArray *array;

          if (value == NULL)
            {
              decorate_eval_error (run, index);
              return FALSE;
            }
          if (!JSON_NODE_HOLDS_ARRAY (value))
            {
              g_autofree char *message =
                g_strdup_printf ("collection or array expected as operand to FOR loop; "
                                 "you provided a value of type '%s'",
                                 emu_aql_type_name (value));

              execution_error (run, 1563, message, index);
              return FALSE;
            }
          array = json_node_get_array (value);
          if (output->len + json_array_get_length (array) > MAX_ROWS)
            return too_many_rows (run, index);
          for (j = 0; j < json_array_get_length (array); j++)
            {
              Row *next = row_copy (row);

              row_set (next, statement->variable, json_node_copy (json_array_get_element (array, j)));
              g_ptr_array_add (output, next);
            }
        }
    }

  g_ptr_array_unref (*rows);
  *rows = g_steal_pointer (&output);
  return TRUE;
}

static gboolean
run_let (Run             *run,
         EmuAqlStatement *statement,
         guint            index,
         GPtrArray       *rows)
{
  guint i;

  for (i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      JsonNode *value = emu_aql_eval (&run->context, statement->expression, row->values);

      if (value == NULL)
        {
          decorate_eval_error (run, index);
          return FALSE;
        }
      row_set (row, statement->variable, value);
    }
  return TRUE;
}

static gboolean
run_filter (Run             *run,
            EmuAqlStatement *statement,
            guint            index,
            GPtrArray       *rows)
{
  guint i = 0;

  while (i < rows->len)
    {
      Row *row = g_ptr_array_index (rows, i);
      g_autoptr(JsonNode) value = emu_aql_eval (&run->context, statement->expression, row->values);

      if (value == NULL)
        {
          decorate_eval_error (run, index);
          return FALSE;
        }
      if (emu_value_truthy (value))
        {
          i++;
        }
      else
        {
          g_ptr_array_remove_index (rows, i);
          run->outcome->filtered++;
        }
    }
  return TRUE;
}

typedef struct {
  Row       *row;
  JsonNode **keys;
} SortItem;

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const SortItem *first = *(SortItem * const *) a;
  const SortItem *second = *(SortItem * const *) b;
  GPtrArray *elements = user_data;
  guint i;

  for (i = 0; i < elements->len; i++)
    {
      EmuAqlSortElement *element = g_ptr_array_index (elements, i);
      int order = emu_value_compare (first->keys[i], second->keys[i]);

      if (order != 0)
        return element->ascending ? order : -order;
    }
  return 0;
}

static void
sort_item_free (gpointer data)
{
  SortItem *item = data;
  guint i;

  /* The keys array ends with NULL. */
  for (i = 0; item->keys[i] != NULL; i++)
    json_node_unref (item->keys[i]);
  g_free (item->keys);
  g_free (item);
}

/* A stable sort (GLib's is a merge sort) on the evaluated keys. */
static gboolean
run_sort (Run             *run,
          EmuAqlStatement *statement,
          guint            index,
          GPtrArray      **rows)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (sort_item_free);
  g_autoptr(GPtrArray) sorted = new_rows ();
  guint n = statement->sort->len;
  guint i, j;

  for (i = 0; i < (*rows)->len; i++)
    {
      SortItem *item = g_new0 (SortItem, 1);

      item->row = g_ptr_array_index (*rows, i);
      item->keys = g_new0 (JsonNode *, n + 1);
      g_ptr_array_add (items, item);
      for (j = 0; j < n; j++)
        {
          EmuAqlSortElement *element = g_ptr_array_index (statement->sort, j);

          item->keys[j] = emu_aql_eval (&run->context, element->expression, item->row->values);
          if (item->keys[j] == NULL)
            {
              decorate_eval_error (run, index);
              return FALSE;
            }
        }
    }

  g_ptr_array_sort_with_data (items, compare_items, statement->sort);

  /* Hand the rows over in their new order. */
  g_ptr_array_set_free_func (*rows, NULL);
  for (i = 0; i < items->len; i++)
    g_ptr_array_add (sorted, ((SortItem *) g_ptr_array_index (items, i))->row);
  g_ptr_array_unref (*rows);
  *rows = g_steal_pointer (&sorted);
  return TRUE;
}

/* LIMIT takes constants and bind parameters only. */
static gboolean
limit_value (Run        *run,
             EmuAqlNode *node,
             guint       index,
             guint64    *value)
{
  g_autoptr(JsonNode) result = NULL;
  gdouble number;

  if (node == NULL)
    {
      *value = 0;
      return TRUE;
    }
  if (!emu_aql_node_is_constant (node) && node->type != AQL_NODE_PARAMETER)
    {
      emu_aql_error_set (run->context.error, EMU_ERROR_NOT_IMPLEMENTED,
                         "not implemented: a LIMIT value other than a constant or a bind "
                         "parameter is not supported by the emulator");
      return FALSE;
    }

  result = emu_aql_eval (&run->context, node, NULL);
  if (result == NULL)
    {
      decorate_eval_error (run, index);
      return FALSE;
    }
  number = emu_value_is_number (result) ? json_node_get_double (result) : -1;
  if (number < 0)
    {
      emu_aql_error_set (run->context.error, EMU_ERROR_QUERY_NUMBER_OUT_OF_RANGE,
                         "%s", emu_error_message (EMU_ERROR_QUERY_NUMBER_OUT_OF_RANGE));
      return FALSE;
    }
  *value = (guint64) number;
  return TRUE;
}

static gboolean
run_limit (Run             *run,
           EmuAqlStatement *statement,
           guint            index,
           GPtrArray       *rows)
{
  guint64 offset, count;

  if (!limit_value (run, statement->offset, index, &offset) ||
      !limit_value (run, statement->count, index, &count))
    return FALSE;

  if (run->full_count && index == run->last_limit)
    run->outcome->full_count = rows->len;

  if (offset >= rows->len)
    {
      g_ptr_array_set_size (rows, 0);
      return TRUE;
    }
  g_ptr_array_remove_range (rows, 0, offset);
  if (count < rows->len)
    g_ptr_array_remove_range (rows, count, rows->len - count);
  return TRUE;
}

static gboolean
run_return (Run             *run,
            EmuAqlStatement *statement,
            guint            index,
            GPtrArray       *rows)
{
  guint i, j;

  for (i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      JsonNode *value = emu_aql_eval (&run->context, statement->expression, row->values);
      gboolean seen = FALSE;

      if (value == NULL)
        {
          decorate_eval_error (run, index);
          return FALSE;
        }
      if (statement->distinct)
        for (j = 0; j < json_array_get_length (run->outcome->result) && !seen; j++)
          seen = emu_value_equal (json_array_get_element (run->outcome->result, j), value);
      if (seen)
        json_node_unref (value);
      else
        json_array_add_element (run->outcome->result, value);
    }

  if (run->full_count && run->last_limit == G_MAXUINT)
    run->outcome->full_count = json_array_get_length (run->outcome->result);
  return TRUE;
}

typedef struct {
  gboolean      ignore_errors;
  EmuDocOptions doc;
} ModificationOptions;

static void
read_options (EmuAqlStatement     *statement,
              EmuAqlContext       *context,
              ModificationOptions *options)
{
  g_autoptr(JsonNode) value = NULL;
  JsonObject *object;
  const char *mode;

  memset (options, 0, sizeof *options);
  emu_doc_options_init (&options->doc);
  /* NEW and OLD need the documents. */
  options->doc.return_new = TRUE;
  options->doc.return_old = TRUE;

  if (statement->options == NULL ||
      (value = emu_aql_eval (context, statement->options, NULL)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (value))
    return;

  object = json_node_get_object (value);
  options->ignore_errors = emu_json_get_boolean (object, "ignoreErrors", FALSE);
  options->doc.keep_null = emu_json_get_boolean (object, "keepNull", TRUE);
  options->doc.merge_objects = emu_json_get_boolean (object, "mergeObjects", TRUE);
  options->doc.ignore_revs = emu_json_get_boolean (object, "ignoreRevs", TRUE);
  mode = emu_json_get_string (object, "overwriteMode");
  if (mode != NULL && g_str_equal (mode, "ignore"))
    options->doc.overwrite_mode = EMU_OVERWRITE_IGNORE;
  else if (mode != NULL && g_str_equal (mode, "update"))
    options->doc.overwrite_mode = EMU_OVERWRITE_UPDATE;
  else if (mode != NULL && g_str_equal (mode, "conflict"))
    options->doc.overwrite_mode = EMU_OVERWRITE_CONFLICT;
  else if ((mode != NULL && g_str_equal (mode, "replace")) ||
           emu_json_get_boolean (object, "overwrite", FALSE))
    options->doc.overwrite_mode = EMU_OVERWRITE_REPLACE;
}

static gboolean
is_writable (Run           *run,
             EmuCollection *collection)
{
  guint i;

  if (run->writable == NULL)
    return TRUE;
  for (i = 0; i < run->writable->len; i++)
    if (g_str_equal (g_ptr_array_index (run->writable, i), collection->id))
      return TRUE;
  return FALSE;
}

/* One document operation for one row. */
static void
modify_row (Run                 *run,
            EmuAqlStatement     *statement,
            EmuCollection       *collection,
            ModificationOptions *options,
            Row                 *row,
            EmuDocResult        *result)
{
  g_autoptr(JsonNode) operand = emu_aql_eval (&run->context, statement->expression, row->values);
  g_autoptr(JsonNode) with = NULL;
  g_autofree char *key = NULL;
  int error_num = 0;

  if (operand == NULL)
    return;

  switch (statement->type)
    {
    case AQL_STATEMENT_INSERT:
      emu_doc_insert (run->state, run->context.view, collection, operand, &options->doc, result);
      break;

    case AQL_STATEMENT_UPDATE:
    case AQL_STATEMENT_REPLACE:
      if (statement->with != NULL)
        {
          if ((with = emu_aql_eval (&run->context, statement->with, row->values)) == NULL)
            return;
          if ((key = emu_doc_input_key (collection, operand, &error_num)) == NULL)
            {
              result->error_num = error_num;
              return;
            }
        }
      emu_doc_modify (run->state, run->context.view, collection, key,
                      with != NULL ? with : operand,
                      statement->type == AQL_STATEMENT_REPLACE, NULL, &options->doc, result);
      break;

    case AQL_STATEMENT_REMOVE:
    default:
      emu_doc_remove (run->state, run->context.view, collection, NULL, operand, NULL,
                      &options->doc, result);
      break;
    }
}

static gboolean
run_modification (Run             *run,
                  EmuAqlStatement *statement,
                  guint            index,
                  GPtrArray       *rows)
{
  EmuCollection *collection = emu_aql_eval_collection (&run->context, statement->collection);
  ModificationOptions options;
  guint i;

  if (collection == NULL)
    return FALSE;
  if (!is_writable (run, collection))
    {
      execution_error (run, EMU_ERROR_TRANSACTION_UNREGISTERED_COLLECTION,
                       emu_error_message (EMU_ERROR_TRANSACTION_UNREGISTERED_COLLECTION), index);
      return FALSE;
    }
  read_options (statement, &run->context, &options);

  for (i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      EmuDocResult result = { 0 };
      JsonObject *meta;

      modify_row (run, statement, collection, &options, row, &result);
      if (run->context.error->number != 0)
        {
          emu_doc_result_clear (&result);
          decorate_eval_error (run, index);
          return FALSE;
        }
      if (result.error_num != 0)
        {
          if (!options.ignore_errors)
            {
              execution_error (run, result.error_num, emu_doc_result_message (&result), index);
              emu_doc_result_clear (&result);
              return FALSE;
            }
          run->outcome->writes_ignored++;
          emu_doc_result_clear (&result);
          continue;
        }

      if (result.written)
        run->outcome->writes_executed++;
      else
        run->outcome->writes_ignored++;

      meta = json_node_get_object (result.result);
      if (statement->new_variable != NULL)
        row_set (row, statement->new_variable,
                 json_object_has_member (meta, "new")
                   ? json_node_copy (json_object_get_member (meta, "new"))
                   : emu_value_null ());
      if (statement->old_variable != NULL)
        row_set (row, statement->old_variable,
                 json_object_has_member (meta, "old")
                   ? json_node_copy (json_object_get_member (meta, "old"))
                   : emu_value_null ());
      emu_doc_result_clear (&result);
    }

  return TRUE;
}

static gboolean
run_statement (Run        *run,
               guint       index,
               GPtrArray **rows)
{
  EmuAqlStatement *statement = g_ptr_array_index (run->query->statements, index);

  switch (statement->type)
    {
    case AQL_STATEMENT_FOR:
      return run_for (run, statement, index, rows) && check_memory (run, index, *rows, FALSE);
    case AQL_STATEMENT_LET:
      return run_let (run, statement, index, *rows) && check_memory (run, index, *rows, FALSE);
    case AQL_STATEMENT_FILTER:
      return run_filter (run, statement, index, *rows);
    case AQL_STATEMENT_SORT:
      return check_memory (run, index, *rows, TRUE) && run_sort (run, statement, index, rows);
    case AQL_STATEMENT_LIMIT:
      return run_limit (run, statement, index, *rows);
    case AQL_STATEMENT_RETURN:
      return run_return (run, statement, index, *rows);
    case AQL_STATEMENT_INSERT:
    case AQL_STATEMENT_UPDATE:
    case AQL_STATEMENT_REPLACE:
    case AQL_STATEMENT_REMOVE:
    default:
      return run_modification (run, statement, index, *rows);
    }
}


/* `x.@p` whose p is no attribute name (checked as the server injects
 * bind parameters, before the query runs). */
static gboolean
is_bad_attribute_name (EmuAqlNode *node,
                       gpointer    values)
{
  JsonNode *name;

  if (node->type != AQL_NODE_BOUND_ATTRIBUTE_ACCESS)
    return FALSE;
  name = json_object_get_member (values, emu_aql_node_child (node, 1)->text);
  return name != NULL && !emu_aql_is_attribute_name (name);
}

/* Declared parameters need a value (1551), @@ parameters a collection
 * name (1553, 1203), and every value a declaration (1552). */
gboolean
emu_aql_check_bind_vars (EmuAqlQuery *query,
                         EmuDatabase *database,
                         JsonNode    *bind_vars,
                         EmuAqlError *error)
{
  JsonObject *values = NULL;
  JsonObjectIter iter;
  const char *name;
  EmuAqlNode *bound;
  guint i;

  if (bind_vars != NULL && !JSON_NODE_HOLDS_NULL (bind_vars))
    {
      if (!JSON_NODE_HOLDS_OBJECT (bind_vars))
        {
          emu_aql_error_set (error, EMU_ERROR_QUERY_BIND_PARAMETERS_INVALID, "%s",
                             emu_error_message (EMU_ERROR_QUERY_BIND_PARAMETERS_INVALID));
          return FALSE;
        }
      values = json_node_get_object (bind_vars);
    }

  for (i = 0; i < query->parameters->len; i++)
    {
      name = g_ptr_array_index (query->parameters, i);
      if (values == NULL || !json_object_has_member (values, name))
        {
          emu_aql_error_set (error, EMU_ERROR_QUERY_BIND_PARAMETER_MISSING,
                             "no value specified for declared bind parameter '%s'", name);
          return FALSE;
        }
    }

  if ((bound = emu_aql_query_find_node (query, is_bad_attribute_name, values)) != NULL)
    {
      emu_aql_error_set (error, EMU_ERROR_QUERY_BIND_PARAMETER_TYPE,
                         "bind parameter '%s' has an invalid value or type",
                         emu_aql_node_child (bound, 1)->text);
      return FALSE;
    }

  for (i = 0; i < query->parameters->len; i++)
    {
      const char *collection;

      name = g_ptr_array_index (query->parameters, i);
      if (name[0] != '@')
        continue;
      collection = emu_json_get_string (values, name);
      if (collection == NULL)
        {
          emu_aql_error_set (error, EMU_ERROR_QUERY_BIND_PARAMETER_TYPE,
                             "bind parameter '%s' has an invalid value or type", name);
          return FALSE;
        }
      if (database != NULL && emu_database_lookup_collection (database, collection) == NULL)
        {
          emu_aql_error_set (error, EMU_ERROR_ARANGO_DATA_SOURCE_NOT_FOUND,
                             "collection or view not found: %s", collection);
          return FALSE;
        }
    }

  if (values != NULL)
    {
      json_object_iter_init (&iter, values);
      while (json_object_iter_next (&iter, &name, NULL))
        {
          for (i = 0; i < query->parameters->len; i++)
            if (g_str_equal (g_ptr_array_index (query->parameters, i), name))
              break;
          if (i == query->parameters->len)
            {
              emu_aql_error_set (error, EMU_ERROR_QUERY_BIND_PARAMETER_UNDECLARED,
                                 "bind parameter '%s' was not declared in the query", name);
              return FALSE;
            }
        }
    }

  return TRUE;
}

/* Runs @query on @view (the committed state, or a stream transaction's).
 * @writable: ids of the collections a stream transaction may write, or
 * NULL. The outcome must be cleared by the caller. */
gboolean
emu_aql_execute (EmuState      *state,
                 EmuView       *view,
                 GPtrArray     *writable,
                 EmuAqlQuery   *query,
                 JsonObject    *bind_vars,
                 const EmuAqlRunOptions *options,
                 EmuAqlOutcome *outcome,
                 EmuAqlError   *error)
{
  g_autoptr(EmuOverlay) pending = emu_overlay_new ();
  g_autoptr(GPtrArray) rows = new_rows ();
  gint64 started = g_get_monotonic_time ();
  g_autofree guint64 *rows_after = g_new0 (guint64, query->statements->len);
  g_autofree gdouble *seconds_after = g_new0 (gdouble, query->statements->len);
  EmuView query_view;
  guint64 used_before;
  Run run = { 0 };
  guint i;

  memset (outcome, 0, sizeof *outcome);
  outcome->result = json_array_new ();
  outcome->warnings = json_array_new ();
  outcome->full_count = options->full_count ? 0 : -1;

  emu_view_init (&query_view, view->database, view->layers[0], pending);
  /* Its writes count towards its stream transaction's size, until it
   * fails and they are gone. */
  query_view.budget = view->budget;
  used_before = view->budget != NULL ? view->budget->used : 0;
  run.state = state;
  run.query = query;
  run.writable = writable;
  run.outcome = outcome;
  run.full_count = options->full_count;
  run.options = options;
  run.context.view = &query_view;
  run.context.bind_vars = bind_vars;
  run.context.error = error;
  run.context.warnings = outcome->warnings;
  run.last_limit = G_MAXUINT;
  for (i = 0; i < query->statements->len; i++)
    if (((EmuAqlStatement *) g_ptr_array_index (query->statements, i))->type == AQL_STATEMENT_LIMIT)
      run.last_limit = i;

  g_ptr_array_add (rows, row_new (query->variables->len));
  for (i = 0; i < query->statements->len; i++)
    {
      if (!run_statement (&run, i, &rows))
        {
          state->aql_slept += run.context.slept;
          if (view->budget != NULL)
            view->budget->used = used_before;
          return FALSE;
        }
      rows_after[i] = rows->len;
      seconds_after[i] = (g_get_monotonic_time () - started) / (gdouble) G_USEC_PER_SEC +
                         run.context.slept;
    }
  state->aql_slept += run.context.slept;

  outcome->sleep_seconds = run.context.slept;
  outcome->execution_time = (g_get_monotonic_time () - started) / (gdouble) G_USEC_PER_SEC +
                            outcome->sleep_seconds;
  if (options->profile >= 2)
    {
      outcome->plan = emu_plan_json (options->plan);
      outcome->nodes = emu_aql_profile_nodes (state, options->plan, rows_after, seconds_after);
    }

  /* The query committed: its writes join the layer below. */
  emu_view_apply (view, pending);
  return TRUE;
}

void
emu_aql_outcome_clear (EmuAqlOutcome *outcome)
{
  g_clear_pointer (&outcome->result, json_array_unref);
  g_clear_pointer (&outcome->warnings, json_array_unref);
  g_clear_pointer (&outcome->plan, json_node_unref);
  g_clear_pointer (&outcome->nodes, json_node_unref);
  g_clear_pointer (&outcome->profile, json_node_unref);
}

/* "extra": warnings and the statistics fields of
 * 3.12/RestCursorCreateCursorOption_single.json, in that order; when
 * profiled, the nodes' statistics, the plan and the phases
 * (3.12/RestCursorProfileQuery_single.json). */
JsonNode *
emu_aql_outcome_extra (EmuAqlOutcome *outcome)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "warnings");
  json_builder_add_value (builder, emu_value_take_array (json_array_ref (outcome->warnings)));
  json_builder_set_member_name (builder, "stats");
  json_builder_begin_object (builder);
  emu_json_add_int (builder, "writesExecuted", outcome->writes_executed);
  emu_json_add_int (builder, "writesIgnored", outcome->writes_ignored);
  emu_json_add_int (builder, "documentLookups", outcome->document_lookups);
  emu_json_add_int (builder, "seeks", 0);
  emu_json_add_int (builder, "scannedFull", outcome->scanned_full);
  emu_json_add_int (builder, "scannedIndex", outcome->scanned_index);
  emu_json_add_int (builder, "searchParallelism", 1);
  emu_json_add_int (builder, "cursorsCreated", outcome->cursors_created);
  emu_json_add_int (builder, "cursorsRearmed", outcome->cursors_rearmed);
  emu_json_add_int (builder, "cacheHits", 0);
  emu_json_add_int (builder, "cacheMisses", 0);
  emu_json_add_int (builder, "filtered", outcome->filtered);
  emu_json_add_int (builder, "httpRequests", 0);
  if (outcome->full_count >= 0)
    emu_json_add_int (builder, "fullCount", outcome->full_count);
  emu_json_add_double (builder, "executionTime", outcome->execution_time);
  emu_json_add_int (builder, "peakMemoryUsage", 0);
  emu_json_add_int (builder, "intermediateCommits", 0);
  if (outcome->nodes != NULL)
    emu_json_add_node (builder, "nodes", outcome->nodes);
  json_builder_end_object (builder);
  if (outcome->plan != NULL)
    emu_json_add_node (builder, "plan", outcome->plan);
  if (outcome->profile != NULL)
    emu_json_add_node (builder, "profile", outcome->profile);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
