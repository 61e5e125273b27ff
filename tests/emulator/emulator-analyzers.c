/* emulator-analyzers.c: the /_api/analyzer endpoints
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Shapes: 3.12/RestAnalyzersGet_single.json (the built-in analyzers),
 * RestAnalyzerPost (201), RestAnalyzerGet, RestAnalyzerDelete,
 * RestAnalyzerDeleteForce. Error texts follow the server's
 * RestAnalyzerHandler and analyzer feature.
 *
 * A custom analyzer belongs to a database and is named
 * "<database>::<name>"; built-in ones have bare names. A database sees the
 * built-in analyzers, its own, and those of _system.
 */

#include <string.h>

#include "emulator-input.h"
#include "emulator-reply.h"
#include "emulator-router.h"
#include "emulator-views.h"

#define MAX_NAME_LENGTH 254

typedef struct {
  char       *name;        /* without the database prefix */
  char       *type;
  JsonObject *properties;
  JsonArray  *features;
} EmuAnalyzer;

/* The built-in text analyzers: locale, and whether it stems. */
static const struct {
  const char *locale;
  gboolean    stemming;
} text_locales[] = {
  { "de", TRUE }, { "en", TRUE }, { "es", TRUE }, { "fi", TRUE }, { "fr", TRUE },
  { "it", TRUE }, { "nl", TRUE }, { "no", TRUE }, { "pt", TRUE }, { "ru", TRUE },
  { "sv", TRUE }, { "zh", FALSE },
};

static const char * const known_types[] = {
  "identity", "delimiter", "multi_delimiter", "stem", "norm", "ngram", "text",
  "aql", "pipeline", "stopwords", "collation", "segmentation", "wildcard",
  "minhash", "classification", "nearest_neighbors", "geojson", "geo_s2",
  "geopoint",
};

static const char * const known_features[] = { "frequency", "norm", "position", "offset" };

static void
analyzer_free (gpointer data)
{
  EmuAnalyzer *analyzer = data;

  g_free (analyzer->name);
  g_free (analyzer->type);
  json_object_unref (analyzer->properties);
  json_array_unref (analyzer->features);
  g_free (analyzer);
}

static JsonArray *
string_array (const char * const *values,
              gsize               n_values)
{
  JsonArray *array = json_array_new ();
  gsize i;

  for (i = 0; i < n_values; i++)
    json_array_add_string_element (array, values[i]);
  return array;
}

static GPtrArray *
database_analyzers (EmuDatabase *database)
{
  if (database->analyzers == NULL)
    database->analyzers = g_ptr_array_new_with_free_func (analyzer_free);
  return database->analyzers;
}

static void
add_analyzer (JsonBuilder *builder,
              const char  *prefix,
              EmuAnalyzer *analyzer)
{
  g_autofree char *name = prefix != NULL
    ? g_strdup_printf ("%s::%s", prefix, analyzer->name)
    : g_strdup (analyzer->name);
  g_autoptr(JsonNode) properties = json_node_init_object (json_node_alloc (), analyzer->properties);
  g_autoptr(JsonNode) features = json_node_init_array (json_node_alloc (), analyzer->features);

  emu_json_add_string (builder, "name", name);
  emu_json_add_string (builder, "type", analyzer->type);
  emu_json_add_node (builder, "properties", properties);
  emu_json_add_node (builder, "features", features);
}

/* The built-in analyzers, made on demand (they never change). */
static GPtrArray *
builtin_analyzers (void)
{
  static const char * const identity_features[] = { "frequency", "norm" };
  static const char * const text_features[] = { "frequency", "position", "norm" };
  GPtrArray *builtins = g_ptr_array_new_with_free_func (analyzer_free);
  EmuAnalyzer *identity = g_new0 (EmuAnalyzer, 1);
  guint i;

  identity->name = g_strdup ("identity");
  identity->type = g_strdup ("identity");
  identity->properties = json_object_new ();
  identity->features = string_array (identity_features, G_N_ELEMENTS (identity_features));
  g_ptr_array_add (builtins, identity);

  for (i = 0; i < G_N_ELEMENTS (text_locales); i++)
    {
      EmuAnalyzer *text = g_new0 (EmuAnalyzer, 1);

      text->name = g_strdup_printf ("text_%s", text_locales[i].locale);
      text->type = g_strdup ("text");
      text->properties = json_object_new ();
      json_object_set_string_member (text->properties, "locale", text_locales[i].locale);
      json_object_set_string_member (text->properties, "case", "lower");
      json_object_set_array_member (text->properties, "stopwords", json_array_new ());
      json_object_set_boolean_member (text->properties, "accent", FALSE);
      json_object_set_boolean_member (text->properties, "stemming", text_locales[i].stemming);
      text->features = string_array (text_features, G_N_ELEMENTS (text_features));
      g_ptr_array_add (builtins, text);
    }
  return builtins;
}

