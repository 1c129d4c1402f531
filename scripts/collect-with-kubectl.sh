#!/usr/bin/env bash
# Writes a kubepci snapshot of a cluster with kubectl alone, for clients who will not run kubepci against their
# cluster: hand the file to the assessor, who runs 'kubepci scan FILE'. The snapshot has the format
# 'kubepci collect' writes (gzip-compressed JSON lines: a header, one object per line, a trailer with the outcome
# of every kind) and scans with the same results.
#
# Requires: bash 4+, kubectl 1.21+, jq 1.6+, gzip, curl 7.40+ (curl only for Secrets, see below).
# Reads only: discovery (/version, /api/v1, /apis/GROUP[/VERSION]) and one 'kubectl get -A' per kind.
#
# Secrets are never read with their data: kubectl proxy serves this script a local socket that allows only
# GET /api/v1/secrets, and curl asks the API server for its table view with metadata-only rows
# (Accept: application/json;as=Table;g=meta.k8s.io;v=v1, includeObject=Metadata), as kubepci does. The
# kubectl.kubernetes.io/last-applied-configuration annotation of a Secret, which can repeat its data, is redacted.
# Unlike 'kubepci collect', nothing else is redacted (environment values, ConfigMap data, annotations, container
# arguments): the file is written with mode 0600; treat it as confidential.
#
# Usage: scripts/collect-with-kubectl.sh [--context NAME] [--kubeconfig FILE] [--output FILE]
#                                        [--chunk-size N] [--request-timeout 60s] [--kinds Kind,group/Kind,...]
# SOURCE_DATE_EPOCH (seconds), when set, is recorded as the collection time instead of now.
set -euo pipefail

