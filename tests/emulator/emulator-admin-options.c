/* emulator-admin-options.c: the server's startup options
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * GET /_admin/options and /_admin/options-description as 3.12's
 * RestOptionsHandler and RestOptionsDescriptionHandler answer them with
 * the default --server.options-api policy "jwt". A server reports several
 * hundred options; the emulator has no such configuration, so both answer
 * from the fixed table below: a few options of the 3.12 source with its
 * descriptions and defaults, the effective values those the emulator runs
 * with (README.md).
 */

#include "emulator-admin.h"

#include <string.h>

#include "emulator-reply.h"
#include "emulator-router.h"

typedef enum {
  VALUE_DEFAULT,            /* the default is the effective value */
  VALUE_AUTHENTICATION,     /* whether --user turned authentication on */
  VALUE_SESSION_TIMEOUT,    /* --jwt-ttl */
} ValueSource;

typedef struct {
  const char  *name;
  const char  *type;          /* the server's parameter type name */
  const char  *default_json;  /* the default, as JSON */
  const char  *description;
  const char  *values;        /* the allowed values, or NULL */
  const char  *introduced_in; /* or NULL */
  gboolean     hidden;        /* Flags::Uncommon */
  gboolean     coordinator_and_single; /* only on those, else everywhere */
  ValueSource  source;
} Option;

static const Option options[] = {
  { "log.recording-api-enabled", "string", "\"true\"",
    "Whether the recording API is enabled (true) or not (false), or only enabled for the superuser (jwt).",
    NULL, NULL, FALSE, FALSE, VALUE_DEFAULT },
  { "server.api-call-recording", "boolean", "true",
    "Whether to record recent API calls for debugging purposes.",
    NULL, NULL, TRUE, FALSE, VALUE_DEFAULT },
  { "server.aql-query-recording", "boolean", "true",
    "Whether to record recent AQL queries for debugging purposes.",
    NULL, NULL, TRUE, FALSE, VALUE_DEFAULT },
  { "server.authentication", "boolean", "true",
    "Whether to use authentication for all client requests.",
    NULL, NULL, FALSE, FALSE, VALUE_AUTHENTICATION },
  { "server.authentication-system-only", "boolean", "true",
    "Use HTTP authentication only for requests to /_api and /_admin endpoints.",
    NULL, NULL, FALSE, FALSE, VALUE_DEFAULT },
  { "server.authentication-timeout", "double", "0",
    "The timeout for the authentication cache (in seconds, 0 = indefinitely).",
    NULL, NULL, FALSE, FALSE, VALUE_DEFAULT },
  { "server.jwt-secret-folder", "string", "\"\"",
    "A folder containing one or more JWT secret files to use for JWT authentication.",
    NULL, NULL, FALSE, FALSE, VALUE_DEFAULT },
  { "server.jwt-secret-keyfile", "string", "\"\"",
    "A file containing the JWT secret to use when doing JWT authentication.",
    NULL, NULL, FALSE, FALSE, VALUE_DEFAULT },
  { "server.options-api", "string", "\"jwt\"",
    "The policy for exposing the options API.",
    "Possible values: \"admin\", \"disabled\", \"jwt\", \"public\"", "v3.12.0", FALSE, FALSE, VALUE_DEFAULT },
  { "server.session-timeout", "double", "3600",
    "The lifetime for tokens (in seconds) that can be obtained from the `POST /_open/auth` "
    "endpoint. Used by the web interface for JWT-based sessions.",
    NULL, "v3.9.0", FALSE, TRUE, VALUE_SESSION_TIMEOUT },
  { "server.support-info-api", "string", "\"admin\"",
    "The policy for exposing the support info and also the telemetrics API.",
    "Possible values: \"admin\", \"disabled\", \"jwt\", \"public\"", "v3.9.0", FALSE, FALSE, VALUE_DEFAULT },
};

/* The option names that ProgramOptions' default filter keeps out of
 * /_admin/options (they may name credentials). */
static gboolean
is_sensitive (const char *name)
{
  return strstr (name, "passwd") != NULL || strstr (name, "password") != NULL ||
         strstr (name, "secret") != NULL;
}

static JsonNode *
parse_json (const char *text)
{
  return json_from_string (text, NULL);
}

static JsonNode *
effective_value (EmuState     *state,
                 const Option *option)
{
  switch (option->source)
    {
    case VALUE_AUTHENTICATION:
      return json_node_init_boolean (json_node_alloc (), emu_state_auth_enabled (state));
    case VALUE_SESSION_TIMEOUT:
      return json_node_init_double (json_node_alloc (), state->jwt_ttl);
    case VALUE_DEFAULT:
    default:
      return parse_json (option->default_json);
    }
}