static EmuAnalyzer *
find_in (GPtrArray  *analyzers,
         const char *name)
{
  guint i;

  for (i = 0; analyzers != NULL && i < analyzers->len; i++)
    {
      EmuAnalyzer *analyzer = g_ptr_array_index (analyzers, i);

      if (g_str_equal (analyzer->name, name))
        return analyzer;
    }
  return NULL;
}

/* Splits "db::name" or "::name" (the current database) or "name". A bare
 * name means a built-in analyzer if there is one, else one of the current
 * database. */
static void
split_name (const char  *given,
            const char  *current,
            char       **database,
            char       **name)
{
  const char *separator = strstr (given, "::");

  if (separator == NULL)
    {
      *database = NULL;
      *name = g_strdup (given);
      return;
    }
  *database = separator == given ? g_strdup (current) : g_strndup (given, separator - given);
  *name = g_strdup (separator + 2);
}

static gboolean
is_known (const char * const *values,
          gsize               n_values,
          const char         *value)
{
  gsize i;

  for (i = 0; i < n_values; i++)
    if (g_str_equal (values[i], value))
      return TRUE;
  return FALSE;
}

#define BODY_FORM "expecting body to be of the form { name: <string>, type: <string>[, properties: <object>[, features: <string-array>]] }"

static void
reply_bad (EmuRequest *req,
           const char *what)
{
  emu_reply_errorf (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_BAD_PARAMETER,
                    "%s" BODY_FORM, what);
}

/* "properties" and "features" of a creation body, normalized; NULL (with
 * the error sent) when they do not fit. */
static EmuAnalyzer *
read_definition (EmuRequest *req,
                 JsonObject *body,
                 const char *name,
                 const char *type)
{
  g_autoptr(JsonArray) features = json_array_new ();
  JsonNode *properties = json_object_get_member (body, "properties");
  JsonNode *given_features = json_object_get_member (body, "features");
  EmuAnalyzer *analyzer;
  guint i;

  if (properties != NULL && !JSON_NODE_HOLDS_OBJECT (properties) && !JSON_NODE_HOLDS_NULL (properties))
    {
      reply_bad (req, "invalid 'properties', ");
      return NULL;
    }
  if (given_features != NULL && !JSON_NODE_HOLDS_ARRAY (given_features))
    {
      reply_bad (req, "invalid 'features', ");
      return NULL;
    }
  for (i = 0; given_features != NULL && i < json_array_get_length (json_node_get_array (given_features)); i++)
    {
      JsonNode *feature = json_array_get_element (json_node_get_array (given_features), i);

      if (json_node_get_value_type (feature) != G_TYPE_STRING)
        {
          reply_bad (req, "invalid value in 'features', ");
          return NULL;
        }
      if (!is_known (known_features, G_N_ELEMENTS (known_features), json_node_get_string (feature)))
        {
          reply_bad (req, "unknown value in 'features', ");
          return NULL;
        }
      json_array_add_string_element (features, json_node_get_string (feature));
    }

  analyzer = g_new0 (EmuAnalyzer, 1);
  analyzer->name = g_strdup (name);
  analyzer->type = g_strdup (type);
  /* The identity analyzer has no settings: whatever was given is dropped. */
  analyzer->properties = properties != NULL && JSON_NODE_HOLDS_OBJECT (properties) &&
                         !g_str_equal (type, "identity")
    ? json_object_ref (json_node_get_object (properties))
    : json_object_new ();
  analyzer->features = g_steal_pointer (&features);
  return analyzer;
}

static gboolean
same_definition (EmuAnalyzer *a,
                 EmuAnalyzer *b)
{
  g_autoptr(JsonNode) a_properties = json_node_init_object (json_node_alloc (), a->properties);
  g_autoptr(JsonNode) b_properties = json_node_init_object (json_node_alloc (), b->properties);
  g_autoptr(JsonNode) a_features = json_node_init_array (json_node_alloc (), a->features);
  g_autoptr(JsonNode) b_features = json_node_init_array (json_node_alloc (), b->features);

  return g_str_equal (a->type, b->type) &&
         json_node_equal (a_properties, b_properties) &&
         json_node_equal (a_features, b_features);
}