# The kinds kubepci's built-in rules read, with their API group ("" for core), as 'kubepci collect' lists them.
# A test keeps this list equal to the rules' needs: run the build after adding a rule that reads a new kind.
# BEGIN KINDS
KINDS=(
  "CertificateSigningRequest certificates.k8s.io"
  "ClusterRole rbac.authorization.k8s.io"
  "ClusterRoleBinding rbac.authorization.k8s.io"
  "ConfigMap -"
  "CronJob batch"
  "DaemonSet apps"
  "Deployment apps"
  "Ingress networking.k8s.io"
  "Job batch"
  "KubeletConfiguration ?"
  "LimitRange -"
  "MutatingWebhookConfiguration admissionregistration.k8s.io"
  "Namespace -"
  "NetworkPolicy networking.k8s.io"
  "Node -"
  "Pod -"
  "PodTemplate -"
  "ReplicaSet apps"
  "ReplicationController -"
  "ResourceQuota -"
  "Role rbac.authorization.k8s.io"
  "RoleBinding rbac.authorization.k8s.io"
  "RuntimeClass node.k8s.io"
  "Secret -"
  "Service -"
  "ServiceAccount -"
  "StatefulSet apps"
  "ValidatingAdmissionPolicy admissionregistration.k8s.io"
  "ValidatingAdmissionPolicyBinding admissionregistration.k8s.io"
  "ValidatingWebhookConfiguration admissionregistration.k8s.io"
  "aquasecurity.github.io/ClusterComplianceReport aquasecurity.github.io"
  "aquasecurity.github.io/ExposedSecretReport aquasecurity.github.io"
  "aquasecurity.github.io/VulnerabilityReport aquasecurity.github.io"
  "argoproj.io/Application argoproj.io"
  "bitnami.com/SealedSecret bitnami.com"
  "cert-manager.io/Certificate cert-manager.io"
  "cilium.io/CiliumClusterwideNetworkPolicy cilium.io"
  "cilium.io/CiliumNetworkPolicy cilium.io"
  "config.gatekeeper.sh/Config config.gatekeeper.sh"
  "crd.projectcalico.org/GlobalNetworkPolicy crd.projectcalico.org"
  "crd.projectcalico.org/IPPool crd.projectcalico.org"
  "crd.projectcalico.org/NetworkPolicy crd.projectcalico.org"
  "crd.projectcalico.org/Tier crd.projectcalico.org"
  "external-secrets.io/ClusterSecretStore external-secrets.io"
  "external-secrets.io/ExternalSecret external-secrets.io"
  "helm.toolkit.fluxcd.io/HelmRelease helm.toolkit.fluxcd.io"
  "kubepci.dev/KubeconfigCluster kubepci.dev"
  "kubepci.dev/KubeconfigUser kubepci.dev"
  "kustomize.toolkit.fluxcd.io/Kustomization kustomize.toolkit.fluxcd.io"
  "kyverno.io/ClusterPolicy kyverno.io"
  "kyverno.io/Policy kyverno.io"
  "kyverno.io/PolicyException kyverno.io"
  "policies.kubewarden.io/AdmissionPolicy policies.kubewarden.io"
  "policies.kubewarden.io/AdmissionPolicyGroup policies.kubewarden.io"
  "policies.kubewarden.io/ClusterAdmissionPolicy policies.kubewarden.io"
  "policies.kubewarden.io/ClusterAdmissionPolicyGroup policies.kubewarden.io"
  "policy.jspolicy.com/JsPolicy policy.jspolicy.com"
  "policy.sigstore.dev/ClusterImagePolicy policy.sigstore.dev"
  "secrets-store.csi.x-k8s.io/SecretProviderClass secrets-store.csi.x-k8s.io"
  "secrets.hashicorp.com/VaultDynamicSecret secrets.hashicorp.com"
  "secrets.hashicorp.com/VaultPKISecret secrets.hashicorp.com"
  "secrets.hashicorp.com/VaultStaticSecret secrets.hashicorp.com"
  "security.openshift.io/SecurityContextConstraints security.openshift.io"
  "templates.gatekeeper.sh/ConstraintTemplate templates.gatekeeper.sh"
)
# END KINDS
# Kinds that live in configuration files, never in the API: recorded as not collected, never listed.
CONFIG_FILE_KINDS=" KubeletConfiguration EncryptionConfiguration AdmissionConfiguration KubeSchedulerConfiguration \
KubeProxyConfiguration KubeControllerManagerConfiguration AuthenticationConfiguration AuthorizationConfiguration \
TracingConfiguration Config KubeconfigUser KubeconfigCluster "
# API groups of configuration-file kinds (and of kubepci's own kubeconfig evidence objects).
CONFIG_FILE_GROUPS=" kubelet.config.k8s.io apiserver.config.k8s.io audit.k8s.io kubescheduler.config.k8s.io \
kubeproxy.config.k8s.io kubecontrollermanager.config.k8s.io apiserver.k8s.io kubepci.dev "

PRODUCER_VERSION="1"
output=""
chunk=500
timeout="60s"
only=""
kubectl_args=()

die() { echo "collect-with-kubectl: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --context) kubectl_args+=(--context "$2"); shift 2 ;;
    --context=*) kubectl_args+=(--context "${1#*=}"); shift ;;
    --kubeconfig) kubectl_args+=(--kubeconfig "$2"); shift 2 ;;
    --kubeconfig=*) kubectl_args+=(--kubeconfig "${1#*=}"); shift ;;
    -o|--output) output="$2"; shift 2 ;;
    --output=*) output="${1#*=}"; shift ;;
    --chunk-size) chunk="$2"; shift 2 ;;
    --request-timeout) timeout="$2"; shift 2 ;;
    --kinds) only="$2"; shift 2 ;;
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done

for tool in kubectl jq gzip; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is required but not on PATH"
done
[[ "$chunk" =~ ^[1-9][0-9]*$ ]] || die "--chunk-size must be a positive number"

k() { kubectl "${kubectl_args[@]}" --request-timeout="$timeout" "$@"; }

