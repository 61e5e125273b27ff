#!/usr/bin/python3
# check-vapi-nullable.py: the VAPI types a property nullable exactly where
# the GIR's getter returns nullable
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""Usage: check-vapi-nullable.py GIR VAPI METADATA

g-ir-scanner 1.74 writes no nullable on a property, and vapigen types a
property from the property, not from its getter, so Arango-1.0.metadata
lists by hand each property whose getter returns (nullable). Nothing else
notices a missing entry: this fails naming every property whose getter
is nullable="1" in the GIR and that the VAPI does not type with "?", and
every "#property nullable" entry of the metadata that names no property
of the GIR, or one whose getter is not nullable. A VAPI older than the
metadata fails too: it was not made from it.

Python's standard library only; the paths come from meson.
"""

import os
import re
import sys
import xml.etree.ElementTree as ElementTree

CORE = '{http://www.gtk.org/introspection/core/1.0}'
GLIB = '{http://www.gtk.org/introspection/glib/1.0}'

# vapigen writes a type at one tab, its members at two.
VAPI_TYPE = re.compile(r'^\t(?:public\s+)?(?:(?:abstract|sealed)\s+)*(?:class|interface)\s+(\w+)\b')
VAPI_PROPERTY = re.compile(r'^\t\tpublic\s+(?:(?:abstract|virtual|override|unowned)\s+)*'
                           r'(\S+)\s+(\w+)\s*\{[^}]*\bget\b[^}]*\}')
# Type.name#property nullable (or nullable=true), as vapigen reads it.
METADATA_ENTRY = re.compile(r'^(\w+)\.(\w+)#property\s+(.*)$')
NULLABLE_ARGUMENT = re.compile(r'(?:^|\s)nullable(?:\s*=\s*true)?(?:\s|$)')


def getter_of(node, prop):
    """The <method> that gets @prop: named by getter=, else the one with
    glib:get-property; None when it has none."""
    methods = node.findall(CORE + 'method')
    for method in methods:
        if method.get('name') == prop.get('getter'):
            return method
    for method in methods:
        if method.get(GLIB + 'get-property') == prop.get('name'):
            return method
    return None


def gir_properties(path):
    """{('Type', 'name_with_underscores'): whether its getter returns
    nullable} for every property of a class or interface."""
    namespace = ElementTree.parse(path).getroot().find(CORE + 'namespace')
    found = {}
    for kind in ('class', 'interface'):
        for node in namespace.findall(CORE + kind):
            for prop in node.findall(CORE + 'property'):
                getter = getter_of(node, prop)
                result = getter.find(CORE + 'return-value') if getter is not None else None
                found[(node.get('name'), prop.get('name').replace('-', '_'))] = (
                    result is not None and result.get('nullable') == '1')
    return found


def vapi_property_types(path):
    """{('Type', 'name'): 'its type as the VAPI writes it'}."""
    types = {}
    owner = None
    with open(path, encoding='utf-8') as vapi:
        for line in vapi:
            match = VAPI_TYPE.match(line)
            if match:
                owner = match.group(1)
                continue
            match = VAPI_PROPERTY.match(line)
            if match and owner is not None:
                types[(owner, match.group(2))] = match.group(1)
    return types


def metadata_entries(path):
    """[(line number, 'Type', 'name')] of the "#property nullable" entries."""
    entries = []
    with open(path, encoding='utf-8') as metadata:
        for number, line in enumerate(metadata, 1):
            match = METADATA_ENTRY.match(line.split('//')[0].strip())
            if match and NULLABLE_ARGUMENT.search(match.group(3)):
                entries.append((number, match.group(1), match.group(2)))
    return entries


def main(gir_path, vapi_path, metadata_path):
    properties = gir_properties(gir_path)
    types = vapi_property_types(vapi_path)
    entries = metadata_entries(metadata_path)
    problems = []

    # A VAPI older than the metadata was not made from it, and would pass:
    # the build lost the metadata as an input of the VAPI.
    if os.path.getmtime(metadata_path) > os.path.getmtime(vapi_path):
        problems.append(f'{vapi_path} is older than {metadata_path}: the build did not '
                        'remake it after the metadata changed; is the metadata still '
                        'an input of the VAPI target in arango-glib/meson.build?')

    nullable = sorted(key for key, getter_nullable in properties.items() if getter_nullable)
    for owner, name in nullable:
        vapi_type = types.get((owner, name))
        if vapi_type is None:
            problems.append(f'{owner}:{name}: its getter returns (nullable), '
                            'and the VAPI has no such property')
        elif not vapi_type.endswith('?'):
            problems.append(f'{owner}:{name}: its getter returns (nullable), but the VAPI '
                            f'types it {vapi_type}: add "{owner}.{name}#property nullable" '
                            'to the metadata')

    for number, owner, name in entries:
        if (owner, name) not in properties:
            problems.append(f'{metadata_path}:{number}: {owner}.{name} is no property of the GIR')
        elif not properties[(owner, name)]:
            problems.append(f'{metadata_path}:{number}: {owner}.{name}: its getter does not '
                            'return (nullable), or it has none')

    for problem in problems:
        print(problem, file=sys.stderr)
    print(f'{len(nullable)} properties with a nullable getter, '
          f'{len(entries)} metadata entries, {len(problems)} problems')
    return 1 if problems else 0


if __name__ == '__main__':
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