static void
reply_definition (EmuRequest  *req,
                  guint        status,
                  const char  *database,
                  EmuAnalyzer *analyzer)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_analyzer (builder, database, analyzer);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, status, builder);
}

static void
handle_create (EmuRequest *req)
{
  EmuDatabase *database = emu_state_lookup_database (req->state, req->database);
  g_autoptr(GPtrArray) builtins = builtin_analyzers ();
  g_autoptr(JsonNode) holder = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *name = NULL;
  EmuAnalyzer *analyzer, *existing;
  const char *given_name, *type;
  JsonObject *body;

  if ((holder = emu_request_parse_body (req)) == NULL)
    return;
  if (!JSON_NODE_HOLDS_OBJECT (holder))
    {
      reply_bad (req, "");
      return;
    }
  body = json_node_get_object (holder);

  given_name = emu_json_get_string (body, "name");
  if (given_name == NULL)
    {
      reply_bad (req, "invalid 'name', ");
      return;
    }
  split_name (given_name, req->database, &prefix, &name);
  if (prefix != NULL && !g_str_equal (prefix, req->database))
    {
      emu_reply_error (req->msg, SOUP_STATUS_FORBIDDEN, EMU_ERROR_FORBIDDEN,
                       "Database in analyzer name does not match current database");
      return;
    }
  if (!emu_input_is_traditional_name (name, MAX_NAME_LENGTH))
    {
      emu_reply_errorf (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_BAD_PARAMETER,
                        "invalid characters in analyzer name '%s'", name);
      return;
    }
  type = emu_json_get_string (body, "type");
  if (type == NULL)
    {
      reply_bad (req, "invalid 'type', ");
      return;
    }
  if (!is_known (known_types, G_N_ELEMENTS (known_types), type))
    {
      emu_reply_errorf (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_NOT_IMPLEMENTED,
                        "Not implemented analyzer type '%s'.", type);
      return;
    }
  if ((analyzer = read_definition (req, body, name, type)) == NULL)
    return;

  /* The same definition again is no error: the server answers 200 with
   * the stored one. */
  existing = find_in (database->analyzers, name);
  if (existing == NULL && find_in (builtins, name) != NULL)
    existing = find_in (builtins, name);
  if (existing != NULL)
    {
      gboolean same = same_definition (existing, analyzer);

      analyzer_free (analyzer);
      if (same)
        reply_definition (req, SOUP_STATUS_OK, req->database, existing);
      else
        emu_reply_errorf (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_BAD_PARAMETER,
                          "Name collision detected while registering an arangosearch analyzer name '%s::%s'",
                          req->database, name);
      return;
    }

  g_ptr_array_add (database_analyzers (database), analyzer);
  reply_definition (req, SOUP_STATUS_CREATED, req->database, analyzer);
}

static void
add_all (JsonBuilder *builder,
         GPtrArray   *analyzers,
         const char  *prefix)
{
  guint i;

  for (i = 0; analyzers != NULL && i < analyzers->len; i++)
    {
      json_builder_begin_object (builder);
      add_analyzer (builder, prefix, g_ptr_array_index (analyzers, i));
      json_builder_end_object (builder);
    }
}

