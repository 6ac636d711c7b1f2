#!/usr/bin/env bash
# Native AOT cold start: publishes samples/AuthClient.Samples.Aot (as CI does), starts a minimal Kestrel server on
# 127.0.0.1 once (tests/AuthClient.Benchmarks, canned JSON) and runs it RUNS times (default 20) against it, taking
# turns in blocks of 5 with two floors published with the same settings: tests/AuthClient.AotFloor (the login sent by
# a bare HttpClient) and tests/AuthClient.AotDesignFloor (the same login through DI, IHttpClientFactory, Refit and Polly
# only: the floor the fixed design sets). Prints each run, then per binary the median and p90 of process start → login
# answered and → exit, its CPU time and its size.
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
# All three in one run, taking turns in blocks of 5 runs, so each sees the same moments of a shared machine.
dotnet "$bench" --aot-cold-start "$aot_bin" "$floor_bin" "$design_bin" --runs "$runs"
