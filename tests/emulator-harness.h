/* emulator-harness.h: run the ArangoDB emulator from a GTest program
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The emulator binary comes from $ARANGO_EMULATOR (the meson test
 * environment points it at the built arango-emulator), else from PATH.
 * All calls are synchronous and need no main loop; failures to talk to the
 * emulator abort the test with g_error().
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _EmulatorProcess EmulatorProcess;

/* user NULL: authentication off. */
EmulatorProcess *emulator_process_start               (guint               n_coordinators,
                                                       const char         *user,
                                                       const char         *password);
/* extra_args: the command line after the program name, NULL-terminated. */
EmulatorProcess *emulator_process_start_with_args     (const char * const *extra_args);

/* The first output line: the coordinator URLs, comma-separated. */
const char      *emulator_process_get_hosts           (EmulatorProcess    *self);
const char      *emulator_process_get_host            (EmulatorProcess    *self,
                                                       guint               index);
guint            emulator_process_get_n_hosts         (EmulatorProcess    *self);

/* path_and_query: e.g. "/_control/coordinators/0/fault?kind=hang".
 * Returns the parsed reply (transfer full), whatever its status. */
JsonNode        *emulator_process_control             (EmulatorProcess    *self,
                                                       const char         *method,
                                                       const char         *path_and_query,
                                                       const char         *json_body);

guint            emulator_process_get_request_count   (EmulatorProcess    *self,
                                                       guint               index);
guint            emulator_process_get_connection_count (EmulatorProcess   *self,
                                                        guint              index);
/* count 0: until changed; ms: delay of the "slow" fault. */
void             emulator_process_set_fault           (EmulatorProcess    *self,
                                                       guint               index,
                                                       const char         *kind,
                                                       guint               count,
                                                       guint               ms);
void             emulator_process_stop_coordinator    (EmulatorProcess    *self,
                                                       guint               index);
void             emulator_process_start_coordinator   (EmulatorProcess    *self,
                                                       guint               index);

/* Sends SIGTERM, waits for the process and frees everything. */
void             emulator_process_free                (EmulatorProcess    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmulatorProcess, emulator_process_free)

G_END_DECLS
