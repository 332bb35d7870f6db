#!/bin/sh
# Long fuzz run: the property tests of tests/Comms.Core.Tests/Fuzz with many more cases (default 50x, about 70,000).
# A failure prints the input and FsCheck's seed; add the input to ReaderFuzzTests.Regressions.
set -eu
cd "$(dirname "$0")/.."
COMMS_FUZZ_SCALE="${1:-50}" dotnet test tests/Comms.Core.Tests -c Release --filter "FullyQualifiedName~Fuzz"