/* RestOptionsBaseHandler::checkAuthentication under the "jwt" policy:
 * the superuser only, and only from _system. The handlers exist from
 * 3.12.0 on; before, the path is unknown. */
static gboolean
check_access (EmuRequest *req)
{
  if (!emu_state_version_at_least (req->state, 3, 12, 0))
    {
      emu_router_reply_unknown_path (req);
      return FALSE;
    }
  if (!req->superuser)
    {
      emu_reply_error (req->msg, SOUP_STATUS_FORBIDDEN, EMU_ERROR_HTTP_FORBIDDEN,
                       "insufficient permissions");
      return FALSE;
    }
  if (!g_str_equal (req->database, "_system"))
    {
      emu_reply_error (req->msg, SOUP_STATUS_FORBIDDEN, EMU_ERROR_ARANGO_USE_SYSTEM_DATABASE, NULL);
      return FALSE;
    }
  return TRUE;
}

/* The options' names mapped to their effective values. */
static void
handle_options (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint i;

  if (!check_access (req))
    return;
  json_builder_begin_object (builder);
  for (i = 0; i < G_N_ELEMENTS (options); i++)
    if (!is_sensitive (options[i].name))
      {
        json_builder_set_member_name (builder, options[i].name);
        json_builder_add_value (builder, effective_value (req->state, &options[i]));
      }
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
add_string_array (JsonBuilder        *builder,
                  const char         *name,
                  const char * const *items)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (; *items != NULL; items++)
    json_builder_add_string_value (builder, *items);
  json_builder_end_array (builder);
}

/* One option as ProgramOptions::toVelocyPack describes it. */
static void
add_description (JsonBuilder  *builder,
                 const Option *option)
{
  static const char * const linux_only[] = { "linux", NULL };
  static const char * const everywhere[] = { "coordinator", "dbserver", "agent", "single", NULL };
  static const char * const serving[] = { "coordinator", "single", NULL };
  g_autofree char *section = g_strndup (option->name, strcspn (option->name, "."));
  gboolean is_boolean = g_str_equal (option->type, "boolean");

  json_builder_set_member_name (builder, option->name);
  json_builder_begin_object (builder);
  emu_json_add_string (builder, "section", section);
  emu_json_add_string (builder, "description", option->description);
  emu_json_add_string (builder, "category", "option");
  emu_json_add_boolean (builder, "hidden", option->hidden);
  emu_json_add_string (builder, "type", option->type);
  emu_json_add_boolean (builder, "experimental", FALSE);
  emu_json_add_boolean (builder, "obsolete", FALSE);
  emu_json_add_boolean (builder, "enterpriseOnly", FALSE);
  /* A boolean option alone on the command line means true. */
  emu_json_add_boolean (builder, "requiresValue", !is_boolean);
  add_string_array (builder, "os", linux_only);
  add_string_array (builder, "component", option->coordinator_and_single ? serving : everywhere);
  if (option->introduced_in != NULL)
    {
      const char * const versions[] = { option->introduced_in, NULL };

      add_string_array (builder, "introducedIn", versions);
    }
  else
    emu_json_add_null (builder, "introducedIn");
  emu_json_add_null (builder, "deprecatedIn");
  if (option->values != NULL)
    emu_json_add_string (builder, "values", option->values);
  json_builder_set_member_name (builder, "default");
  json_builder_add_value (builder, parse_json (option->default_json));
  emu_json_add_boolean (builder, "dynamic", FALSE);
  emu_json_add_boolean (builder, "required", FALSE);
  json_builder_end_object (builder);
}

/* Every option, the sensitive ones too: descriptions hold no values. The
 * handler takes any method. */
static void
handle_options_description (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint i;

  if (!check_access (req))
    return;
  json_builder_begin_object (builder);
  for (i = 0; i < G_N_ELEMENTS (options); i++)
    add_description (builder, &options[i]);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static const EmuRoute admin_options_routes[] = {
  { "GET", "/_admin/options", handle_options },
  { "GET", "/_admin/options-description", handle_options_description },
  { "POST", "/_admin/options-description", handle_options_description },
  { "PUT", "/_admin/options-description", handle_options_description },
  { "PATCH", "/_admin/options-description", handle_options_description },
  { "DELETE", "/_admin/options-description", handle_options_description },
};

void
emu_admin_options_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, admin_options_routes, G_N_ELEMENTS (admin_options_routes));
}
