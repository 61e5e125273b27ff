/* arango-error.c: error domains
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "arango-error.h"

G_DEFINE_QUARK (arango-error-quark, arango_error)
G_DEFINE_QUARK (arango-server-error-quark, arango_server_error)