static void
handle_list (EmuRequest *req)
{
  EmuDatabase *database = emu_state_lookup_database (req->state, req->database);
  g_autoptr(JsonBuilder) builder = emu_json_begin_ok (SOUP_STATUS_OK);
  g_autoptr(GPtrArray) builtins = builtin_analyzers ();

  json_builder_set_member_name (builder, "result");
  json_builder_begin_array (builder);
  add_all (builder, builtins, NULL);
  add_all (builder, database->analyzers, database->name);
  if (!g_str_equal (database->name, "_system"))
    add_all (builder, emu_state_lookup_database (req->state, "_system")->analyzers, "_system");
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

/* The analyzer a name means from the current database, with the prefix
 * it is shown with (NULL for built-in ones). */
static EmuAnalyzer *
resolve (EmuRequest  *req,
         GPtrArray   *builtins,
         const char  *given,
         char       **shown_prefix,
         char       **normalized)
{
  g_autofree char *prefix = NULL;
  g_autofree char *name = NULL;
  EmuDatabase *database;
  EmuAnalyzer *analyzer;

  split_name (given, req->database, &prefix, &name);
  if (prefix == NULL && (analyzer = find_in (builtins, name)) != NULL)
    {
      *shown_prefix = NULL;
      *normalized = g_strdup (name);
      return analyzer;
    }
  if (prefix == NULL)
    prefix = g_strdup (req->database);

  *shown_prefix = g_strdup (prefix);
  *normalized = g_strdup_printf ("%s::%s", prefix, name);
  database = emu_state_lookup_database (req->state, prefix);
  return database != NULL ? find_in (database->analyzers, name) : NULL;
}

static gboolean
is_reachable (EmuRequest *req,
              const char *prefix)
{
  return prefix == NULL || g_str_equal (prefix, req->database) || g_str_equal (prefix, "_system");
}

static void
handle_get (EmuRequest *req)
{
  g_autoptr(GPtrArray) builtins = builtin_analyzers ();
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *normalized = NULL;
  EmuAnalyzer *analyzer;

  analyzer = resolve (req, builtins, emu_request_get_param (req, "name"), &prefix, &normalized);
  if (!is_reachable (req, prefix))
    {
      emu_reply_errorf (req->msg, SOUP_STATUS_FORBIDDEN, EMU_ERROR_FORBIDDEN,
                        "Analyzer '%s' is not accessible. Only analyzers from current database ('%s')%s are available",
                        normalized, req->database,
                        g_str_equal (req->database, "_system") ? "" : " or system database");
      return;
    }
  if (analyzer == NULL)
    {
      emu_reply_errorf (req->msg, SOUP_STATUS_NOT_FOUND, EMU_ERROR_ARANGO_DOCUMENT_NOT_FOUND,
                        "unable to find analyzer: %s", normalized);
      return;
    }

  builder = emu_json_begin_ok (SOUP_STATUS_OK);
  {
    g_autoptr(JsonNode) features = json_node_init_array (json_node_alloc (), analyzer->features);
    g_autoptr(JsonNode) properties = json_node_init_object (json_node_alloc (), analyzer->properties);

    emu_json_add_node (builder, "features", features);
    emu_json_add_node (builder, "properties", properties);
    emu_json_add_string (builder, "type", analyzer->type);
    emu_json_add_string (builder, "name", normalized);
  }
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
handle_delete (EmuRequest *req)
{
  EmuDatabase *database = emu_state_lookup_database (req->state, req->database);
  g_autoptr(GPtrArray) builtins = builtin_analyzers ();
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *name = NULL;
  g_autofree char *normalized = NULL;
  gboolean force = emu_request_get_query_bool (req, "force", FALSE);
  EmuAnalyzer *analyzer;

  split_name (emu_request_get_param (req, "name"), req->database, &prefix, &name);
  if (!emu_input_is_traditional_name (name, MAX_NAME_LENGTH))
    {
      emu_reply_errorf (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_BAD_PARAMETER,
                        "Invalid characters in analyzer name '%s'.", name);
      return;
    }
  if (prefix != NULL && !g_str_equal (prefix, req->database))
    {
      emu_reply_error (req->msg, SOUP_STATUS_FORBIDDEN, EMU_ERROR_FORBIDDEN,
                       "Database in analyzer name does not match current database");
      return;
    }
  normalized = g_strdup_printf ("%s::%s", req->database, name);
  if (prefix == NULL && find_in (builtins, name) != NULL)
    {
      emu_reply_errorf (req->msg, SOUP_STATUS_FORBIDDEN, EMU_ERROR_FORBIDDEN,
                        "built-in analyzers cannot be removed");
      return;
    }
  analyzer = find_in (database->analyzers, name);
  if (analyzer == NULL)
    {
      emu_reply_errorf (req->msg, SOUP_STATUS_NOT_FOUND, EMU_ERROR_ARANGO_DOCUMENT_NOT_FOUND,
                        "failure to find analyzer while removing arangosearch analyzer '%s'",
                        normalized);
      return;
    }
  if (!force && (emu_views_use_analyzer (database, name) ||
                 emu_views_use_analyzer (database, normalized)))
    {
      emu_reply_errorf (req->msg, SOUP_STATUS_CONFLICT, EMU_ERROR_ARANGO_CONFLICT,
                        "analyzer in use while removing arangosearch analyzer '%s'",
                        normalized);
      return;
    }

  g_ptr_array_remove (database->analyzers, analyzer);
  builder = emu_json_begin_ok (SOUP_STATUS_OK);
  emu_json_add_string (builder, "name", normalized);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static const EmuRoute analyzer_routes[] = {
  { "POST", "/_api/analyzer", handle_create },
  { "GET", "/_api/analyzer", handle_list },
  { "GET", "/_api/analyzer/{name}", handle_get },
  { "DELETE", "/_api/analyzer/{name}", handle_delete },
};

void
emu_analyzers_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, analyzer_routes, G_N_ELEMENTS (analyzer_routes));
}
