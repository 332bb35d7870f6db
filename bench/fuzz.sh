#!/bin/sh
# Long fuzz run: the property tests of tests/Comms.Core.Tests/Fuzz (readers, Markdown escaper) and
# tests/Comms.Cli.Tests/BuildFuzzTests (`comms build` end to end) with many more cases (default 50x).
# A failure prints the input and FsCheck's seed; add the input to ReaderFuzzTests.Regressions or BuildFuzzTests.Regressions.
set -eu
cd "$(dirname "$0")/.."
COMMS_FUZZ_SCALE="${1:-50}" dotnet test tests/Comms.Core.Tests -c Release --filter "FullyQualifiedName~Fuzz"
COMMS_FUZZ_SCALE="${1:-50}" dotnet test tests/Comms.Cli.Tests -c Release --filter "FullyQualifiedName~BuildFuzz" --logger "console;verbosity=detailed"
