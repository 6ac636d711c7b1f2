#!/usr/bin/env bash
# CI check of the console sample (the product's main job), end to end:
#   1. the embedded journey: emulator + webhook receiver in one process, 15 steps, must exit 0;
#   2. the remote journey against the standalone sandbox server (samples/AuthClient.Sandbox) on a free port, for a
#      user without factors (SMS enrolment) and one with SMS already active, must exit 0.
# Every command runs under `timeout`; the sandbox is stopped on any exit.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

console=samples/AuthClient.Samples.Console
sandbox_project=samples/AuthClient.Sandbox
sandbox_dll="$sandbox_project/bin/Debug/net10.0/AuthClient.Sandbox.dll"
work="$(mktemp -d)"
sandbox_pid=""

step() { printf '\n==== %s ====\n' "$*"; }

stop_sandbox() {
  if [[ -n "$sandbox_pid" ]] && kill -0 "$sandbox_pid" 2>/dev/null; then
    kill -TERM "$sandbox_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$sandbox_pid" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL "$sandbox_pid" 2>/dev/null || true
    wait "$sandbox_pid" 2>/dev/null || true
  fi
  sandbox_pid=""
}

on_exit() {
  local status=$?
  stop_sandbox
  if [[ $status -ne 0 && -s "$work/sandbox.out" ]]; then
    echo "---- sandbox output ----"
    cat "$work/sandbox.out"
  fi
  rm -rf "$work"
  exit $status
}
trap on_exit EXIT

step "build the console sample and the sandbox server once"
timeout 900 dotnet build "$console" -c Debug
timeout 900 dotnet build "$sandbox_project" -c Debug

step "console sample, embedded mode (must exit 0)"
timeout 180 dotnet run --no-build -c Debug --project "$console"

step "standalone sandbox on a free port"
# Run the built app itself (not `dotnet run`), so SIGTERM reaches it; `timeout` bounds it even if the trap never runs.
timeout 600 dotnet "$sandbox_dll" --port 0 >"$work/sandbox.out" 2>&1 &
sandbox_pid=$!
for _ in $(seq 1 300); do
  grep -q '^Sandbox listening on ' "$work/sandbox.out" && break
  if ! kill -0 "$sandbox_pid" 2>/dev/null; then
    echo "the sandbox exited before listening" >&2
    exit 1
  fi
  sleep 0.2
done
grep -m1 '^Sandbox listening on ' "$work/sandbox.out" || { echo "the sandbox did not start within 60 s" >&2; exit 1; }

# The sandbox prints its demo values on one machine-friendly line: "Sandbox env: KEY=value KEY=value ...".
env_line="$(grep -m1 '^Sandbox env: ' "$work/sandbox.out" || true)"
[[ -n "$env_line" ]] || { echo "the sandbox printed no 'Sandbox env:' line" >&2; exit 1; }
env_value() { tr ' ' '\n' <<<"${env_line#Sandbox env: }" | sed -n "s/^$1=//p" | head -n1; }
base_url="$(env_value WEAVR_BASE_URL)"
api_key="$(env_value WEAVR_API_KEY)"
password="$(env_value DEMO_PASSWORD)"
for name in base_url api_key password; do
  [[ -n "${!name}" ]] || { echo "could not read $name from the sandbox output" >&2; exit 1; }
done

for user_var in DEMO_NEW_USER DEMO_SMS_USER; do
  email="$(env_value "$user_var")"
  [[ -n "$email" ]] || { echo "could not read $user_var from the sandbox output" >&2; exit 1; }
  step "console sample, remote mode against $base_url as $email (must exit 0)"
  timeout 120 dotnet run --no-build -c Debug --project "$console" -- \
    --base-url "$base_url" --api-key "$api_key" --email "$email" --password "$password"
done

kill -0 "$sandbox_pid" 2>/dev/null || { echo "the sandbox died during the run" >&2; exit 1; }
stop_sandbox

step "sample e2e passed"