if [ -n "$only" ]; then
  selected=()
  IFS=',' read -r -a wanted <<< "$only"
  for w in "${wanted[@]}"; do
    found=""
    for entry in "${KINDS[@]}"; do
      [ "${entry%% *}" = "$w" ] && found="$entry"
    done
    if [ -z "$found" ]; then
      case "$w" in
        Secret|ConfigMap|Service) found="$w -" ;;
        */*) found="$w ${w%/*}" ;;
        *) die "--kinds: $w is not a kind this script knows; name it group/Kind" ;;
      esac
    fi
    selected+=("$found")
  done
  # Namespaces and nodes are always collected, as kubepci does
  for always in "Namespace -" "Node -"; do
    printf '%s\n' "${selected[@]}" | grep -qx "$always" || selected+=("$always")
  done
  mapfile -t KINDS < <(printf '%s\n' "${selected[@]}" | LC_ALL=C sort -u)
fi

tmp=$(mktemp -d)
proxy_pid=""
cleanup() {
  [ -n "$proxy_pid" ] && kill "$proxy_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

# The server's message of a failed kubectl call: 'Error from server (Forbidden): MESSAGE' -> MESSAGE
server_message() { head -n 1 "$1" | sed -E 's/^Error from server \([A-Za-z]+\): //; s/^error: //'; }

# --- cluster identity, version, time -------------------------------------------------------------------------
# kubectl's own error output is kept out of the terminal: its first line is folded into this script's message
kubeconfig() { # jsonpath
  k config view --minify -o jsonpath="$1" 2> "$tmp/err" || die "no usable kubeconfig context: $(server_message "$tmp/err")"
}
server=$(kubeconfig '{.clusters[0].cluster.server}')
# never store or print credentials written into the URL: drop user information and any query
server=$(printf '%s' "$server" | sed -E 's#^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@#\1#; s#[?#].*$##')
server="${server%/}"
cluster_name=$(kubeconfig '{.clusters[0].name}')
context=$(kubeconfig '{.current-context}')
if ! k get --raw /version > "$tmp/version.json" 2> "$tmp/err"; then
  echo "collect-with-kubectl: cannot reach the Kubernetes API server at $server: $(head -n 1 "$tmp/err")" >&2
  exit 3
fi
if [ -n "${SOURCE_DATE_EPOCH:-}" ]; then
  collected_at=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%dT%H:%M:%SZ)
else
  collected_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)
fi
[ -n "$output" ] || output="cluster-$(date -u +%Y%m%dT%H%M%SZ).kpci.jsonl.gz"

reads=()
for entry in "${KINDS[@]}"; do
  reads+=("${entry%% *}")
done

jq -nc --arg at "$collected_at" --arg name "$cluster_name" --arg context "$context" --arg server "$server" \
  --arg version "$PRODUCER_VERSION" --slurpfile v "$tmp/version.json" \
  --args '{apiVersion: "kubepci.dev/v1", kind: "SnapshotHeader", formatVersion: 1,
           producer: {name: "collect-with-kubectl.sh", version: $version}, collectedAt: $at,
           cluster: ({name: $name, context: $context, server: $server, version: $v[0]}
                     | with_entries(select(.value != ""))),
           requested: $ARGS.positional}' "${reads[@]}" > "$tmp/header.jsonl"

: > "$tmp/objects.jsonl"
: > "$tmp/kinds.jsonl"

# one line of the trailer's kinds list
report() { # read group version resource namespaced outcome count status message
  jq -nc --arg read "$1" --arg group "$2" --arg version "$3" --arg resource "$4" --arg namespaced "$5" \
    --arg outcome "$6" --argjson count "$7" --arg status "$8" --arg message "$9" \
    '{read: $read}
     + (if $resource == "" then {} else {group: $group, version: $version, resource: $resource,
                                         namespaced: ($namespaced == "true")} end)
     + {outcome: $outcome, count: $count}
     + (if $status == "" then {} else {status: ($status | tonumber)} end)
     + (if $message == "" then {} else {message: $message} end)' >> "$tmp/kinds.jsonl"
}

# A discovery document, asked once per run (several kinds share a group); a failure is not remembered
raw() { # path file
  local cache
  cache="$tmp/raw$(printf '%s' "$1" | tr '/.' '__')"
  if [ ! -f "$cache" ]; then
    k get --raw "$1" > "$cache.partial" 2> "$tmp/err" || { rm -f "$cache.partial"; return 1; }
    mv "$cache.partial" "$cache"
  fi
  cp "$cache" "$2"
}

# Finds where a kind is served: sets res_version, res_resource, res_namespaced; returns 1 when not served
discover() { # group kind
  local group="$1" kind="$2" versions path
  if [ -z "$group" ]; then
    versions="v1"
  else
    if ! raw "/apis/$group" "$tmp/group.json"; then
      grep -q '(NotFound)' "$tmp/err" && return 1
      discovery_error="discovery of $group failed: $(server_message "$tmp/err")"
      return 2
    fi
    versions=$(jq -r '[.preferredVersion.version] + [.versions[].version] | map(select(. != null))
                      | reduce .[] as $v ([]; if any(.[]; . == $v) then . else . + [$v] end) | .[]' \
                      "$tmp/group.json")
  fi
  for v in $versions; do
    if [ -z "$group" ]; then path="/api/v1"; else path="/apis/$group/$v"; fi
    if ! raw "$path" "$tmp/resources.json"; then
      discovery_error="discovery of ${group:+$group/}$v failed: $(server_message "$tmp/err")"
      continue
    fi
    local hit
    hit=$(jq -r --arg kind "$kind" '[.resources[] | select(.kind == $kind and (.name | contains("/") | not)
                                     and (.verbs | index("list")))][0] // empty
                                    | "\(.name) \(.namespaced)"' "$tmp/resources.json")
    if [ -n "$hit" ]; then
      res_version="$v"; res_resource="${hit% *}"; res_namespaced="${hit#* }"
      return 0
    fi
  done
  [ -n "${discovery_error:-}" ] && return 2
  return 1
}

# Secrets: metadata and type only, through a kubectl proxy socket limited to the Secret list
list_secrets() {
  command -v curl >/dev/null 2>&1 || { secret_error="curl is required to list Secrets as metadata only"; return 1; }
  local sock="$tmp/proxy.sock" token="" page=0 code
  kubectl "${kubectl_args[@]}" proxy --unix-socket="$sock" --accept-paths='^/api/v1/secrets$' \
    --reject-methods='^(POST|PUT|PATCH|DELETE)$' > "$tmp/proxy.log" 2>&1 &
  proxy_pid=$!
  for _ in $(seq 1 50); do [ -S "$sock" ] && break; sleep 0.1; done
  [ -S "$sock" ] || { secret_error="kubectl proxy did not start: $(head -n 1 "$tmp/proxy.log")"; return 1; }
  while :; do
    page=$((page + 1))
    code=$(curl -sS --unix-socket "$sock" -o "$tmp/page.json" -w '%{http_code}' \
      -H 'Accept: application/json;as=Table;g=meta.k8s.io;v=v1' \
      --get --data-urlencode "limit=$chunk" --data-urlencode "includeObject=Metadata" \
      ${token:+--data-urlencode "continue=$token"} "http://localhost/api/v1/secrets") || code=000
    if [ "$code" != 200 ]; then
      secret_status="$code"
      secret_error=$(jq -r '.message // empty' "$tmp/page.json" 2>/dev/null || true)
      [ -n "$secret_error" ] || secret_error="HTTP $code"
      return 1
    fi
    if [ "$(jq -r '.kind' "$tmp/page.json")" != "Table" ]; then
      secret_error="the API server did not answer the Secret list with a metadata-only Table; the answer was discarded"
      rm -f "$tmp/page.json"
      return 1
    fi
    jq -c '([.columnDefinitions[].name | ascii_downcase] | index("type")) as $t
           | .rows[] | select(.object.metadata != null)
           | {apiVersion: "v1", kind: "Secret", metadata: (.object.metadata | del(.managedFields))}
             + (if $t != null and ((.cells[$t]) | type) == "string" then {type: .cells[$t]} else {} end)
           | if .metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"] != null
             then .metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"] =
                  "(redacted by kubepci: this annotation can hold the secret'"'"'s data)"
             else . end' "$tmp/page.json" >> "$tmp/secrets.jsonl"
    token=$(jq -r '.metadata.continue // empty' "$tmp/page.json")
    [ -n "$token" ] || break
  done
  kill "$proxy_pid" 2>/dev/null || true
  wait "$proxy_pid" 2>/dev/null || true
  proxy_pid=""
}

# --- one list per kind ---------------------------------------------------------------------------------------
for entry in "${KINDS[@]}"; do
  read_name="${entry%% *}"
  group="${entry#* }"
  [ "$group" = "-" ] && group=""
  kind="${read_name##*/}"
  discovery_error=""
  # as KnownResources.isConfigFile: a plain kind by name, a group-qualified kind by its group
  # (config.gatekeeper.sh/Config is an API object, kubepci.dev/KubeconfigUser is not)
  if { [ "$read_name" = "$kind" ] && [[ "$CONFIG_FILE_KINDS" == *" $kind "* ]]; } \
      || [[ "$CONFIG_FILE_GROUPS" == *" ${read_name%/*} "* && "$read_name" == */* ]]; then
    report "$read_name" "" "" "" "" "not-in-api" 0 "" ""
    continue
  fi
  set +e
  discover "$group" "$kind"
  found=$?
  set -e
  if [ "$found" = 1 ]; then
    report "$read_name" "" "" "" "" "absent" 0 "" ""
    continue
  elif [ "$found" = 2 ]; then
    report "$read_name" "" "" "" "" "failed" 0 "" "$discovery_error"
    continue
  fi
  before=$(wc -l < "$tmp/objects.jsonl")
  if [ -z "$group" ] && [ "$res_resource" = "secrets" ]; then
    : > "$tmp/secrets.jsonl"
    secret_error=""
    secret_status=""
    if list_secrets; then
      cat "$tmp/secrets.jsonl" >> "$tmp/objects.jsonl"
      report "$read_name" "" "v1" secrets true collected "$(wc -l < "$tmp/secrets.jsonl")" "" ""
    elif [ "${secret_status:-}" = 403 ]; then
      report "$read_name" "" "v1" secrets true forbidden 0 403 "$secret_error"
    else
      report "$read_name" "" "v1" secrets true failed 0 "${secret_status:-}" "$secret_error"
    fi
    continue
  fi
  if [ -z "$group" ]; then target="$res_resource"; else target="$res_resource.$res_version.$group"; fi
  if k get "$target" --all-namespaces --chunk-size="$chunk" -o json > "$tmp/list.json" 2> "$tmp/err"; then
    jq -c '.items[] | del(.metadata.managedFields)' "$tmp/list.json" >> "$tmp/objects.jsonl"
    count=$(( $(wc -l < "$tmp/objects.jsonl") - before ))
    report "$read_name" "$group" "$res_version" "$res_resource" "$res_namespaced" collected "$count" "" ""
  elif grep -q '(Forbidden)' "$tmp/err"; then
    report "$read_name" "$group" "$res_version" "$res_resource" "$res_namespaced" forbidden 0 403 \
      "$(server_message "$tmp/err")"
    echo "collect-with-kubectl: $read_name not collected: $(server_message "$tmp/err")" >&2
  elif grep -q '(NotFound)' "$tmp/err"; then
    report "$read_name" "$group" "$res_version" "$res_resource" "$res_namespaced" absent 0 "" ""
  else
    report "$read_name" "$group" "$res_version" "$res_resource" "$res_namespaced" failed 0 "" \
      "kubectl get $target: $(server_message "$tmp/err")"
    echo "collect-with-kubectl: $read_name not collected: $(server_message "$tmp/err")" >&2
  fi
done

objects=$(wc -l < "$tmp/objects.jsonl")
jq -sc --argjson objects "$objects" \
  '{apiVersion: "kubepci.dev/v1", kind: "SnapshotTrailer", objects: $objects, kinds: .}' "$tmp/kinds.jsonl" \
  > "$tmp/trailer.jsonl"

# the snapshot is not redacted (see the README): readable by its owner only, as kubepci writes its own
(umask 077; cat "$tmp/header.jsonl" "$tmp/objects.jsonl" "$tmp/trailer.jsonl" | gzip -c > "$output.partial")
mv "$output.partial" "$output"
echo "Wrote $output: $objects objects of ${#KINDS[@]} kinds from cluster $server (context $context)."
