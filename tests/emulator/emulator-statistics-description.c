/* emulator-statistics-description.c: what the figures of /_admin/statistics mean
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The groups and figures a 3.12 server describes at
 * GET /_admin/statistics-description, in its order and words
 * (3.12/RestAdminStatisticsDescription1_single.json); before 3.12, three
 * descriptions still spoke of Windows (3.11/…).
 */

#include "emulator-admin.h"

#include "emulator-reply.h"

typedef struct {
  const char *group;
  const char *name;
  const char *description;
} DescriptionGroup;

typedef struct {
  const char    *group;
  const char    *identifier;
  const char    *name;
  const char    *description;
  const char    *type;
  const char    *units;
  const gdouble *cuts;    /* NULL: not a distribution */
  gsize          n_cuts;
} DescriptionFigure;

static const gdouble time_cuts[] = { 0.01, 0.05, 0.1, 0.2, 0.5, 1, 5, 15, 30 };
static const gdouble connection_cuts[] = { 0.1, 1, 60 };
static const gdouble size_cuts[] = { 250, 1000, 2000, 5000, 10000 };

static const DescriptionGroup groups[] = {
  { "system", "Process Statistics",
    "Statistics about the ArangoDB process" },
  { "client", "Client Connection Statistics",
    "Statistics about the connections." },
  { "clientUser", "Client User Connection Statistics",
    "Statistics about the connections, only user traffic (ignoring superuser JWT traffic)." },
  { "http", "HTTP Request Statistics",
    "Statistics about the HTTP requests." },
  { "server", "Server Statistics",
    "Statistics about the ArangoDB server" },
};

static const DescriptionFigure figures[] = {
  { "system", "userTime", "User Time",
    "Amount of time that this process has been scheduled in user mode, measured in seconds.",
    "accumulated", "seconds", NULL, 0 },
  { "system", "systemTime", "System Time",
    "Amount of time that this process has been scheduled in kernel mode, measured in seconds.",
    "accumulated", "seconds", NULL, 0 },
  { "system", "numberOfThreads", "Number of Threads",
    "Number of threads in the arangod process.",
    "current", "number", NULL, 0 },
  { "system", "residentSize", "Resident Set Size",
    "The total size of the number of pages the process has in real memory. This is just the pages which count toward text, data, or stack space. This does not include pages which have not been demand-loaded in, or which are swapped out. The resident set size is reported in bytes.",
    "current", "bytes", NULL, 0 },
  { "system", "residentSizePercent", "Resident Set Size",
    "The percentage of physical memory used by the process as resident set size.",
    "current", "percent", NULL, 0 },
  { "system", "virtualSize", "Virtual Memory Size",
    "This figure contains The size of the virtual memory the process is using.",
    "current", "bytes", NULL, 0 },
  { "system", "minorPageFaults", "Minor Page Faults",
    "The number of minor faults the process has made which have not required loading a memory page from disk.",
    "accumulated", "number", NULL, 0 },
  { "system", "majorPageFaults", "Major Page Faults",
    "This figure contains the number of major faults the process has made which have required loading a memory page from disk.",
    "accumulated", "number", NULL, 0 },
  { "client", "httpConnections", "Client Connections",
    "The number of connections that are currently open.",
    "current", "number", NULL, 0 },
  { "client", "totalTime", "Total Time",
    "Total time needed to answer a request.",
    "distribution", "seconds", time_cuts, G_N_ELEMENTS (time_cuts) },
  { "client", "requestTime", "Request Time",
    "Request time needed to answer a request.",
    "distribution", "seconds", time_cuts, G_N_ELEMENTS (time_cuts) },
  { "client", "queueTime", "Queue Time",
    "Queue time needed to answer a request.",
    "distribution", "seconds", time_cuts, G_N_ELEMENTS (time_cuts) },
  { "client", "bytesSent", "Bytes Sent",
    "Bytes sents for a request.",
    "distribution", "bytes", size_cuts, G_N_ELEMENTS (size_cuts) },
  { "client", "bytesReceived", "Bytes Received",
    "Bytes received for a request.",
    "distribution", "bytes", size_cuts, G_N_ELEMENTS (size_cuts) },
  { "client", "connectionTime", "Connection Time",
    "Total connection time of a client.",
    "distribution", "seconds", connection_cuts, G_N_ELEMENTS (connection_cuts) },
  { "clientUser", "httpConnections", "Client Connections",
    "The number of connections that are currently open (only user traffic).",
    "current", "number", NULL, 0 },
  { "clientUser", "totalTime", "Total Time",
    "Total time needed to answer a request (only user traffic).",
    "distribution", "seconds", time_cuts, G_N_ELEMENTS (time_cuts) },
  { "clientUser", "requestTime", "Request Time",
    "Request time needed to answer a request (only user traffic).",
    "distribution", "seconds", time_cuts, G_N_ELEMENTS (time_cuts) },
  { "clientUser", "queueTime", "Queue Time",
    "Queue time needed to answer a request (only user traffic).",
    "distribution", "seconds", time_cuts, G_N_ELEMENTS (time_cuts) },
  { "clientUser", "bytesSent", "Bytes Sent",
    "Bytes sents for a request (only user traffic).",
    "distribution", "bytes", size_cuts, G_N_ELEMENTS (size_cuts) },
  { "clientUser", "bytesReceived", "Bytes Received",
    "Bytes received for a request (only user traffic).",
    "distribution", "bytes", size_cuts, G_N_ELEMENTS (size_cuts) },
  { "clientUser", "connectionTime", "Connection Time",
    "Total connection time of a client (only user traffic).",
    "distribution", "seconds", connection_cuts, G_N_ELEMENTS (connection_cuts) },
  { "http", "requestsTotal", "Total requests",
    "Total number of HTTP requests.",
    "accumulated", "number", NULL, 0 },
  { "http", "requestsSuperuser", "Total superuser requests",
    "Total number of HTTP requests executed by superuser/JWT.",
    "accumulated", "number", NULL, 0 },
  { "http", "requestsUser", "Total user requests",
    "Total number of HTTP requests executed by clients.",
    "accumulated", "number", NULL, 0 },
  { "http", "requestsAsync", "Async requests",
    "Number of asynchronously executed HTTP requests.",
    "accumulated", "number", NULL, 0 },
  { "http", "requestsGet", "HTTP GET requests",
    "Number of HTTP GET requests.",
    "accumulated", "number", NULL, 0 },
  { "http", "requestsHead", "HTTP HEAD requests",
    "Number of HTTP HEAD requests.",
    "accumulated", "number", NULL, 0 },
  { "http", "requestsPost", "HTTP POST requests",
    "Number of HTTP POST requests.",
    "accumulated", "number", NULL, 0 },
  { "http", "requestsPut", "HTTP PUT requests",
    "Number of HTTP PUT requests.",
    "accumulated", "number", NULL, 0 },
  { "http", "requestsPatch", "HTTP PATCH requests",
    "Number of HTTP PATCH requests.",
    "accumulated", "number", NULL, 0 },
  { "http", "requestsDelete", "HTTP DELETE requests",
    "Number of HTTP DELETE requests.",
    "accumulated", "number", NULL, 0 },
  { "http", "requestsOptions", "HTTP OPTIONS requests",
    "Number of HTTP OPTIONS requests.",
    "accumulated", "number", NULL, 0 },
  { "http", "requestsOther", "other HTTP requests",
    "Number of other HTTP requests.",
    "accumulated", "number", NULL, 0 },
  { "server", "uptime", "Server Uptime",
    "Number of seconds elapsed since server start.",
    "current", "seconds", NULL, 0 },
  { "server", "physicalMemory", "Physical Memory",
    "Physical memory in bytes.",
    "current", "bytes", NULL, 0 },
};

