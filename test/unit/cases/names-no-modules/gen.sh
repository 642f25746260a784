#!/bin/sh
# The objects of test/unit/cases/names with an empty modules_thick: object
# names and no module names.
exec "$(dirname "$0")/../names/gen.sh" "$1" nomodules
