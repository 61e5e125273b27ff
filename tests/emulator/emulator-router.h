/* emulator-router.h: from a request to the handler of its endpoint
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "emulator-request.h"
#include "emulator-state.h"

G_BEGIN_DECLS

typedef void (*EmuHandler) (EmuRequest *req);

/* pattern: "/_admin/cluster/maintenance/{id}"; a "{name}" segment matches
 * any one segment and is available through emu_request_get_param(); a
 * last segment EMU_ROUTE_REST matches any number of segments, none too. */
#define EMU_ROUTE_REST "{...}"

typedef struct {
  const char *method;
  const char *pattern;
  EmuHandler  handler;
} EmuRoute;

typedef enum {
  EMU_ROUTE_FOUND,
  EMU_ROUTE_NOT_FOUND,
  EMU_ROUTE_WRONG_METHOD,
} EmuRouteResult;

EmuRouter      *emu_router_new               (void);
void            emu_router_free              (EmuRouter         *router);
void            emu_router_add_routes        (EmuRouter         *router,
                                              const EmuRoute    *routes,
                                              gsize              n_routes);
EmuRouteResult  emu_router_route             (EmuRouter         *router,
                                              EmuRequest        *req);
void            emu_router_register_families (EmuRouter         *router);
void            emu_router_reply_unknown_path (EmuRequest       *req);

void            emu_router_handle_arango     (EmuState          *state,
                                              EmuCoordinator    *coordinator,
                                              SoupServerMessage *msg);

#define EMU_FAMILY(name) void emu_##name##_register_routes (EmuRouter *router);
#include "emulator-families.h"
#undef EMU_FAMILY

G_END_DECLS
