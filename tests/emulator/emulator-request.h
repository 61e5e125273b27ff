/* emulator-request.h: one request as the endpoint handlers see it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "emulator-state.h"

G_BEGIN_DECLS

typedef struct _EmuRequest EmuRequest;

struct _EmuRequest {
  EmuState          *state;
  EmuCoordinator    *coordinator;   /* NULL on the control surface */
  SoupServerMessage *msg;
  const char        *method;
  char              *raw_path;      /* as sent, without the query */
  char              *path;          /* after the /_db/{name} prefix, still encoded */
  char              *database;      /* decoded name, "_system" without prefix */
  char             **segments;      /* decoded segments of path */
  GHashTable        *query;         /* decoded name -> value, never NULL */
  GHashTable        *params;        /* route parameters, never NULL */
  GBytes            *body;          /* never NULL */
  char              *user;          /* authenticated user name, if any */
  gboolean           superuser;     /* superuser token, or authentication off */
};

EmuRequest *emu_request_new            (EmuState          *state,
                                        EmuCoordinator    *coordinator,
                                        SoupServerMessage *msg);
void        emu_request_free           (EmuRequest        *req);

const char *emu_request_get_param      (EmuRequest        *req,
                                        const char        *name);
const char *emu_request_get_query      (EmuRequest        *req,
                                        const char        *name);
gboolean    emu_request_get_query_bool (EmuRequest        *req,
                                        const char        *name,
                                        gboolean           default_value);
const char *emu_request_get_header     (EmuRequest        *req,
                                        const char        *name);
JsonNode   *emu_request_parse_body     (EmuRequest        *req);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmuRequest, emu_request_free)

G_END_DECLS
