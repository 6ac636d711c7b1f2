#!/usr/bin/env bash
# Native AOT cold start: publishes samples/AuthClient.Samples.Aot (as CI does), starts a minimal Kestrel server on
# 127.0.0.1 once (tests/AuthClient.Benchmarks, canned JSON), runs the binary RUNS times (default 20) against it and
# prints each run, the median and p90 of process start → login answered and → exit, and the binary's size; then the same
# for tests/AuthClient.AotFloor (the login sent by a bare HttpClient, same publish settings): the floor to compare with;
# and for tests/AuthClient.AotDesignFloor (the same login through DI, IHttpClientFactory, Refit and Polly only): the
# floor the fixed design sets.
# Usage: .ci/aot-cold-start.sh [runs]     (needs what the CI's Native AOT step needs: clang or gcc, and zlib)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
runs="${1:-20}"
rid="linux-x64"
dotnet publish samples/AuthClient.Samples.Aot -c Release -r "$rid" -tl:off -v q
aot_bin="$PWD/samples/AuthClient.Samples.Aot/bin/Release/net10.0/$rid/publish/authclient-aot"
[ -x "$aot_bin" ] || { echo "no native binary at $aot_bin" >&2; exit 1; }
printf 'machine: %s cores, %s; load average %s\n' "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" "$(cut -d' ' -f1-3 /proc/loadavg)"
dotnet publish tests/AuthClient.AotFloor -c Release -f net10.0 -r "$rid" -tl:off -v q
floor_bin="$PWD/tests/AuthClient.AotFloor/bin/Release/net10.0/$rid/publish/authclient-aot-floor"
dotnet publish tests/AuthClient.AotDesignFloor -c Release -f net10.0 -r "$rid" -tl:off -v q
design_bin="$PWD/tests/AuthClient.AotDesignFloor/bin/Release/net10.0/$rid/publish/authclient-aot-design-floor"
dotnet build -c Release tests/AuthClient.Benchmarks -tl:off -v q
bench="tests/AuthClient.Benchmarks/bin/Release/net10.0/AuthClient.Benchmarks.dll"
echo "== AuthClient's AOT sample"
dotnet "$bench" --aot-cold-start "$aot_bin" --runs "$runs"
echo "== the floor: a bare HttpClient sending the same login"
dotnet "$bench" --aot-cold-start "$floor_bin" --runs "$runs"
echo "== the fixed design's floor: the same login through DI, IHttpClientFactory, Refit and Polly, nothing of AuthClient's"
dotnet "$bench" --aot-cold-start "$design_bin" --runs "$runs"
