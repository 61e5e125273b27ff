/* emulator-families.h: the endpoint families of the emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * No include guard on purpose: emulator-router.{h,c} include this list with
 * different definitions of EMU_FAMILY to declare and to call each family's
 * registration function.
 *
 * Adding a family: write emulator-<name>.c defining
 *   void emu_<name>_register_routes (EmuRouter *router);
 * add one EMU_FAMILY (<name>) line below, and the file to meson.build.
 */

EMU_FAMILY (admin)
EMU_FAMILY (admin_log)
EMU_FAMILY (admin_options)
EMU_FAMILY (admin_secrets)
EMU_FAMILY (admin_server)
EMU_FAMILY (api_calls)
EMU_FAMILY (aqlfunction)
EMU_FAMILY (auth)
EMU_FAMILY (backups)
EMU_FAMILY (cluster)
EMU_FAMILY (collections)
EMU_FAMILY (collection_state)
EMU_FAMILY (cursors)
EMU_FAMILY (databases)
EMU_FAMILY (documents)
EMU_FAMILY (echo)
EMU_FAMILY (edges)
EMU_FAMILY (gharial)
EMU_FAMILY (gharial_elements)
EMU_FAMILY (import)
EMU_FAMILY (indexes)
EMU_FAMILY (jobs)
EMU_FAMILY (queries)
EMU_FAMILY (shards)
EMU_FAMILY (transactions)
EMU_FAMILY (users)
EMU_FAMILY (tokens)
EMU_FAMILY (views)
EMU_FAMILY (analyzers)
EMU_FAMILY (query_cache)
EMU_FAMILY (query_tracking)
EMU_FAMILY (replication)
EMU_FAMILY (tasks)
EMU_FAMILY (transactions)
EMU_FAMILY (wal)