/* Until 3.12 dropped Windows, these figures said how they differ there. */
static const struct {
  const char *identifier;
  const char *description;
} windows_descriptions[] = {
  { "virtualSize", "On Windows, this figure contains the total amount of memory that the memory manager has committed for the arangod process. On other systems, this figure contains The size of the virtual memory the process is using." },
  { "minorPageFaults", "The number of minor faults the process has made which have not required loading a memory page from disk. This figure is not reported on Windows." },
  { "majorPageFaults", "On Windows, this figure contains the total number of page faults. On other system, this figure contains the number of major faults the process has made which have required loading a memory page from disk." },
};

static const char *
description_of (EmuState                *state,
                const DescriptionFigure *figure)
{
  if (!emu_state_version_at_least (state, 3, 12, 0))
    for (gsize i = 0; i < G_N_ELEMENTS (windows_descriptions); i++)
      if (g_str_equal (windows_descriptions[i].identifier, figure->identifier))
        return windows_descriptions[i].description;
  return figure->description;
}

JsonNode *
emu_admin_statistics_description_body (EmuState *state)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gsize i, j;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "groups");
  json_builder_begin_array (builder);
  for (i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      json_builder_begin_object (builder);
      emu_json_add_string (builder, "group", groups[i].group);
      emu_json_add_string (builder, "name", groups[i].name);
      emu_json_add_string (builder, "description", groups[i].description);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "figures");
  json_builder_begin_array (builder);
  for (i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      json_builder_begin_object (builder);
      emu_json_add_string (builder, "group", figures[i].group);
      emu_json_add_string (builder, "identifier", figures[i].identifier);
      emu_json_add_string (builder, "name", figures[i].name);
      emu_json_add_string (builder, "description", description_of (state, &figures[i]));
      emu_json_add_string (builder, "type", figures[i].type);
      if (figures[i].cuts != NULL)
        {
          json_builder_set_member_name (builder, "cuts");
          json_builder_begin_array (builder);
          for (j = 0; j < figures[i].n_cuts; j++)
            json_builder_add_double_value (builder, figures[i].cuts[j]);
          json_builder_end_array (builder);
        }
      emu_json_add_string (builder, "units", figures[i].units);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  emu_json_add_ok (builder, SOUP_STATUS_OK);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
