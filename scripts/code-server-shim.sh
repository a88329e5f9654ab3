#!/usr/bin/env bash
# A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }): maps the
# arguments runTests passes (--extensionDevelopmentPath=, --extensionTestsPath=, a folder) onto code-server.
exec node "$(dirname "$0")/run-tests-in-code-server.mjs" "$@"
