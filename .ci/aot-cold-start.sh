#!/usr/bin/env bash
# Native AOT cold start: publishes samples/AuthClient.Samples.Aot (as CI does), starts a minimal Kestrel server on
# 127.0.0.1 once (tests/AuthClient.Benchmarks, canned JSON), runs the binary RUNS times (default 20) against it and
# prints each run, the median and p90 of process start → login answered and → exit, and the binary's size.
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
dotnet run -c Release --project tests/AuthClient.Benchmarks -- --aot-cold-start "$aot_bin" --runs "$runs"
